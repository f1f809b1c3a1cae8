/// ai.onnx.ml Binarizer: 1 where x > threshold, else 0, in x's type (float, double, int32, int64).
public enum Binarizer: Operator {
    public static let opType = "Binarizer"
    public static let domain = "ai.onnx.ml"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.float32, .float64, .int32, .int64])
        return [x]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let t = Double(try n.float("threshold", default: 0))
        return [TensorData(dtype: x.dtype, shape: x.shape, doubles: x.doubles.map { $0 > t ? 1 : 0 })]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        b.call("kiln_binarizer_\(x.dtype.kernelSuffix)", source: "kiln_ml",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.count),
                .double(Double(try n.float("threshold", default: 0)))])
        b.allowInPlace(input: 0, output: 0)
    }
}
