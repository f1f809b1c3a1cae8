/// Add: y = a + b. NumPy broadcasting (and the opset < 7 `broadcast`/`axis` attributes). Every numeric
/// type; integers wrap, float16/bfloat16 compute in float.
public enum Add: Operator {
    public static let opType = "Add"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldNumeric(n, float: { $0 + $1 }, signed: { $0 &+ $1 }, unsigned: { $0 &+ $1 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: "add")
    }
}
