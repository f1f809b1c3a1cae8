/// ConvTranspose (1-D, 2-D, 3-D): groups, strides, dilations, pads, output_padding, output_shape and auto_pad.
/// Weights are [C, M/group, k...]. Runs on `kiln_convtranspose` (3-D with unit leading dims).
public enum ConvTranspose: Operator {
    public static let opType = "ConvTranspose"

    struct Geometry {
        var x: TensorType, w: TensorType, y: TensorType
        var kernel: [Int], strides: [Int], dilations: [Int], padBegin: [Int]
        var group: Int
    }

    static func geometry(_ n: NodeContext) throws -> Geometry {
        let x = try n.input(0), w = try n.input(1)
        try n.requireSameDType([x, w])
        try n.requireDType(x, [.float32])
        guard x.rank >= 3, w.rank == x.rank else { throw n.error("input rank \(x.rank) and weight rank \(w.rank) must match and be at least 3") }
        let r = x.rank - 2
        guard r <= 3 else { throw n.unsupported("\(r)-D transposed convolution is not supported") }
        let kernel = Array(w.shape[2...])
        if let ks = try n.ints("kernel_shape"), ks != kernel { throw n.error("kernel_shape \(ks) does not match weights \(w.shape)") }
        let group = try n.int("group", default: 1)
        let c = x.shape[1]
        guard group > 0, c % group == 0, w.shape[0] == c else {
            throw n.error("weights \(w.shape) with group \(group) do not match \(c) input channels")
        }
        guard group <= max(c, 1) else { throw n.error("group \(group) exceeds the channel count \(c)") }
        let m = w.shape[1] * group
        if n.hasInput(2) {
            let b = try n.input(2)
            guard b.shape == [m], b.dtype == x.dtype else { throw n.error("bias shape \(b.shape) must be [\(m)]") }
        }
        let strides = try n.ints("strides") ?? [Int](repeating: 1, count: r)
        let dil = try n.ints("dilations") ?? [Int](repeating: 1, count: r)
        let outPad = try n.ints("output_padding") ?? [Int](repeating: 0, count: r)
        var pads = try n.ints("pads")
        let autoPad = try n.string("auto_pad", default: "NOTSET")
        var outShape = try n.ints("output_shape")
        if let o = outShape, o.count == r + 2 { outShape = Array(o[2...]) }
        guard strides.count == r, dil.count == r, outPad.count == r, pads == nil || pads!.count == 2 * r,
              outShape == nil || outShape!.count == r else {
            throw n.error("strides/dilations/output_padding/pads/output_shape do not match the kernel rank \(r)")
        }
        guard strides.allSatisfy({ $0 > 0 }), dil.allSatisfy({ $0 > 0 }), kernel.allSatisfy({ $0 > 0 }),
              (pads ?? []).allSatisfy({ $0 >= 0 }), outPad.allSatisfy({ $0 >= 0 }) else {
            throw n.error("kernel, strides and dilations must be positive, pads and output_padding non-negative")
        }
        let limit = SpatialFilter.maxAttribute
        guard (kernel + strides + dil + outPad + (pads ?? []) + (outShape ?? [])).allSatisfy({ $0 <= limit }),
              (outShape ?? []).allSatisfy({ $0 >= 0 }), group <= max(c, 1) else {
            throw n.unsupported("attribute values above \(limit)")
        }
        guard ["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"].contains(autoPad) else {
            throw n.error("auto_pad '\(KilnError.printable(autoPad))' is not valid")
        }
        let input = Array(x.shape[2...])
        func full(_ i: Int) -> Int { strides[i] * (input[i] - 1) + outPad[i] + (kernel[i] - 1) * dil[i] + 1 }
        var out: [Int]
        if pads == nil && (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER" || outShape != nil) {
            out = outShape ?? (0..<r).map { input[$0] * strides[$0] }
            var p = [Int](repeating: 0, count: 2 * r)
            for i in 0..<r {
                // A negative total (output_shape larger than the full result) pads the end with bias-only values.
                let total = full(i) - out[i]
                let small = total >= 0 ? total / 2 : -((-total + 1) / 2)  // floor division
                p[i] = autoPad == "SAME_UPPER" ? small : total - small
                p[i + r] = total - p[i]
            }
            pads = p
        } else {
            let p = autoPad == "VALID" ? [Int](repeating: 0, count: 2 * r) : (pads ?? [Int](repeating: 0, count: 2 * r))
            pads = p
            out = outShape ?? (0..<r).map { full($0) - p[$0] - p[$0 + r] }
        }
        guard out.allSatisfy({ $0 >= 0 }) else { throw n.error("negative output size \(out)") }
        return Geometry(x: x, w: w, y: TensorType(x.dtype, [x.shape[0], m] + out), kernel: kernel, strides: strides,
                        dilations: dil, padBegin: Array(pads![0..<r]), group: group)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try geometry(n).y] }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let g = try geometry(n)
        if g.y.count == 0 { return }
        let pad = 3 - g.kernel.count
        func three(_ v: [Int], _ fill: Int) -> [Int] { [Int](repeating: fill, count: pad) + v }
        let p = [g.x.shape[0], g.x.shape[1]] + three(Array(g.x.shape[2...]), 1) + [g.y.shape[1]]
            + three(Array(g.y.shape[2...]), 1) + three(g.kernel, 1) + three(g.strides, 1) + three(g.dilations, 1)
            + three(g.padBegin, 0) + [g.group, FusedActivation.kind(n)]
        let act = try FusedActivation.bounds(n)
        b.call("kiln_convtranspose_f32", source: "kiln_conv3d",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), n.hasInput(2) ? .input(try n.inputID(2)) : .null,
                .output(try n.outputID(0)), .ints(p), .float(act.min), .float(act.max)],
               macs: g.x.count &* (g.w.count / max(g.x.shape[1], 1)))
    }
}
