/// ReduceProd over `axes` (attribute before opset 18, optional input since), keepdims, noop_with_empty_axes.
public enum ReduceProd: Operator {
    public static let opType = "ReduceProd"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Reduction.infer(n, .prod, axesInputSince: 18) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { try Reduction.fold(n, .prod, axesInputSince: 18) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try Reduction.lower(n, &b, .prod, axesInputSince: 18)
    }
}
