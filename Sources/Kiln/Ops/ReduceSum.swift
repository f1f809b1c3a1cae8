/// ReduceSum over `axes` (attribute before opset 13, optional input since), keepdims, noop_with_empty_axes.
public enum ReduceSum: Operator {
    public static let opType = "ReduceSum"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Reduction.infer(n, .sum, axesInputSince: 13) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { try Reduction.fold(n, .sum, axesInputSince: 13) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try Reduction.lower(n, &b, .sum, axesInputSince: 13)
    }
}
