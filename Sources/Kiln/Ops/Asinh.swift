import Foundation

/// Asinh: y = asinh(x). Float types; float16/bfloat16 compute in float.
public enum Asinh: Operator {
    public static let opType = "Asinh"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.asinh($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "asinh", source: "kiln_trig")
    }
}
