import Foundation

/// Selu: y = gamma * (x > 0 ? x : alpha * (e^x - 1)), with ONNX's default alpha and gamma. Float types.
public enum Selu: Operator {
    public static let opType = "Selu"
    static func params(_ n: NodeContext) throws -> (Float, Float) {
        (try n.float("alpha", default: 1.67326319217681884765625), try n.float("gamma", default: 1.05070102214813232421875))
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try params(n)
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let (a, g) = try params(n)
        return try UnaryElementwise.foldFloat(n) { v in Double(g) * (v > 0 ? v : Double(a) * Foundation.expm1(v)) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (alpha, gamma) = try params(n)
        try UnaryElementwise.lower(n, &b, kernel: "selu", source: "kiln_activation", params: [.float(alpha), .float(gamma)])
    }
}
