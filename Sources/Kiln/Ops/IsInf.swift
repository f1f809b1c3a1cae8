/// IsInf: y = (x is +inf and detect_positive) or (x is -inf and detect_negative), as bool. Float types.
public enum IsInf: Operator {
    public static let opType = "IsInf"
    static func flags(_ n: NodeContext) throws -> (positive: Bool, negative: Bool) {
        (try n.int("detect_positive", default: 1) != 0, try n.int("detect_negative", default: 1) != 0)
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try flags(n)
        return try UnaryElementwise.infer(n, allowed: UnaryElementwise.floats, result: .bool)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let f = try flags(n)
        return try UnaryElementwise.foldPredicate(n) { ($0 == .infinity && f.positive) || ($0 == -.infinity && f.negative) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let f = try flags(n)
        try UnaryElementwise.lower(n, &b, kernel: "isinf", source: "kiln_unary",
                                   params: [.int(f.positive ? 1 : 0), .int(f.negative ? 1 : 0)])
    }
}
