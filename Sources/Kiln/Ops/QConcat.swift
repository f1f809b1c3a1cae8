/// kiln::QConcat (Kiln-internal, made by the quantize-qdq pass): Concat of quantized tensors whose parameters
/// differ from the output's: each input is requantized into its band of the output (inputs quantized like the
/// output are copied). Attribute `axis` (non-negative).
public enum QConcat: Operator {
    public static let opType = "QConcat"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let t = try Concat.infer(n)
        try n.requireDType(t[0], Quantization.quantTypes)
        return t
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let y = try n.output(0)
        let a = try n.axis(try n.int("axis", default: 0), rank: y.rank)
        let qy = try QuantizedOps.tensorQuant(n, output: 0)
        let inputs = try (0..<n.inputCount).map { ($0, try QuantizedOps.tensorQuant(n, input: $0)) }
        try QuantizedKernels.lowerConcat(n, &b, inputs: inputs, yq: qy, axis: a, clamp: QuantizedOps.clamp(n, qy, y.dtype))
    }
}
