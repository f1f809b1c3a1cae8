/// Det (opset 11, 22): determinant of each square matrix in the last two dims ([*, M, M] -> [*]); float32 and
/// float64, by `kiln_det` (Gaussian elimination with partial pivoting).
public enum Det: Operator {
    public static let opType = "Det"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.float32, .float64])
        guard x.rank >= 2, x.shape[x.rank - 1] == x.shape[x.rank - 2] else {
            throw n.error("input must be [*, M, M], it is \(x.shape)")
        }
        return [TensorType(x.dtype, Array(x.shape.dropLast(2)))]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), m = x.shape[x.rank - 1]
        let s = b.scratch(bytes: max(m * m * x.dtype.size, x.dtype.size))
        b.call("kiln_det_\(x.dtype.kernelSuffix)", source: "kiln_det",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .scratch(s), .int(try n.output(0).count), .int(m)],
               macs: try n.output(0).count * m * m * m / 3)
    }
}
