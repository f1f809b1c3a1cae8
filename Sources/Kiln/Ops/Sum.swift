/// Sum: y = the element-wise sum of one or more inputs, NumPy broadcasting. ONNX allows float types; integer
/// inputs are accepted too (they wrap).
public enum Sum: Operator {
    public static let opType = "Sum"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferVariadic(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldVariadic(n, float: { $0 + $1 }, signed: { $0 &+ $1 }, unsigned: { $0 &+ $1 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lowerVariadic(n, &b, kernel: "add")
    }
}
