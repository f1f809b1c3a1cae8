/// MatMul with NumPy semantics: batched with broadcasting of the batch dims; a 1-D first operand is a row vector
/// and a 1-D second operand a column vector, and their unit dims are dropped from the result.
public enum MatMul: Operator {
    public static let opType = "MatMul"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let a = try n.input(0), b = try n.input(1)
        try n.requireSameDType([a, b])
        try n.requireDType(a, MatrixProduct.types)
        let s = try MatrixProduct.matmulShapes(a.shape, b.shape, n)
        return [TensorType(a.dtype, s.output)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let s = try MatrixProduct.matmulShapes(a.shape, b.shape, n)
        guard s.output.reduce(1, *) * s.k <= 1 << 20 else { return nil }
        let av = a.doubles, bv = b.doubles
        let sa = Broadcast.strides(of: s.batchA, as: s.batch), sb = Broadcast.strides(of: s.batchB, as: s.batch)
        let batch = s.batch.reduce(1, *)
        var out: [Double] = []
        var idx = [Int](repeating: 0, count: s.batch.count)
        for _ in 0..<batch {
            var oa = 0, ob = 0
            for d in 0..<idx.count { oa += idx[d] * sa[d]; ob += idx[d] * sb[d] }
            oa *= s.m * s.k; ob *= s.k * s.n
            for i in 0..<s.m {
                for j in 0..<s.n {
                    var acc = 0.0
                    for k in 0..<s.k { acc += av[oa + i * s.k + k] * bv[ob + k * s.n + j] }
                    out.append(acc)
                }
            }
            var d = idx.count - 1
            while d >= 0 { idx[d] += 1; if idx[d] < s.batch[d] { break }; idx[d] = 0; d -= 1 }
        }
        return [TensorData(dtype: a.dtype, shape: s.output, doubles: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let a = try n.input(0), bt = try n.input(1)
        let s = try MatrixProduct.matmulShapes(a.shape, bt.shape, n)
        if try n.output(0).count == 0 { return }
        var m = s.m, shape: [Int] = [], sa: [Int] = [], sb: [Int] = []
        if s.batchB.reduce(1, *) == 1 {
            // B is one matrix: the whole batch of A is one taller GEMM.
            m = s.m * s.batch.reduce(1, *)
        } else {
            let strides = [Broadcast.strides(of: s.batchA, as: s.batch).map { $0 * s.m * s.k },
                           Broadcast.strides(of: s.batchB, as: s.batch).map { $0 * s.k * s.n }]
            let c = Broadcast.collapse(shape: s.batch, strides: strides)
            guard c.shape.count <= 8 else { throw n.unsupported("too many batch dims") }
            shape = c.shape; sa = c.strides[0]; sb = c.strides[1]
        }
        let act = try FusedActivation.bounds(n)
        b.call("kiln_matmul_\(a.dtype.kernelSuffix)", source: "kiln_gemm",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(m), .int(s.n), .int(s.k), .int(shape.count), .ints(shape), .ints(sa), .ints(sb),
                .int(FusedActivation.kind(n)), .float(act.min), .float(act.max)],
               macs: s.output.reduce(1, *) * s.k)
    }
}
