/// Sign: y = -1, 0 or 1 by the sign of x (NaN stays NaN). Every numeric type.
public enum Sign: Operator {
    public static let opType = "Sign"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.fold(n, float: { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) },
                                  signed: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, unsigned: { $0 > 0 ? 1 : 0 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "sign", source: "kiln_unary")
    }
}
