/// kiln::QAdd (Kiln-internal, made by the quantize-qdq pass): element-wise Add of two quantized tensors of one
/// type (int8, uint8, int16) with NumPy broadcasting; scales and zero points from `Value.quant` (per tensor); a
/// fused Relu/Clip narrows the output clamp. See `kiln_qadd.h` for the arithmetic.
public enum QAdd: Operator {
    public static let opType = "QAdd"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try QuantizedKernels.inferBinary(n, a: 0, b: 1)] }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let qa = try QuantizedOps.tensorQuant(n, input: 0), qb = try QuantizedOps.tensorQuant(n, input: 1)
        let qy = try QuantizedOps.tensorQuant(n, output: 0)
        let params = try QuantizedKernels.addParams(n, a: qa, b: qb, y: qy, clamp: QuantizedOps.clamp(n, qy, try n.output(0).dtype))
        try QuantizedKernels.lowerBinary(n, &b, kernel: "qadd", a: 0, b: 1, params: params)
    }
}
