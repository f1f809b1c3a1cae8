/// HardSigmoid: y = max(0, min(1, alpha * x + beta)) (alpha default 0.2, beta 0.5). Float types.
public enum HardSigmoid: Operator {
    public static let opType = "HardSigmoid"
    static func params(_ n: NodeContext) throws -> (Float, Float) {
        (try n.float("alpha", default: 0.2), try n.float("beta", default: 0.5))
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try params(n)
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let (a, b) = try params(n)
        return try UnaryElementwise.foldFloat(n) { FoldMath.clamp01(Double(a) * $0 + Double(b)) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (alpha, beta) = try params(n)
        try UnaryElementwise.lower(n, &b, kernel: "hardsigmoid", source: "kiln_activation",
                                   params: [.float(alpha), .float(beta)])
    }
}
