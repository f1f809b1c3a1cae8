/// Scatter (opsets 9-10): ScatterElements without reduction, under its old name.
public enum Scatter: Operator {
    public static let opType = "Scatter"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try ScatterElements.infer(n) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { try ScatterElements.lower(n, &b) }
}
