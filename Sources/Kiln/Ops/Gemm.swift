/// Gemm: Y = alpha * op(A) * op(B) + beta * C, C broadcast to [M, N] (optional since opset 11).
public enum Gemm: Operator {
    public static let opType = "Gemm"

    struct Dims { var m: Int, n: Int, k: Int, transA: Bool, transB: Bool }

    static func dims(_ n: NodeContext) throws -> Dims {
        let a = try n.input(0), b = try n.input(1)
        try n.requireSameDType([a, b])
        try n.requireDType(a, [.float32])
        guard a.rank == 2, b.rank == 2 else { throw n.error("A \(a.shape) and B \(b.shape) must be 2-D") }
        let ta = try n.int("transA", default: 0) != 0, tb = try n.int("transB", default: 0) != 0
        let m = ta ? a.shape[1] : a.shape[0], k = ta ? a.shape[0] : a.shape[1]
        let kb = tb ? b.shape[1] : b.shape[0], nn = tb ? b.shape[0] : b.shape[1]
        guard k == kb else { throw n.error("inner dims differ: A \(a.shape) B \(b.shape) (transA=\(ta), transB=\(tb))") }
        if n.hasInput(2) {
            let c = try n.input(2)
            guard Broadcast.shape([c.shape, [m, nn]]) == [m, nn] else {
                throw n.error("C \(c.shape) cannot be broadcast to [\(m), \(nn)]")
            }
        }
        return Dims(m: m, n: nn, k: k, transA: ta, transB: tb)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let d = try dims(n)
        return [TensorType(try n.input(0).dtype, [d.m, d.n])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let d = try dims(n)
        let alpha = try n.float("alpha", default: 1), beta = try n.float("beta", default: 1)
        var cArg: KernelArg = .null, scm = 0, scn = 0
        if n.hasInput(2) {
            let c = try n.input(2)
            let s = Broadcast.strides(of: c.shape, as: [d.m, d.n])
            cArg = .input(try n.inputID(2)); scm = s[0]; scn = s[1]
        }
        let act = try FusedActivation.bounds(n)
        b.call("kiln_gemm_f32", source: "kiln_gemm",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), cArg, .output(try n.outputID(0)),
                .int(d.m), .int(d.n), .int(d.k), .int(d.transA ? 1 : 0), .int(d.transB ? 1 : 0),
                .float(alpha), .float(beta), .int(scm), .int(scn),
                .int(FusedActivation.kind(n)), .float(act.min), .float(act.max)],
               macs: d.m * d.n * d.k)
    }
}
