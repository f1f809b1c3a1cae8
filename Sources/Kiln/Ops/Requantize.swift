/// kiln::Requantize (Kiln-internal, made by the quantize-qdq pass for DequantizeLinear → QuantizeLinear with other
/// parameters or type, and for 16-bit Relu/Clip): y = clamp(y_zp + round((x - x_zp) * x_scale / y_scale)), integer
/// only. Attribute `to`: the output type (ONNX code). Parameters from `Value.quant`; fused Relu/Clip narrow the clamp.
public enum Requantize: Operator {
    public static let opType = "Requantize"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Quantization.quantTypes)
        guard let code = try n.int("to"), let t = DType(rawValue: code), Quantization.quantTypes.contains(t) else {
            throw n.error("attribute 'to' must be int8, uint8, int16 or uint16")
        }
        return [TensorType(t, x.shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        let qx = try QuantizedOps.tensorQuant(n, input: 0), qy = try QuantizedOps.tensorQuant(n, output: 0)
        let p = try QuantizedKernels.requantizeParams(n, x: qx, y: qy, clamp: QuantizedOps.clamp(n, qy, y.dtype),
                                                      outer: 1, inner: x.count, yStride: x.count, yOffset: 0)
        b.call(try QuantizedKernels.requantizeKernel(n, x: x.dtype, y: y.dtype), source: "kiln_qtable",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .ints(p)])
        if y.dtype.size <= x.dtype.size { b.allowInPlace(input: 0, output: 0) }
    }
}
