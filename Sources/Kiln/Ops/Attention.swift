import Foundation

/// Attention (opset 23; `nonpad_kv_seqlen` from 24; sliding windows from 25): scaled dot-product attention with
/// 3-D (heads folded in the hidden dim, `q_num_heads`/`kv_num_heads`) or 4-D inputs, grouped-query heads,
/// past/present key-value cache, bool or additive mask (right-aligned broadcast, padded with -inf when shorter
/// than the keys), causal masking offset by the cache, softcap, and the optional `qk_matmul_output`.
/// One `kiln_attention` call computes everything.
public enum Attention: Operator {
    public static let opType = "Attention"

    static let floatTypes: Set<DType> = [.float32, .float64, .float16, .bfloat16]

    struct Plan {
        var dtype: DType
        var rank: Int
        var b = 0, hq = 0, hkv = 0, sq = 0, skv = 0, past = 0, dk = 0, dv = 0
        var maskShape: [Int]?
        var maskDType: DType?
        var hasNonpad = false
        var total: Int { past + skv }
    }

    static func plan(_ n: NodeContext) throws -> Plan {
        let q = try n.input(0), k = try n.input(1), v = try n.input(2)
        try n.requireDType(q, floatTypes)
        try n.requireSameDType([q, k, v])
        guard q.rank == k.rank && q.rank == v.rank, q.rank == 3 || q.rank == 4 else {
            throw n.error("Q, K and V must all be 3-D or all 4-D, the model gives \(q.shape), \(k.shape), \(v.shape)")
        }
        var p = Plan(dtype: q.dtype, rank: q.rank)
        p.b = q.shape[0]
        guard k.shape[0] == p.b && v.shape[0] == p.b else { throw n.error("Q, K and V have different batch sizes") }
        if q.rank == 3 {
            guard let hq = try n.int("q_num_heads"), let hkv = try n.int("kv_num_heads") else {
                throw n.error("3-D inputs need the q_num_heads and kv_num_heads attributes")
            }
            guard hq > 0 && hkv > 0, q.shape[2] % hq == 0, k.shape[2] % hkv == 0, v.shape[2] % hkv == 0 else {
                throw n.error("hidden sizes \(q.shape[2]), \(k.shape[2]), \(v.shape[2]) are not divisible by the head counts \(hq), \(hkv)")
            }
            p.hq = hq; p.hkv = hkv
            p.sq = q.shape[1]; p.skv = k.shape[1]
            p.dk = q.shape[2] / hq
            guard k.shape[2] / hkv == p.dk else { throw n.error("Q and K head sizes differ") }
            p.dv = v.shape[2] / hkv
            guard v.shape[1] == p.skv else { throw n.error("K and V sequence lengths differ") }
        } else {
            p.hq = q.shape[1]; p.hkv = k.shape[1]
            p.sq = q.shape[2]; p.skv = k.shape[2]
            p.dk = q.shape[3]; p.dv = v.shape[3]
            guard k.shape[3] == p.dk else { throw n.error("Q head size \(p.dk) and K head size \(k.shape[3]) differ") }
            guard v.shape[1] == p.hkv && v.shape[2] == p.skv else { throw n.error("K \(k.shape) and V \(v.shape) disagree") }
        }
        guard p.hkv > 0 && p.hq % p.hkv == 0 else {
            throw n.error("q heads \(p.hq) are not a multiple of kv heads \(p.hkv)")
        }
        if n.hasInput(4) != n.hasInput(5) { throw n.error("past_key and past_value must be given together") }
        if n.hasInput(4) {
            let pk = try n.input(4), pv = try n.input(5)
            try n.requireSameDType([q, pk, pv])
            guard pk.rank == 4, pv.rank == 4, pk.shape[0] == p.b, pk.shape[1] == p.hkv, pk.shape[3] == p.dk,
                  pv.shape[0] == p.b, pv.shape[1] == p.hkv, pv.shape[2] == pk.shape[2], pv.shape[3] == p.dv else {
                throw n.error("past_key \(pk.shape) / past_value \(pv.shape) do not match [\(p.b), \(p.hkv), past, \(p.dk)|\(p.dv)]")
            }
            p.past = pk.shape[2]
        }
        if n.hasInput(6) {
            let np = try n.input(6)
            guard np.dtype == .int64, np.shape == [p.b] else {
                throw n.error("nonpad_kv_seqlen must be int64 [\(p.b)], the model gives \(np)")
            }
            guard !n.hasInput(4) else { throw n.error("nonpad_kv_seqlen cannot be combined with past_key/past_value") }
            p.hasNonpad = true
        }
        if n.hasInput(3) {
            let m = try n.input(3)
            guard m.dtype == .bool || m.dtype == q.dtype else {
                throw n.error("attn_mask must be bool or \(q.dtype.onnxName), the model gives \(m.dtype.onnxName)")
            }
            guard m.rank >= 1 && m.rank <= 4 else { throw n.error("attn_mask must have rank 1 to 4, it has \(m.rank)") }
            let target = [p.b, p.hq, p.sq, p.total]
            let pad = 4 - m.rank
            for (i, d) in m.shape.enumerated() {
                let t = target[i + pad]
                if i == m.rank - 1 {
                    guard d <= t else { throw n.error("attn_mask's last dim \(d) exceeds the \(t) keys") }
                } else {
                    guard d == 1 || d == t else { throw n.error("attn_mask \(m.shape) cannot be broadcast to \(target)") }
                }
            }
            p.maskShape = m.shape
            p.maskDType = m.dtype
        }
        let counts = [[p.b, p.hq, p.sq, p.dk], [p.b, p.hkv, p.total, max(p.dk, p.dv)], [p.b, p.hq, p.sq, p.total]]
        for c in counts where c.checkedElementCount() == nil { throw n.unsupported("tensor sizes \(c) are too large") }
        return p
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try plan(n)
        let y = p.rank == 3 ? [p.b, p.sq, p.hq * p.dv] : [p.b, p.hq, p.sq, p.dv]
        var out = [TensorType(p.dtype, y)]
        if n.outputCount > 1 { out.append(TensorType(p.dtype, [p.b, p.hkv, p.total, p.dk])) }
        if n.outputCount > 2 { out.append(TensorType(p.dtype, [p.b, p.hkv, p.total, p.dv])) }
        if n.outputCount > 3 { out.append(TensorType(p.dtype, [p.b, p.hq, p.sq, p.total])) }
        return out
    }

    /// sqrt(scale) rounded to the input type, as ONNX's reference scales both Q and K by it.
    static func scaleSqrt(_ n: NodeContext, _ p: Plan) throws -> Double {
        let scale: Double
        if let s = try n.float("scale") { scale = Double(s) } else { scale = 1 / Double(p.dk).squareRoot() }
        let r = scale.squareRoot()
        return TensorData(dtype: p.dtype, shape: [], doubles: [r]).double(at: 0)
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n)
        let mode = try n.int("qk_matmul_output_mode", default: 0)
        guard (0...3).contains(mode) else { throw n.error("qk_matmul_output_mode \(mode) must be 0..3") }
        let softcap = Double(try n.float("softcap", default: 0))
        func window(_ name: String) throws -> Int {
            let w = try n.int(name, default: -1)
            guard w >= -1 else { throw n.error("\(name) \(w) must be -1 or nonnegative") }
            return min(w, 1 << 30)
        }
        let left = try window("left_window_size"), right = try window("right_window_size")
        if let sp = try n.int("softmax_precision") {
            guard let t = DType(rawValue: sp), floatTypes.contains(t) else {
                throw n.error("softmax_precision \(sp) is not a floating-point type")
            }
        }
        let roundSoftmax = try n.int("softmax_precision") == nil ? 1 : 0
        // Element strides (batch, head, sequence) of the 4-D views of Q, K, V and Y.
        func strides(_ s: Int, _ h: Int, _ d: Int) -> [Int] {
            p.rank == 3 ? [s * h * d, d, h * d] : [h * s * d, s * d, d]
        }
        var params = [p.b, p.hq, p.hkv, p.sq, p.skv, p.past, p.dk, p.dv]
        params += strides(p.sq, p.hq, p.dk) + strides(p.skv, p.hkv, p.dk) + strides(p.skv, p.hkv, p.dv)
        params += strides(p.sq, p.hq, p.dv)
        var maskArg: KernelArg = .null
        if let ms = p.maskShape, let mt = p.maskDType {
            let full = [Int](repeating: 1, count: 4 - ms.count) + ms
            let st = DataMovement.strides(full)
            let ms4 = (0..<4).map { full[$0] == 1 && $0 < 3 ? 0 : st[$0] }
            // Keys beyond the mask's last dim are masked (ONNX pads a short mask), so it never broadcasts along keys.
            params += [mt == .bool ? 1 : 2, full[3], ms4[0], ms4[1], ms4[2], 1]
            maskArg = .input(try n.inputID(3))
        } else {
            params += [0, 0, 0, 0, 0, 0]
        }
        params += [try n.int("is_causal", default: 0) != 0 ? 1 : 0, left, right, mode, roundSoftmax]
        let compute = p.dtype == .float64 ? 8 : 4
        let scratch = b.scratch(bytes: max((p.dk + p.total) * compute, 1))
        func out(_ i: Int) throws -> KernelArg { n.hasOutput(i) ? .output(try n.outputID(i)) : .null }
        let scale = try scaleSqrt(n, p)
        let scaleArg: KernelArg = p.dtype == .float64 ? .double(scale) : .float(Float(scale))
        let capArg: KernelArg = p.dtype == .float64 ? .double(softcap) : .float(Float(softcap))
        b.call("kiln_attention_\(p.dtype.kernelSuffix)", source: "kiln_attention",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), maskArg,
                n.hasInput(4) ? .input(try n.inputID(4)) : .null, n.hasInput(5) ? .input(try n.inputID(5)) : .null,
                n.hasInput(6) ? .input(try n.inputID(6)) : .null,
                .output(try n.outputID(0)), try out(1), try out(2), try out(3), .scratch(scratch),
                .ints(params), scaleArg, capArg],
               macs: p.b * p.hq * p.sq * p.total * (p.dk + p.dv))
    }
}
