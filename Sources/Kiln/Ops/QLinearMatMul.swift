/// QLinearMatMul: y = saturate(rint((a - a_zp) x (b - b_zp) * a_scale * b_scale / y_scale) + y_zp), int8/uint8
/// operands and output (NumPy matmul shapes). a and y are quantized per tensor, b per tensor or per column (N);
/// scales (float32, or float16/bfloat16 in opset 21, whose products are rounded as that type) and zero points must
/// be known at compile time. Constant 2-D b runs on the fully connected kernel (`kiln_qgemm`), anything else on
/// `kiln_qmatmul`.
public enum QLinearMatMul: Operator {
    public static let opType = "QLinearMatMul"

    struct Parts {
        var shape: QuantizedMatMul.Shape
        var aq: QuantizedOps.TensorQuant, yq: QuantizedOps.TensorQuant
        var bScales: [Float], bZeroPoints: [Int]
        var yType: DType
        var multipliers: [Double]
    }

    static func parts(_ n: NodeContext) throws -> Parts {
        let a = try n.input(0), b = try n.input(3)
        try n.requireDType(a, [.int8, .uint8], "a")
        try n.requireDType(b, [.int8, .uint8], "b")
        let yType = try n.input(7).dtype
        try n.requireDType(TensorType(yType, []), [.int8, .uint8], "output")
        let s = try QuantizedMatMul.shape(n, a: a.shape, b: b.shape)
        let aq = try QLinear.tensorQuant(n, scale: 1, zp: 2, dtype: a.dtype, "a")
        let yq = try QLinear.tensorQuant(n, scale: 6, zp: 7, dtype: yType, "y")
        let bs = try QLinear.scales(n, 4, "b_scale")
        let bz = try QLinear.zeroPoints(n, 5, "b_zero_point", dtype: b.dtype)
        guard bs.count == 1 || bs.count == s.n, bz.count == 1 || bz.count == s.n else {
            throw n.unsupported("b_scale / b_zero_point must have 1 or \(s.n) elements")
        }
        // The scale product in the scales' own precision, as the reference and onnxruntime compute it.
        let st = try n.input(1).dtype
        func round(_ v: Float) -> Float {
            switch st {
            case .float16: return halfToFloat(floatToHalf(v))
            case .bfloat16: return Float(bitPattern: UInt32(floatToBFloat16(v)) << 16)
            default: return v
            }
        }
        let mult = bs.map { Double(round(round(aq.scale * $0) / yq.scale)) }
        return Parts(shape: s, aq: aq, yq: yq, bScales: bs, bZeroPoints: bz, yType: yType, multipliers: mult)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try parts(n)
        return [TensorType(p.yType, p.shape.output)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try parts(n)
        let a = try n.input(0), bt = try n.input(3)
        let s = p.shape
        if let w = n.constant(3), bt.rank == 2, a.dtype == p.yType {
            var nk = [Int](repeating: 0, count: s.n * s.k)
            for k in 0..<s.k { for j in 0..<s.n { nk[j * s.k + k] = Int(w.int64(at: k * s.n + j)) } }
            let mult = p.multipliers.count == 1 ? [Double](repeating: p.multipliers[0], count: s.n) : p.multipliers
            try QuantizedGemm.lower(n, &b, rows: s.k == 0 ? 0 : a.count / s.k, k: s.k, n: s.n, x: .input(try n.inputID(0)),
                                    xType: a.dtype, xZeroPoint: p.aq.zeroPoint, weights: nk, weightType: w.dtype,
                                    wZeroPoints: p.bZeroPoints, bias: nil, multipliers: mult,
                                    y: .output(try n.outputID(0)), yType: p.yType, yZeroPoint: p.yq.zeroPoint,
                                    clamp: Quantization.range(p.yType))
            return
        }
        try QuantizedMatMul.lower(n, &b, a: 0, b: 3, shape: s, aZeroPoints: [p.aq.zeroPoint], bZeroPoints: p.bZeroPoints,
                                  multipliers: p.multipliers, yZeroPoint: p.yq.zeroPoint)
    }
}
