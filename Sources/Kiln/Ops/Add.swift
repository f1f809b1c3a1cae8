/// Add: y = a + b with broadcasting. Integers wrap.
public enum Add: Operator {
    public static let opType = "Add"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try n.output(0).dtype.isFloat ? BinaryElementwise.fold(n, +) : BinaryElementwise.foldIntegers(n, &+)
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: "add")
    }
}
