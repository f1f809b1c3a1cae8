/// IsNaN: y = (x is NaN) as bool. Float types.
public enum IsNaN: Operator {
    public static let opType = "IsNaN"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats, result: .bool)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldPredicate(n) { $0.isNaN }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "isnan", source: "kiln_unary")
    }
}
