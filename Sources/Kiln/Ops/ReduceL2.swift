/// ReduceL2 over `axes` (attribute before opset 18, optional input since), keepdims, noop_with_empty_axes.
public enum ReduceL2: Operator {
    public static let opType = "ReduceL2"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Reduction.infer(n, .l2, axesInputSince: 18) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { try Reduction.fold(n, .l2, axesInputSince: 18) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try Reduction.lower(n, &b, .l2, axesInputSince: 18)
    }
}
