import Foundation

/// Tan: y = tan(x). Float types; float16/bfloat16 compute in float.
public enum Tan: Operator {
    public static let opType = "Tan"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.tan($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "tan", source: "kiln_trig")
    }
}
