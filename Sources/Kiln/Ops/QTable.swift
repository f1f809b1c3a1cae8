/// kiln::QTable (Kiln-internal, made by the quantize-qdq pass): an 8-bit element-wise operator (Sigmoid, Tanh,
/// LeakyRelu, HardSwish, requantization, ...) evaluated at compile time for all 256 input codes. Attribute
/// `table`: the 256 outputs (int8 or uint8; the output type).
public enum QTable: Operator {
    public static let opType = "QTable"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.int8, .uint8])
        guard let t = try n.tensor("table"), t.count == 256, t.dtype == .int8 || t.dtype == .uint8 else {
            throw n.error("attribute 'table' must hold 256 int8 or uint8 values")
        }
        return [TensorType(t.dtype, x.shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0), let t = try n.tensor("table") else { return nil }
        let lo = Quantization.range(x.dtype).lo
        return [TensorData(dtype: t.dtype, shape: x.shape, int64s: x.ints.map { t.int64(at: $0 - lo) })]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        guard let t = try n.tensor("table") else { throw n.error("attribute 'table' is missing") }
        try QuantizedKernels.lowerTable(n, &b, table: t)
    }
}
