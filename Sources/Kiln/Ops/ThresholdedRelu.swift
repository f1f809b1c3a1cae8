import Foundation

/// ThresholdedRelu: y = x > alpha ? x : 0 (alpha default 1). Float types; float16/bfloat16 compute in float.
public enum ThresholdedRelu: Operator {
    public static let opType = "ThresholdedRelu"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try n.float("alpha")
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let a = Double(try n.float("alpha", default: 1.0))
        return try UnaryElementwise.foldFloat(n) { v in v > a ? v : 0 }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "thresholdedrelu", source: "kiln_activation",
                                   params: [.float(try n.float("alpha", default: 1.0))])
    }
}
