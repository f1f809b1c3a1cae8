/// ReduceLogSum over `axes` (attribute before opset 18, optional input since), keepdims, noop_with_empty_axes.
public enum ReduceLogSum: Operator {
    public static let opType = "ReduceLogSum"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Reduction.infer(n, .logsum, axesInputSince: 18) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { try Reduction.fold(n, .logsum, axesInputSince: 18) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try Reduction.lower(n, &b, .logsum, axesInputSince: 18)
    }
}
