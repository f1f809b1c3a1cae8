/// kiln::QAveragePool (Kiln-internal, made by the quantize-qdq pass): AveragePool over channels-last int8/uint8/int16 data
/// ([N, H, W, C] or [N, W, C]), integer only (see `kiln_qpool.h`). Attributes as ONNX AveragePool with explicit pads
/// (`kernel_shape`, `strides`, `pads`, `dilations`, `ceil_mode`, `count_include_pad`), or `global` = 1 for a
/// window covering the whole image. Parameters from `Value.quant`; a fused Relu/Clip narrows the clamp.
public enum QAveragePool: Operator {
    public static let opType = "QAveragePool"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Quantization.activationTypes)
        var f = try QuantizedPool.filter(n, x)
        return [try QuantizedPool.outputType(n, x, &f)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        var f = try QuantizedPool.filter(n, x)
        _ = try QuantizedPool.outputType(n, x, &f)
        let qy = try QuantizedOps.tensorQuant(n, output: 0)
        try QuantizedKernels.lowerPool(n, &b, max: false, filter: f,
                                       includePad: try n.int("count_include_pad", default: 0) != 0,
                                       x: .input(try n.inputID(0)), xShape: x.shape, y: .output(try n.outputID(0)),
                                       yShape: y.shape, dtype: x.dtype, xq: try QuantizedOps.tensorQuant(n, input: 0), yq: qy,
                                       clamp: QuantizedOps.clamp(n, qy, y.dtype))
    }
}
