/// Constant: a tensor given as an attribute (`value`, or since opset 12 `value_float(s)`/`value_int(s)`).
public enum Constant: Operator {
    public static let opType = "Constant"
    static func value(_ n: NodeContext) throws -> TensorData {
        if let t = try n.tensor("value") { return t }
        if let f = try n.float("value_float") { return .scalar(Double(f), .float32) }
        if let f = try n.floats("value_floats"), n.has("value_floats") {
            return TensorData(dtype: .float32, shape: [f.count], doubles: f.map(Double.init))
        }
        if let i = try n.int("value_int") { return TensorData(dtype: .int64, shape: [], int64s: [Int64(i)]) }
        if let i = try n.ints("value_ints") { return .vector(i.map { Int64($0) }) }
        if n.has("sparse_value") { throw n.unsupported("sparse_value is not supported") }
        if n.has("value_string") || n.has("value_strings") { throw n.unsupported("string constants are not supported") }
        throw n.error("has no value attribute")
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try value(n).type] }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { [try value(n)] }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: Constant must be folded")
    }
}
