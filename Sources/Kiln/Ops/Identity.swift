/// Identity: the output is the input; no code runs, the planner shares the buffer.
public enum Identity: Operator {
    public static let opType = "Identity"
    public static let aliasesInput = true
    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try n.input(0)] }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { n.constant(0).map { [$0] } }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
