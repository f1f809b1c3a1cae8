/// Relu: y = max(x, 0).
public enum Relu: Operator {
    public static let opType = "Relu"
    static let types: Set<DType> = [.float32, .float64, .int8, .int16, .int32, .int64]
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, types)
        return [x]
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [TensorData(dtype: x.dtype, shape: x.shape, doubles: x.doubles.map { $0 < 0 ? 0 : $0 })]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        b.call("kiln_relu_\(x.dtype.kernelSuffix)", source: "kiln_relu",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.count)])
        b.allowInPlace(input: 0, output: 0)
    }
}
