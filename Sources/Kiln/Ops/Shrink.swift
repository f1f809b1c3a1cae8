/// Shrink: y = x < -lambd ? x + bias : (x > lambd ? x - bias : 0) (lambd default 0.5, bias 0).
/// Float and integer types; integers compute in double and convert back truncating toward zero, saturated.
public enum Shrink: Operator {
    public static let opType = "Shrink"
    static let types = BinaryElementwise.numeric
    static func params(_ n: NodeContext) throws -> (lambd: Float, bias: Float) {
        (try n.float("lambd", default: 0.5), try n.float("bias", default: 0))
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try params(n)
        return try UnaryElementwise.infer(n, allowed: types)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let (l, b) = try params(n)
        let lambd = Double(l), bias = Double(b)
        let ys = x.doubles.map { v in v < -lambd ? v + bias : (v > lambd ? v - bias : 0) }
        return [TensorData(dtype: x.dtype, shape: x.shape, doubles: ys)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (lambd, bias) = try params(n)
        try UnaryElementwise.lower(n, &b, kernel: "shrink", source: "kiln_activation", params: [.float(lambd), .float(bias)])
    }
}
