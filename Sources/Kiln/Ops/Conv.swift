/// Conv: N-D convolution over NCHW-style data with groups (depthwise when group == C), dilations, strides and
/// auto_pad. 1-D and 2-D run on `kiln_conv2d` (pointwise, depthwise or general path), 3-D on `kiln_conv3d`.
public enum Conv: Operator {
    public static let opType = "Conv"

    struct Geometry {
        var filter: SpatialFilter
        var x: TensorType, w: TensorType, y: TensorType
        var group: Int
    }

    static func geometry(_ n: NodeContext) throws -> Geometry {
        let x = try n.input(0), w = try n.input(1)
        try n.requireSameDType([x, w])
        try n.requireDType(x, [.float32])
        guard x.rank >= 3, w.rank == x.rank else { throw n.error("input rank \(x.rank) and weight rank \(w.rank) must match and be at least 3") }
        let kernel = Array(w.shape[2...])
        if let ks = try n.ints("kernel_shape"), ks != kernel { throw n.error("kernel_shape \(ks) does not match weights \(w.shape)") }
        var f = try SpatialFilter(n, kernel: kernel)
        let group = try n.int("group", default: 1)
        let c = x.shape[1], m = w.shape[0]
        guard group > 0, group <= max(c, 1), c % group == 0, m % group == 0, w.shape[1] * group == c else {
            throw n.error("weights \(w.shape) with group \(group) do not match \(c) input channels")
        }
        if n.hasInput(2) {
            let b = try n.input(2)
            guard b.shape == [m], b.dtype == x.dtype else { throw n.error("bias shape \(b.shape) must be [\(m)]") }
        }
        let spatial = try f.outputSize(Array(x.shape[2...]), n)
        return Geometry(filter: f, x: x, w: w, y: TensorType(x.dtype, [x.shape[0], m] + spatial), group: group)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try geometry(n).y] }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let g = try geometry(n)
        let f = g.filter
        guard f.rank <= 3 else { throw n.unsupported("\(f.rank)-D convolution is not supported") }
        if g.y.count == 0 { return }
        let macs = g.y.count &* (g.w.count / max(g.w.shape[0], 1))
        let act = try FusedActivation.bounds(n)
        let io: [KernelArg] = [.input(try n.inputID(0)), .input(try n.inputID(1)),
                               n.hasInput(2) ? .input(try n.inputID(2)) : .null, .output(try n.outputID(0))]
        let args: (KernelArg) -> [KernelArg] = { p in io + [p, .float(act.min), .float(act.max)] }
        if f.rank == 3 {
            let p = [g.x.shape[0], g.x.shape[1]] + Array(g.x.shape[2...]) + [g.y.shape[1]] + Array(g.y.shape[2...])
                + f.kernel + f.strides + f.dilations + f.padBegin + [g.group, FusedActivation.kind(n)]
            b.call("kiln_conv3d_f32", source: "kiln_conv3d", args(.ints(p)), macs: macs)
            return
        }
        // 1-D runs as 2-D with a height of 1.
        let oneD = f.rank == 1
        let H = oneD ? 1 : g.x.shape[2], W = g.x.shape[oneD ? 2 : 3]
        let OH = oneD ? 1 : g.y.shape[2], OW = g.y.shape[oneD ? 2 : 3]
        let KH = oneD ? 1 : f.kernel[0], KW = f.kernel[oneD ? 0 : 1]
        let SH = oneD ? 1 : f.strides[0], SW = f.strides[oneD ? 0 : 1]
        let DH = oneD ? 1 : f.dilations[0], DW = f.dilations[oneD ? 0 : 1]
        let PT = oneD ? 0 : f.pads[0], PL = f.pads[oneD ? 0 : 1]
        let C = g.x.shape[1], M = g.y.shape[1]
        let params = [g.x.shape[0], C, H, W, M, OH, OW, KH, KW, SH, SW, DH, DW, PT, PL, g.group,
                      FusedActivation.kind(n)]
        let kernel: String
        if KH == 1 && KW == 1 && SH == 1 && SW == 1 && f.pads.allSatisfy({ $0 == 0 }) && g.group == 1 {
            kernel = "kiln_conv2d_pointwise_f32"
        } else if g.group == C && C > 1 {
            kernel = "kiln_conv2d_depthwise_f32"
        } else {
            kernel = "kiln_conv2d_f32"
        }
        b.call(kernel, source: "kiln_conv2d", args(.ints(params)), macs: macs)
    }
}
