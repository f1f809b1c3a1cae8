import Foundation

/// Sin: y = sin(x). Float types; float16/bfloat16 compute in float.
public enum Sin: Operator {
    public static let opType = "Sin"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.foldFloat(n) { Foundation.sin($0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "sin", source: "kiln_trig")
    }
}
