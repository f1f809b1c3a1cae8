/// com.microsoft QLinearLeakyRelu: y = quantize(x >= 0 ? x : alpha * x) of dequantize(x) (`alpha` default 0.01),
/// int8/uint8, as a compile-time table over the 256 input codes.
public enum QLinearLeakyRelu: Operator {
    public static let opType = "QLinearLeakyRelu"
    public static let domain = "com.microsoft"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try QLinearUnary.infer(n) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let alpha = try n.float("alpha", default: 0.01)
        try QLinearUnary.lower(n, &b) { $0 >= 0 ? $0 : alpha * $0 }
    }
}
