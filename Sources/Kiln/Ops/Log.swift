import Foundation

/// Log: y = ln(x); log of a negative number is NaN, log(0) is -inf. Float types; float16/bfloat16 compute in float.
public enum Log: Operator {
    public static let opType = "Log"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.log($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "log", source: "kiln_unary")
    }
}
