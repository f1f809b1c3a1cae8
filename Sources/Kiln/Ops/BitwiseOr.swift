/// BitwiseOr (opset 18): y = a | b on integer tensors, NumPy broadcasting.
public enum BitwiseOr: Operator {
    public static let opType = "BitwiseOr"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.ints)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldIntegers(n) { $0 | $1 }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: "bitwise_or", source: "kiln_logic")
    }
}
