/// BitwiseNot (opset 18): y = ~x on integer tensors.
public enum BitwiseNot: Operator {
    public static let opType = "BitwiseNot"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: BinaryElementwise.ints)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.fold(n, float: { $0 }, signed: { ~$0 }, unsigned: { ~$0 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "bitwise_not", source: "kiln_logic")
    }
}
