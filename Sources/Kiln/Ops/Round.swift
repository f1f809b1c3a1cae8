import Foundation

/// Round: y = x rounded to the nearest integer, halves to even. Float types; float16/bfloat16 compute in float.
public enum Round: Operator {
    public static let opType = "Round"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0.rounded(.toNearestOrEven) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "round", source: "kiln_unary")
    }
}
