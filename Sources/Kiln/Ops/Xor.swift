/// Xor: y = a xor b on bool tensors, NumPy broadcasting.
public enum Xor: Operator {
    public static let opType = "Xor"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferSameType(n, allowed: [.bool])
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldIntegers(n) { ($0 != 0 ? 1 : 0) ^ ($1 != 0 ? 1 : 0) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: "xor", source: "kiln_logic")
    }
}
