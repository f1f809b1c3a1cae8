/// Min: y = the element-wise minimum; NaN propagates, over one or more inputs with NumPy broadcasting. Every numeric type.
public enum Min: Operator {
    public static let opType = "Min"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferVariadic(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldVariadic(n, float: { $0.isNaN || $0 < $1 ? $0 : $1 }, signed: { Swift.min($0, $1) }, unsigned: { Swift.min($0, $1) })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lowerVariadic(n, &b, kernel: "min")
    }
}
