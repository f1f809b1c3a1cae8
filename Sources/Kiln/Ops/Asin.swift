import Foundation

/// Asin: y = asin(x); NaN outside [-1, 1]. Float types; float16/bfloat16 compute in float.
public enum Asin: Operator {
    public static let opType = "Asin"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.asin($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "asin", source: "kiln_trig")
    }
}
