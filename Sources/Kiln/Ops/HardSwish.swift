import Foundation

/// HardSwish: y = x * max(0, min(1, x / 6 + 0.5)). Float types; float16/bfloat16 compute in float.
public enum HardSwish: Operator {
    public static let opType = "HardSwish"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0 * FoldMath.clamp01($0 / 6 + 0.5) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "hardswish", source: "kiln_activation")
    }
}
