import Foundation

/// LeakyRelu: y = x < 0 ? alpha * x : x (alpha default 0.01). Float types; float16/bfloat16 compute in float.
public enum LeakyRelu: Operator {
    public static let opType = "LeakyRelu"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try n.float("alpha")
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let a = Double(try n.float("alpha", default: 0.01))
        return try UnaryElementwise.foldFloat(n) { v in v < 0 ? a * v : v }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "leakyrelu", source: "kiln_activation",
                                   params: [.float(try n.float("alpha", default: 0.01))])
    }
}
