import Foundation

/// Cos: y = cos(x). Float types; float16/bfloat16 compute in float.
public enum Cos: Operator {
    public static let opType = "Cos"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.cos($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "cos", source: "kiln_trig")
    }
}
