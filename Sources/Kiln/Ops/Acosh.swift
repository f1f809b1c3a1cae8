import Foundation

/// Acosh: y = acosh(x); NaN below 1. Float types; float16/bfloat16 compute in float.
public enum Acosh: Operator {
    public static let opType = "Acosh"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.acosh($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "acosh", source: "kiln_trig")
    }
}
