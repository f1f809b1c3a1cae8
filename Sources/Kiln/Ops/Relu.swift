/// Relu: y = max(x, 0). Float and signed integer types (opset 14 added the integers).
public enum Relu: Operator {
    public static let opType = "Relu"
    static let types: Set<DType> = BinaryElementwise.floats.union(BinaryElementwise.signedInts)
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try UnaryElementwise.infer(n, allowed: types)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try UnaryElementwise.fold(n, float: { $0 < 0 ? 0 : $0 }, signed: { $0 < 0 ? 0 : $0 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try UnaryElementwise.lower(n, &b, kernel: "relu", source: "kiln_relu")
    }
}
