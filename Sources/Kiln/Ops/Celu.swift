import Foundation

/// Celu: y = max(0, x) + min(0, alpha * (e^(x / alpha) - 1)) (alpha default 1). Float types; float16/bfloat16 compute in float.
public enum Celu: Operator {
    public static let opType = "Celu"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try n.float("alpha")
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let a = Double(try n.float("alpha", default: 1.0))
        return try UnaryElementwise.foldFloat(n) { v in v > 0 ? v : a * Foundation.expm1(v / a) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "celu", source: "kiln_activation",
                                   params: [.float(try n.float("alpha", default: 1.0))])
    }
}
