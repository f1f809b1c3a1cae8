/// Not: y = !x on bool tensors.
public enum Not: Operator {
    public static let opType = "Not"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: [.bool])
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.fold(n, float: { $0 }, unsigned: { $0 == 0 ? 1 : 0 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "not", source: "kiln_logic")
    }
}
