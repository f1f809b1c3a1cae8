/// Abs: y = |x|. Every numeric type; abs(INT_MIN) wraps to INT_MIN.
public enum Abs: Operator {
    public static let opType = "Abs"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.fold(n, float: { Swift.abs($0) }, signed: { $0 < 0 ? 0 &- $0 : $0 }, unsigned: { $0 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "abs", source: "kiln_unary")
    }
}
