/// kiln::QMaxPool (Kiln-internal, made by the quantize-qdq pass): MaxPool over channels-last int8/uint8/int16 data
/// ([N, H, W, C] or [N, W, C]), integer only (see `kiln_qpool.h`). Attributes as ONNX MaxPool with explicit pads
/// (`kernel_shape`, `strides`, `pads`, `dilations`, `ceil_mode`), or `global` = 1 for a
/// window covering the whole image. Parameters from `Value.quant`; a fused Relu/Clip narrows the clamp.
public enum QMaxPool: Operator {
    public static let opType = "QMaxPool"
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
        // Without recorded parameters (max pooling integer data of unknown scale) the codes are copied.
        let xid = try n.inputID(0), yid = try n.outputID(0)
        let unknown = n.graph.value(xid).quant == nil && n.graph.value(yid).quant == nil
        let qy = try unknown ? QuantizedOps.TensorQuant(scale: 1, zeroPoint: 0) : QuantizedOps.tensorQuant(n, output: 0)
        let qx = try unknown ? qy : QuantizedOps.tensorQuant(n, input: 0)
        try QuantizedKernels.lowerPool(n, &b, max: true, filter: f,
                                       includePad: false,
                                       x: .input(try n.inputID(0)), xShape: x.shape, y: .output(try n.outputID(0)),
                                       yShape: y.shape, dtype: x.dtype, xq: qx, yq: qy,
                                       clamp: QuantizedOps.clamp(n, qy, y.dtype))
    }
}
