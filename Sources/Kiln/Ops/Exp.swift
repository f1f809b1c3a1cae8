import Foundation

/// Exp: y = e^x. Float types; float16/bfloat16 compute in float.
public enum Exp: Operator {
    public static let opType = "Exp"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.exp($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "exp", source: "kiln_unary")
    }
}
