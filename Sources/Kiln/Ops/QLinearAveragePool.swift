/// com.microsoft QLinearAveragePool: AveragePool of int8/uint8 data (X, x_scale, x_zero_point, y_scale,
/// y_zero_point; the zero points optional) with `kernel_shape`, `strides`, `pads`/`auto_pad`, `ceil_mode`,
/// `count_include_pad` and `channels_last` (input NHWC when 1). 1-D and 2-D. Integer only: the exact window sum is
/// requantized once with x_scale / (y_scale * count).
public enum QLinearAveragePool: Operator {
    public static let opType = "QLinearAveragePool"
    public static let domain = "com.microsoft"

    struct Parts { var filter: SpatialFilter; var xLast: [Int]; var yLast: [Int]; var y: [Int]; var xq, yq: QuantizedOps.TensorQuant }

    static func parts(_ n: NodeContext, global: Bool) throws -> Parts {
        let x = try n.input(0)
        try n.requireDType(x, [.int8, .uint8])
        guard x.rank == 3 || x.rank == 4 else { throw n.unsupported("pooling of rank \(x.rank) (1-D and 2-D are supported)") }
        let last = try n.int("channels_last", default: 0) != 0
        let xLast = last ? x.shape : ChannelsLastCopy.toLast(x.rank).map { x.shape[$0] }
        let spatial = Array(xLast[1..<(x.rank - 1)])
        var f: SpatialFilter
        var out: [Int]
        if global {
            f = try SpatialFilter(n, kernel: spatial)
            out = [Int](repeating: 1, count: spatial.count)
            f.strides = spatial.map { _ in 1 }
            f.pads = [Int](repeating: 0, count: 2 * spatial.count)
            f.dilations = spatial.map { _ in 1 }
        } else {
            guard let k = try n.ints("kernel_shape"), k.count == spatial.count else { throw n.error("kernel_shape must have \(spatial.count) entries") }
            f = try SpatialFilter(n, kernel: k)
            out = try f.outputSize(spatial, ceilMode: try n.int("ceil_mode", default: 0) != 0, n)
        }
        let yLast = [x.shape[0]] + out + [xLast[x.rank - 1]]
        let y = last ? yLast : ChannelsLastCopy.toFirst(x.rank).map { yLast[$0] }
        let xq = try QLinear.tensorQuant(n, scale: 1, zp: 2, dtype: x.dtype, "x")
        let yq = try QLinear.tensorQuant(n, scale: 3, zp: 4, dtype: x.dtype, "y")
        return Parts(filter: f, xLast: xLast, yLast: yLast, y: y, xq: xq, yq: yq)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(try n.input(0).dtype, try parts(n, global: false).y)]
    }

    static func lowerPool(_ n: NodeContext, _ b: inout LoweringBuilder, global: Bool) throws {
        let x = try n.input(0)
        let p = try parts(n, global: global)
        let includePad = global ? false : try n.int("count_include_pad", default: 0) != 0
        let body: (inout LoweringBuilder, KernelArg, KernelArg) throws -> Void = { b, xa, ya in
            try QuantizedKernels.lowerPool(n, &b, max: false, filter: p.filter, includePad: includePad, x: xa, xShape: p.xLast,
                                           y: ya, yShape: p.yLast, dtype: x.dtype, xq: p.xq, yq: p.yq,
                                           clamp: Quantization.range(x.dtype))
        }
        if try n.int("channels_last", default: 0) != 0 {
            try body(&b, .input(try n.inputID(0)), .output(try n.outputID(0)))
        } else {
            try QLinear.channelsLast(n, &b, xShape: x.shape, xType: x.dtype, yShape: p.y, yType: x.dtype, body: body)
        }
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { try lowerPool(n, &b, global: false) }
}
