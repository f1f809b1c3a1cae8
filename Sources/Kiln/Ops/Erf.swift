import Foundation

/// Erf: y = erf(x), the Gauss error function. Float types; float16/bfloat16 compute in float.
public enum Erf: Operator {
    public static let opType = "Erf"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.erf($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "erf", source: "kiln_unary")
    }
}
