import Foundation

/// Ceil: y = ceil(x). Float types; float16/bfloat16 compute in float.
public enum Ceil: Operator {
    public static let opType = "Ceil"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0.rounded(.up) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "ceil", source: "kiln_unary")
    }
}
