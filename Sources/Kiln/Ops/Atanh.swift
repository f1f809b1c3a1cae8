import Foundation

/// Atanh: y = atanh(x); NaN outside [-1, 1]. Float types; float16/bfloat16 compute in float.
public enum Atanh: Operator {
    public static let opType = "Atanh"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.atanh($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "atanh", source: "kiln_trig")
    }
}
