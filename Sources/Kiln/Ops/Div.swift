/// Div: y = a / b; integer division truncates toward zero, x / 0 = 0 and INT_MIN / -1 wraps. NumPy broadcasting (and the opset < 7 `broadcast`/`axis` attributes). Every numeric
/// type; integers wrap, float16/bfloat16 compute in float.
public enum Div: Operator {
    public static let opType = "Div"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.numeric)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldNumeric(n, float: { $0 / $1 }, signed: { $1 == 0 ? 0 : $0.dividedReportingOverflow(by: $1).partialValue }, unsigned: { $1 == 0 ? 0 : $0 / $1 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: "div")
    }
}
