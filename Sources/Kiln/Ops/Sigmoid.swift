import Foundation

/// Sigmoid: y = 1 / (1 + e^-x), computed without overflow for large |x|. Float types; float16/bfloat16 compute in float.
public enum Sigmoid: Operator {
    public static let opType = "Sigmoid"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { FoldMath.sigmoid($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "sigmoid", source: "kiln_activation")
    }
}
