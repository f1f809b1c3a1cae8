/// CausalConvWithState (opset 27+): depthwise causal 1-D convolution of [B, C, L] with [C, 1, K] weights over
/// the input left-padded by the carried state (zeros when absent), optional bias and SiLU (`activation` silu or
/// swish). Outputs the result and the new state (the last K-1 padded positions).
public enum CausalConvWithState: Operator {
    public static let opType = "CausalConvWithState"

    static func check(_ n: NodeContext) throws -> (b: Int, c: Int, l: Int, k: Int, silu: Bool) {
        let x = try n.input(0), w = try n.input(1)
        try n.requireDType(x, Attention.floatTypes)
        try n.requireSameDType([x, w])
        guard x.rank == 3 else { throw n.unsupported("only 3-D inputs [batch, channels, length] are supported, got \(x.shape)") }
        let (b, c, l) = (x.shape[0], x.shape[1], x.shape[2])
        guard w.rank == 3, w.shape[0] == c, w.shape[1] == 1, w.shape[2] >= 1 else {
            throw n.error("weight \(w.shape) must be [\(c), 1, k]")
        }
        let k = w.shape[2]
        if n.hasInput(2) {
            let bias = try n.input(2)
            try n.requireSameDType([x, bias])
            guard bias.shape == [c] else { throw n.error("bias \(bias.shape) must be [\(c)]") }
        }
        if n.hasInput(3) {
            let s = try n.input(3)
            try n.requireSameDType([x, s])
            guard s.shape == [b, c, k - 1] else { throw n.error("past_state \(s.shape) must be [\(b), \(c), \(k - 1)]") }
        }
        let act = try n.string("activation", default: "none")
        guard ["none", "silu", "swish"].contains(act) else {
            throw n.error("unknown activation '\(KilnError.printable(act))'")
        }
        return (b, c, l, k, act != "none")
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let d = try check(n), x = try n.input(0)
        var out = [x]
        if n.outputCount > 1 { out.append(TensorType(x.dtype, [d.b, d.c, d.k - 1])) }
        return out
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let d = try check(n), x = try n.input(0)
        func opt(_ i: Int) throws -> KernelArg { n.hasInput(i) ? .input(try n.inputID(i)) : .null }
        b.call("kiln_causal_conv_\(x.dtype.kernelSuffix)", source: "kiln_causal_conv",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), try opt(2), try opt(3), .output(try n.outputID(0)),
                n.hasOutput(1) ? .output(try n.outputID(1)) : .null,
                .int(d.b), .int(d.c), .int(d.l), .int(d.k), .int(d.silu ? 1 : 0)],
               macs: x.count * d.k)
    }
}
