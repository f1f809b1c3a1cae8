/// QLinearConv: integer convolution, y = saturate(rint((x - x_zp) * (w - w_zp) conv * x_scale * w_scale / y_scale
/// + bias) + y_zp), with int8/uint8 x, w, y (x and y of one type), per-tensor or per-output-channel weight scales
/// and zero points, and an optional int32 bias (scale x_scale * w_scale). 1-D and 2-D. Scales, zero points and the
/// weights must be known at compile time. Runs on the channels-last `kiln_qconv` kernels; the quantize-qdq and
/// channels-last passes remove the layout transposes between consecutive convolutions.
public enum QLinearConv: Operator {
    public static let opType = "QLinearConv"

    struct Parts {
        var g: QuantizedConv.Geometry
        var yShape: [Int]
        var x: TensorType
        var yType: DType
        var xq: QuantizedOps.TensorQuant, yq: QuantizedOps.TensorQuant
        var weights: TensorData
        var wScales: [Float], wZeroPoints: [Int]
        var bias: [Int64]?
    }

    static func parts(_ n: NodeContext) throws -> Parts {
        let x = try n.input(0), w = try n.input(3)
        try n.requireDType(x, [.int8, .uint8])
        try n.requireDType(w, [.int8, .uint8], "weight")
        let yType = try n.input(7).dtype
        try n.requireDType(TensorType(yType, []), [.int8, .uint8], "output")
        let xq = try QLinear.tensorQuant(n, scale: 1, zp: 2, dtype: x.dtype, "x")
        let yq = try QLinear.tensorQuant(n, scale: 6, zp: 7, dtype: yType, "y")
        let weights = try n.requireConstant(3, "w")
        let (g, _, y) = try QuantizedConv.geometry(n, x: x.shape, w: w.shape)
        let ws = try QLinear.scales(n, 4, "w_scale")
        let wz = try QLinear.zeroPoints(n, 5, "w_zero_point", dtype: w.dtype)
        guard ws.count == 1 || ws.count == g.m, wz.count == 1 || wz.count == g.m else {
            throw n.error("w_scale and w_zero_point must have 1 or \(g.m) elements")
        }
        var bias: [Int64]? = nil
        if n.hasInput(8) {
            let b = try n.requireConstant(8, "B")
            guard b.dtype == .int32, b.count == g.m else { throw n.error("B must be \(g.m) int32 values") }
            bias = b.int64s
        }
        return Parts(g: g, yShape: y, x: x, yType: yType, xq: xq, yq: yq, weights: weights, wScales: ws,
                     wZeroPoints: wz, bias: bias)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try parts(n)
        return [TensorType(p.yType, p.yShape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try parts(n)
        let clamp = Quantization.range(p.yType)
        try QLinear.channelsLast(n, &b, xShape: p.x.shape, xType: p.x.dtype, yShape: p.yShape, yType: p.yType) { b, xa, ya in
            try QuantizedConv.lower(n, &b, geometry: p.g, x: xa, xType: p.x.dtype, xZeroPoint: p.xq.zeroPoint,
                                    weights: p.weights, wZeroPoints: p.wZeroPoints, bias: p.bias,
                                    multipliers: QuantizedConv.multipliers(xScale: p.xq.scale, wScales: p.wScales,
                                                                           yScale: p.yq.scale, m: p.g.m),
                                    y: ya, yType: p.yType, yZeroPoint: p.yq.zeroPoint, clamp: clamp)
        }
    }
}
