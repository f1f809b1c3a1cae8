/// ai.onnx.ml ArrayFeatureExtractor: selects the entries `indices` (int64, run time; negative count from the
/// end, others outside the range give 0) of the last axis. A 1-D input gives a [1, k] output.
public enum ArrayFeatureExtractor: Operator {
    public static let opType = "ArrayFeatureExtractor"
    public static let domain = "ai.onnx.ml"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), i = try n.input(1)
        guard i.dtype == .int64 else { throw n.error("indices must be int64, they are \(i.dtype.onnxName)") }
        guard x.rank >= 1 else { throw n.error("X must have at least one dim") }
        let shape = x.rank == 1 ? [1, i.count] : Array(x.shape.dropLast()) + [i.count]
        return [TensorType(x.dtype, shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), i = try n.input(1)
        b.call("kiln_gather_i64", source: "kiln_gather",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(DataMovement.product(x.shape, 0..<(x.rank - 1))), .int(x.shape[x.rank - 1]), .int(i.count),
                .int(x.dtype.size)])
    }
}
