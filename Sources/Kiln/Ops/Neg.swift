/// Neg: y = -x. Float and signed integer types; -INT_MIN wraps to INT_MIN.
public enum Neg: Operator {
    public static let opType = "Neg"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: BinaryElementwise.floats.union(BinaryElementwise.signedInts))
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.fold(n, float: { -$0 }, signed: { 0 &- $0 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "neg", source: "kiln_unary")
    }
}
