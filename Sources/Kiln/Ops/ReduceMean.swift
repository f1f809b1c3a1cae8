/// ReduceMean over `axes` (attribute before opset 18, optional input since), keepdims, noop_with_empty_axes.
public enum ReduceMean: Operator {
    public static let opType = "ReduceMean"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Reduction.infer(n, .mean, axesInputSince: 18) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { try Reduction.fold(n, .mean, axesInputSince: 18) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try Reduction.lower(n, &b, .mean, axesInputSince: 18)
    }
}
