/// BitCast (opset 26): reinterprets the bytes of each element as the type `to` of the same width. No code runs:
/// the output shares the input's buffer. Casting to bool from another type is not supported (Kiln's bools
/// must be 0 or 1).
public enum BitCast: Operator {
    public static let opType = "BitCast"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        guard let code = try n.int("to") else { throw n.error("attribute 'to' is required") }
        guard let t = DType(rawValue: code) else { throw n.unsupported("bitcast to ONNX data type \(code) is not supported") }
        guard t.size == x.dtype.size else {
            throw n.error("\(x.dtype.onnxName) and \(t.onnxName) have different widths")
        }
        if t == .bool && x.dtype != .bool { throw n.unsupported("bitcast from \(x.dtype.onnxName) to bool is not supported") }
        return [TensorType(t, x.shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let t = try n.output(0)
        return [TensorData(dtype: t.dtype, shape: t.shape, bytes: x.bytes)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
