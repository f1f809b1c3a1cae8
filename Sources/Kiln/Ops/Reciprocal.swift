import Foundation

/// Reciprocal: y = 1 / x. Float types; float16/bfloat16 compute in float.
public enum Reciprocal: Operator {
    public static let opType = "Reciprocal"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { 1 / $0 }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "reciprocal", source: "kiln_unary")
    }
}
