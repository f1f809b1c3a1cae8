/// Gemm: Y = alpha * op(A) * op(B) + beta * C, C broadcast to [M, N] (optional since opset 11).
/// A constant transposed B (or A) is repacked at compile time so the kernel reads it row by row.
public enum Gemm: Operator {
    public static let opType = "Gemm"

    struct Dims { var m: Int, n: Int, k: Int, transA: Bool, transB: Bool }

    static func dims(_ n: NodeContext) throws -> Dims {
        let a = try n.input(0), b = try n.input(1)
        try n.requireSameDType([a, b])
        try n.requireDType(a, MatrixProduct.types)
        guard a.rank == 2, b.rank == 2 else { throw n.error("A \(a.shape) and B \(b.shape) must be 2-D") }
        let ta = try n.int("transA", default: 0) != 0, tb = try n.int("transB", default: 0) != 0
        let m = ta ? a.shape[1] : a.shape[0], k = ta ? a.shape[0] : a.shape[1]
        let kb = tb ? b.shape[1] : b.shape[0], nn = tb ? b.shape[0] : b.shape[1]
        guard k == kb else { throw n.error("inner dims differ: A \(a.shape) B \(b.shape) (transA=\(ta), transB=\(tb))") }
        if n.hasInput(2) {
            let c = try n.input(2)
            guard c.dtype == a.dtype else { throw n.error("C type \(c.dtype.onnxName) differs from A") }
            guard c.rank <= 2, Broadcast.shape([c.shape, [m, nn]]) == [m, nn] else {
                throw n.error("C \(c.shape) cannot be broadcast to [\(m), \(nn)]")
            }
        }
        return Dims(m: m, n: nn, k: k, transA: ta, transB: tb)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let d = try dims(n)
        let a = try n.input(0)
        if !a.dtype.isFloat {
            let alpha = try n.float("alpha", default: 1), beta = try n.float("beta", default: 1)
            guard alpha == 1, beta == 1 || !n.hasInput(2) else {
                throw n.unsupported("integer Gemm with alpha or beta other than 1")
            }
        }
        return [TensorType(a.dtype, [d.m, d.n])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        var d = try dims(n)
        let alpha = try n.float("alpha", default: 1), beta = try n.float("beta", default: 1)
        let a = try n.input(0)
        var aArg: KernelArg = .input(try n.inputID(0)), bArg: KernelArg = .input(try n.inputID(1))
        if d.transB, let w = n.constant(1) {
            bArg = .input(b.constant(MatrixProduct.transposed(w), name: "\(n.name)_B_t"))
            d.transB = false
        }
        if d.transA, let w = n.constant(0) {
            aArg = .input(b.constant(MatrixProduct.transposed(w), name: "\(n.name)_A_t"))
            d.transA = false
        }
        var cArg: KernelArg = .null, scm = 0, scn = 0
        if n.hasInput(2) {
            let c = try n.input(2)
            let s = Broadcast.strides(of: c.shape, as: [d.m, d.n])
            cArg = .input(try n.inputID(2)); scm = s[0]; scn = s[1]
        }
        let act = try FusedActivation.bounds(n)
        if try n.output(0).count == 0 { return }
        b.call("kiln_gemm_\(a.dtype.kernelSuffix)", source: "kiln_gemm",
               [aArg, bArg, cArg, .output(try n.outputID(0)),
                .int(d.m), .int(d.n), .int(d.k), .int(d.transA ? 1 : 0), .int(d.transB ? 1 : 0),
                .float(alpha), .float(beta), .int(scm), .int(scn),
                .int(FusedActivation.kind(n)), .float(act.min), .float(act.max)],
               macs: d.m * d.n * d.k)
    }
}
