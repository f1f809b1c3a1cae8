import Foundation

/// Elu: y = x < 0 ? alpha * (e^x - 1) : x (alpha default 1). Float types; float16/bfloat16 compute in float.
public enum Elu: Operator {
    public static let opType = "Elu"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try n.float("alpha")
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let a = Double(try n.float("alpha", default: 1.0))
        return try UnaryElementwise.foldFloat(n) { v in v < 0 ? a * Foundation.expm1(v) : v }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "elu", source: "kiln_activation",
                                   params: [.float(try n.float("alpha", default: 1.0))])
    }
}
