/// LinearAttention (opset 27+): recurrent linear attention over [B, T, H*D] inputs with a [B, Hkv, dk, dv]
/// state; `update_rule` linear, gated (decay), delta (beta) or gated_delta (default); grouped query heads.
/// Outputs the attention output and the final state.
public enum LinearAttention: Operator {
    public static let opType = "LinearAttention"

    struct Plan { var b: Int, t: Int, hq: Int, hkv: Int, dk: Int, dv: Int, decayKind: Int, betaKind: Int }

    static func plan(_ n: NodeContext) throws -> Plan {
        let q = try n.input(0), k = try n.input(1), v = try n.input(2)
        try n.requireDType(q, Attention.floatTypes)
        try n.requireSameDType([q, k, v])
        guard q.rank == 3, k.rank == 3, v.rank == 3 else { throw n.error("query, key and value must be 3-D [B, T, H*D]") }
        guard let hq = try n.int("q_num_heads"), let hkv = try n.int("kv_num_heads") else {
            throw n.error("q_num_heads and kv_num_heads are required")
        }
        guard hq > 0, hkv > 0, hq % hkv == 0 else { throw n.error("q_num_heads \(hq) must be a positive multiple of kv_num_heads \(hkv)") }
        let (b, t) = (q.shape[0], q.shape[1])
        guard k.shape[0] == b, v.shape[0] == b, k.shape[1] == t, v.shape[1] == t else {
            throw n.error("query \(q.shape), key \(k.shape) and value \(v.shape) disagree on batch or time")
        }
        guard q.shape[2] % hq == 0, k.shape[2] % hkv == 0, v.shape[2] % hkv == 0 else {
            throw n.error("hidden sizes are not divisible by the head counts")
        }
        let dk = q.shape[2] / hq, dv = v.shape[2] / hkv
        guard k.shape[2] / hkv == dk else { throw n.error("query and key head sizes differ") }
        let rule = try n.string("update_rule", default: "gated_delta")
        let gating: Bool, delta: Bool
        switch rule {
        case "linear": (gating, delta) = (false, false)
        case "gated": (gating, delta) = (true, false)
        case "delta": (gating, delta) = (false, true)
        case "gated_delta": (gating, delta) = (true, true)
        default: throw n.error("unknown update_rule '\(KilnError.printable(rule))'")
        }
        guard gating == n.hasInput(4) else { throw n.error("update_rule '\(rule)' \(gating ? "requires" : "forbids") the decay input") }
        guard delta == n.hasInput(5) else { throw n.error("update_rule '\(rule)' \(delta ? "requires" : "forbids") the beta input") }
        var p = Plan(b: b, t: t, hq: hq, hkv: hkv, dk: dk, dv: dv, decayKind: 0, betaKind: 0)
        if n.hasInput(3) {
            let s = try n.input(3)
            guard s.shape == [b, hkv, dk, dv] else { throw n.error("past_state \(s.shape) must be [\(b), \(hkv), \(dk), \(dv)]") }
            guard s.dtype == q.dtype else { throw n.unsupported("a past_state type different from the query's is not supported") }
        }
        if gating {
            let d = try n.input(4)
            try n.requireSameDType([q, d])
            guard d.rank == 3, d.shape[0] == b, d.shape[1] == t, d.shape[2] == hkv || d.shape[2] == hkv * dk else {
                throw n.error("decay \(d.shape) must be [\(b), \(t), \(hkv)] or [\(b), \(t), \(hkv * dk)]")
            }
            p.decayKind = d.shape[2] == hkv ? 1 : 2
        }
        if delta {
            let e = try n.input(5)
            try n.requireSameDType([q, e])
            guard e.rank == 3, e.shape[0] == b, e.shape[1] == t, e.shape[2] == hkv || e.shape[2] == 1 else {
                throw n.error("beta \(e.shape) must be [\(b), \(t), \(hkv)] or [\(b), \(t), 1]")
            }
            p.betaKind = e.shape[2] == hkv ? 1 : 2
        }
        guard [dk, dv, 1].checkedElementCount() != nil, [b, hkv, dk, dv].checkedElementCount() != nil else {
            throw n.unsupported("state of \(dk)x\(dv) is too large")
        }
        return p
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try plan(n), q = try n.input(0)
        var out = [TensorType(q.dtype, [p.b, p.t, p.hq * p.dv])]
        if n.outputCount > 1 { out.append(TensorType(n.hasInput(3) ? try n.input(3).dtype : q.dtype, [p.b, p.hkv, p.dk, p.dv])) }
        return out
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n), q = try n.input(0)
        var scale = Double(try n.float("scale", default: 0))
        if scale == 0 { scale = 1 / Double(p.dk).squareRoot() }
        let compute = q.dtype == .float64 ? 8 : 4
        let scratch = b.scratch(bytes: max((p.dk * p.dv + p.dv) * compute, 1))
        func opt(_ i: Int) throws -> KernelArg { n.hasInput(i) ? .input(try n.inputID(i)) : .null }
        b.call("kiln_linear_attention_\(q.dtype.kernelSuffix)", source: "kiln_linear_attention",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), try opt(3), try opt(4),
                try opt(5), .output(try n.outputID(0)), n.hasOutput(1) ? .output(try n.outputID(1)) : .null,
                .scratch(scratch), .ints([p.b, p.t, p.hq, p.hkv, p.dk, p.dv, p.decayKind, p.betaKind]),
                q.dtype == .float64 ? .double(scale) : .float(Float(scale))],
               macs: p.b * p.t * (p.hkv * p.dk * p.dv * 3 + p.hq * p.dk * p.dv))
    }
}
