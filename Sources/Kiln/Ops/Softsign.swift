import Foundation

/// Softsign: y = x / (1 + |x|). Float types; float16/bfloat16 compute in float.
public enum Softsign: Operator {
    public static let opType = "Softsign"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0 / (1 + Swift.abs($0)) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "softsign", source: "kiln_activation")
    }
}
