/// EyeLike: a 2-D tensor shaped like the input with ones on diagonal `k` and zeros elsewhere, of type `dtype`
/// (the input's type by default). Depends only on the input's shape, so it folds; when the result is too large
/// to store as a constant, a kernel writes it.
public enum EyeLike: Operator {
    public static let opType = "EyeLike"
    public static let foldsFromTypes = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        guard x.rank == 2 else { throw n.error("input must be 2-D, it is \(x)") }
        var dtype = x.dtype
        if let code = try n.int("dtype") {
            guard let t = DType(rawValue: code) else { throw n.unsupported("dtype \(code) is not supported") }
            dtype = t
        }
        return [TensorType(dtype, x.shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let y = try n.output(0)
        let k = try n.int("k", default: 0)
        let rows = y.shape[0], cols = y.shape[1]
        var v = [Double](repeating: 0, count: y.count)
        for i in 0..<rows {
            let (j, o) = i.addingReportingOverflow(k)
            if !o && j >= 0 && j < cols { v[i * cols + j] = 1 }
        }
        return [TensorData(dtype: y.dtype, shape: y.shape, doubles: v)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let y = try n.output(0)
        let k = try n.int("k", default: 0)
        let clamped = Swift.min(Swift.max(k, -y.shape[0] - 1), y.shape[1] + 1)
        let one = DataMovement.scalarConstant(&b, TensorData(dtype: y.dtype, shape: [], doubles: [1]).bytes, y.dtype,
                                              name: "\(n.name)_one")
        b.call("kiln_eyelike", source: "kiln_eyelike",
               [.output(try n.outputID(0)), .int(y.shape[0]), .int(y.shape[1]), .int(clamped), .int(y.dtype.size), .input(one)])
    }
}
