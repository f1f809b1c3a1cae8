import Foundation

/// Floor: y = floor(x). Float types; float16/bfloat16 compute in float.
public enum Floor: Operator {
    public static let opType = "Floor"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0.rounded(.down) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "floor", source: "kiln_unary")
    }
}
