/// ConvInteger: y = conv(x - x_zero_point, w - w_zero_point) as int32, with int8/uint8 x and w, a scalar x zero
/// point and a scalar or per-output-channel w zero point (both optional, default 0). 1-D and 2-D. The weights and
/// zero points must be known at compile time. Runs on the channels-last `kiln_qconv_*_i32` kernels.
public enum ConvInteger: Operator {
    public static let opType = "ConvInteger"

    static func parts(_ n: NodeContext) throws -> (QuantizedConv.Geometry, [Int], TensorData, Int, [Int]) {
        let x = try n.input(0), w = try n.input(1)
        try n.requireDType(x, [.int8, .uint8])
        try n.requireDType(w, [.int8, .uint8], "weight")
        let (g, _, y) = try QuantizedConv.geometry(n, x: x.shape, w: w.shape)
        let weights = try n.requireConstant(1, "w")
        let xz = try QLinear.zeroPoints(n, 2, "x_zero_point", dtype: x.dtype)
        let wz = try QLinear.zeroPoints(n, 3, "w_zero_point", dtype: w.dtype)
        guard xz.count == 1 else { throw n.unsupported("x_zero_point must be a scalar") }
        guard wz.count == 1 || wz.count == g.m else { throw n.error("w_zero_point must have 1 or \(g.m) elements") }
        return (g, y, weights, xz[0], wz)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(.int32, try parts(n).1)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let (g, y, weights, xz, wz) = try parts(n)
        try QLinear.channelsLast(n, &b, xShape: x.shape, xType: x.dtype, yShape: y, yType: .int32) { b, xa, ya in
            try QuantizedConv.lower(n, &b, geometry: g, x: xa, xType: x.dtype, xZeroPoint: xz, weights: weights,
                                    wZeroPoints: wz, bias: nil, multipliers: nil, y: ya, yType: .int32, yZeroPoint: 0,
                                    clamp: Quantization.range(.int32))
        }
    }
}
