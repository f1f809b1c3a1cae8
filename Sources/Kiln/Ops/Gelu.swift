import Foundation

/// Gelu (opset 20): y = 0.5 x (1 + erf(x / sqrt 2)), or with approximate="tanh"
/// y = 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))). Float types.
public enum Gelu: Operator {
    public static let opType = "Gelu"
    static func usesTanh(_ n: NodeContext) throws -> Bool {
        switch try n.string("approximate", default: "none") {
        case "none": return false
        case "tanh": return true
        case let s: throw n.error("approximate '\(KilnError.printable(s))' is not 'none' or 'tanh'")
        }
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try usesTanh(n)
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        if try usesTanh(n) {
            return try UnaryElementwise.foldFloat(n) { v in
                0.5 * v * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (v + 0.044715 * v * v * v)))
            }
        }
        return try UnaryElementwise.foldFloat(n) { v in 0.5 * v * (1 + Foundation.erf(v / 2.0.squareRoot())) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: try usesTanh(n) ? "gelu_tanh" : "gelu", source: "kiln_activation")
    }
}
