/// DeformConv (opsets 19, 22), 2-D: convolution whose taps sample X bilinearly (zeros outside) at positions
/// shifted by the run-time `offset` [N, offset_group*KH*KW*2, OH, OW] and scaled by the optional `mask`
/// [N, offset_group*KH*KW, OH, OW]; groups, strides, dilations, pads and bias as Conv.
public enum DeformConv: Operator {
    public static let opType = "DeformConv"

    static func params(_ n: NodeContext) throws -> [Int] {
        let x = try n.input(0), w = try n.input(1), off = try n.input(2)
        try n.requireDType(x, Attention.floatTypes)
        try n.requireSameDType([x, w, off])
        guard x.rank == 4 else { throw n.unsupported("only 2-D DeformConv (4-D X) is supported, X is \(x.shape)") }
        guard w.rank == 4, off.rank == 4 else { throw n.error("W and offset must be 4-D") }
        let (nb, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let oc = w.shape[0]
        let group = try n.int("group", default: 1), og = try n.int("offset_group", default: 1)
        guard group >= 1, og >= 1, c == w.shape[1] * group, oc % group == 0, c % og == 0 else {
            throw n.error("channels do not fit: X \(x.shape), W \(w.shape), group \(group), offset_group \(og)")
        }
        let k = try n.ints("kernel_shape") ?? [w.shape[2], w.shape[3]]
        guard k == [w.shape[2], w.shape[3]] else { throw n.error("kernel_shape \(k) does not match W \(w.shape)") }
        let s = try n.ints("strides") ?? [1, 1], d = try n.ints("dilations") ?? [1, 1]
        let p = try n.ints("pads") ?? [0, 0, 0, 0]
        guard s.count == 2, d.count == 2, p.count == 4, s.allSatisfy({ $0 >= 1 && $0 < 1 << 20 }),
              d.allSatisfy({ $0 >= 1 && $0 < 1 << 20 }), p.allSatisfy({ $0 >= 0 && $0 < 1 << 20 }) else {
            throw n.error("strides, dilations and pads must be positive (pads nonnegative) pairs")
        }
        func outDim(_ i: Int, _ pb: Int, _ pe: Int, _ kk: Int, _ st: Int, _ dl: Int) -> Int {
            (i + pb + pe - ((kk - 1) * dl + 1)) / st + 1
        }
        let oh = outDim(h, p[0], p[2], k[0], s[0], d[0]), ow = outDim(wd, p[1], p[3], k[1], s[1], d[1])
        guard oh >= 1, ow >= 1 else { throw n.error("the output would be empty") }
        guard off.shape == [nb, og * k[0] * k[1] * 2, oh, ow] else {
            throw n.error("offset \(off.shape) must be [\(nb), \(og * k[0] * k[1] * 2), \(oh), \(ow)]")
        }
        if n.hasInput(3) {
            let bias = try n.input(3)
            try n.requireSameDType([x, bias])
            guard bias.shape == [oc] else { throw n.error("B \(bias.shape) must be [\(oc)]") }
        }
        if n.hasInput(4) {
            let m = try n.input(4)
            try n.requireSameDType([x, m])
            guard m.shape == [nb, og * k[0] * k[1], oh, ow] else {
                throw n.error("mask \(m.shape) must be [\(nb), \(og * k[0] * k[1]), \(oh), \(ow)]")
            }
        }
        return [nb, c, h, wd, oc, oh, ow, k[0], k[1], s[0], s[1], d[0], d[1], p[0], p[1], group, og]
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try params(n)
        return [TensorType(try n.input(0).dtype, [p[0], p[4], p[5], p[6]])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try params(n), x = try n.input(0), y = try n.output(0)
        func opt(_ i: Int) throws -> KernelArg { n.hasInput(i) ? .input(try n.inputID(i)) : .null }
        b.call("kiln_deform_conv_\(x.dtype.kernelSuffix)", source: "kiln_deform_conv",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), try opt(3), try opt(4),
                .output(try n.outputID(0)), .ints(p)],
               macs: y.count * (p[1] / p[15]) * p[7] * p[8] * 4)
    }
}
