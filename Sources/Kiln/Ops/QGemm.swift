/// kiln::QGemm (Kiln-internal, made by the quantize-qdq pass from DequantizeLinear → MatMul (+ Add bias) / Gemm →
/// QuantizeLinear): y[..., j] = requantized sum_k x[..., k] * w[j, k] + bias[j]. Inputs: x [..., K] (int8, uint8,
/// int16, per-tensor `Value.quant`), w [N, K] (constant int8/uint8, per-tensor or per-output quant on axis 0),
/// optional bias [N] (int32 constant in accumulator units x_scale * w_scale[j]). Output [..., N], x's type.
public enum QGemm: Operator {
    public static let opType = "QGemm"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), w = try n.input(1)
        try n.requireDType(x, Quantization.activationTypes)
        guard x.rank >= 1, w.rank == 2, x.shape[x.rank - 1] == w.shape[1] else {
            throw n.error("input \(x.shape) and weights \(w.shape) do not match ([..., K] by [N, K])")
        }
        guard n.constant(1) != nil else { throw n.unsupported("weights must be constant") }
        if n.hasInput(2) {
            guard let bias = n.constant(2), bias.dtype == .int32, bias.count == w.shape[0] else {
                throw n.error("bias must be an int32 constant of \(w.shape[0]) elements")
            }
        }
        return [TensorType(x.dtype, Array(x.shape.dropLast()) + [w.shape[0]])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        guard let w = n.constant(1), let qw = n.graph.value(try n.inputID(1)).quant else {
            throw n.error("internal: weights are not constant or have no quantization parameters")
        }
        let qx = try QuantizedOps.tensorQuant(n, input: 0), qy = try QuantizedOps.tensorQuant(n, output: 0)
        let N = w.shape[0], K = w.shape[1]
        guard qw.scale.count == 1 || qw.scale.count == N, qw.zeroPoint.count == 1 || qw.zeroPoint.count == N else {
            throw n.error("weight quantization must be per tensor or per output (\(N))")
        }
        let mult = (0..<N).map { j in Double(qx.scale) * Double(qw.scale.count == 1 ? qw.scale[0] : qw.scale[j]) / Double(qy.scale) }
        try QuantizedGemm.lower(n, &b, rows: K == 0 ? 0 : x.count / K, k: K, n: N, x: .input(try n.inputID(0)),
                                xType: x.dtype, xZeroPoint: qx.zeroPoint, weights: w.ints, weightType: w.dtype,
                                wZeroPoints: qw.zeroPoint, bias: n.constant(2)?.int64s, multipliers: mult,
                                y: .output(try n.outputID(0)), yType: y.dtype, yZeroPoint: qy.zeroPoint,
                                clamp: QuantizedOps.clamp(n, qy, y.dtype))
    }
}
