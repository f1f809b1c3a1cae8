import Foundation

/// Sqrt: y = sqrt(x); negative inputs give NaN. Float types; float16/bfloat16 compute in float.
public enum Sqrt: Operator {
    public static let opType = "Sqrt"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { $0.squareRoot() }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "sqrt", source: "kiln_unary")
    }
}
