import Foundation

/// Mish: y = x * tanh(softplus(x)). Float types; float16/bfloat16 compute in float.
public enum Mish: Operator {
    public static let opType = "Mish"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0 * Foundation.tanh(FoldMath.softplus($0)) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "mish", source: "kiln_activation")
    }
}
