/// ai.onnx.preview FlexAttention: scaled dot-product attention over 4-D Q [B, Hq, L, E], K [B, Hkv, S, E],
/// V [B, Hkv, S, Ev] with grouped query heads, where the optional `score_mod` and `prob_mod` graphs rewrite the
/// [B, Hq, L, S] scores before the softmax and the probabilities after it. Scores are computed in float32
/// (float64 for double inputs, or as `softmax_precision` says); the modifier graphs run on them in scratch
/// memory between the score, softmax and output kernels.
public enum FlexAttention: Operator {
    public static let opType = "FlexAttention"
    public static let domain = "ai.onnx.preview"

    struct Plan { var b: Int, hq: Int, hkv: Int, l: Int, s: Int, e: Int, ev: Int, compute: DType }

    static func plan(_ n: NodeContext) throws -> Plan {
        let q = try n.input(0), k = try n.input(1), v = try n.input(2)
        try n.requireDType(q, Attention.floatTypes)
        try n.requireSameDType([q, k, v])
        guard q.rank == 4, k.rank == 4, v.rank == 4 else { throw n.error("Q, K and V must be 4-D") }
        let p = Plan(b: q.shape[0], hq: q.shape[1], hkv: k.shape[1], l: q.shape[2], s: k.shape[2], e: q.shape[3],
                     ev: v.shape[3], compute: try computeType(n, q.dtype))
        guard k.shape[0] == p.b, v.shape[0] == p.b, v.shape[1] == p.hkv, v.shape[2] == p.s, k.shape[3] == p.e else {
            throw n.error("Q \(q.shape), K \(k.shape) and V \(v.shape) do not agree")
        }
        guard p.hkv > 0, p.hq % p.hkv == 0 else { throw n.error("query heads \(p.hq) are not a multiple of kv heads \(p.hkv)") }
        guard [p.b, p.hq, p.l, max(p.s, 1)].checkedElementCount(limit: Int(Int32.max) / 8) != nil else {
            throw n.unsupported("the score tensor is too large")
        }
        return p
    }

    static func computeType(_ n: NodeContext, _ t: DType) throws -> DType {
        if let sp = try n.int("softmax_precision") {
            switch DType(rawValue: sp) {
            case .float32?: return .float32
            case .float64?: return .float64
            case .float16?, .bfloat16?: throw n.unsupported("softmax_precision \(sp) (half precision) is not supported")
            default: throw n.error("softmax_precision \(sp) is not a floating-point type")
            }
        }
        return t == .float64 ? .float64 : .float32
    }

    static func mods(_ n: NodeContext, _ p: Plan) throws -> [(String, Graph)] {
        let scores = TensorType(p.compute, [p.b, p.hq, p.l, p.s])
        var out: [(String, Graph)] = []
        for name in ["score_mod", "prob_mod"] {
            guard let g = try n.graphAttribute(name) else { continue }
            try InlineSubgraph.prepare(n, g, input: scores, what: name)
            out.append((name, g))
        }
        return out
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try plan(n)
        _ = try mods(n, p)
        return [TensorType(try n.input(0).dtype, [p.b, p.hq, p.l, p.ev])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n), t = try n.input(0).dtype
        let scale = try n.float("scale") ?? Float(1 / Double(p.e).squareRoot())
        // sqrt in float32, then rounded to the input type (ONNX's reference).
        let r = Float(TensorData(dtype: t, shape: [], doubles: [Double(scale.squareRoot())]).double(at: 0))
        let mods = try mods(n, p)
        let count = p.b * p.hq * p.l * p.s
        let scores = b.scratch(bytes: max(count * p.compute.size, 1))
        let suffix = "\(t.kernelSuffix)_\(p.compute.kernelSuffix)"
        b.call("kiln_flex_scores_\(suffix)", source: "kiln_flex_attention",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .scratch(scores),
                .int(p.b), .int(p.hq), .int(p.hkv), .int(p.l), .int(p.s), .int(p.e), .float(r)],
               macs: count * p.e)
        var current: KernelArg = .scratch(scores)
        for (name, g) in mods where name == "score_mod" {
            current = try InlineSubgraph.lower(n, g, &b, input: try scratchIndex(n, current, &b, count * p.compute.size), what: name)
        }
        let probs = try scratchIndex(n, current, &b, count * p.compute.size)
        b.call("kiln_flex_softmax_\(p.compute.kernelSuffix)", source: "kiln_flex_attention",
               [.scratch(probs), .int(p.b * p.hq * p.l), .int(p.s)])
        current = .scratch(probs)
        for (name, g) in mods where name == "prob_mod" {
            current = try InlineSubgraph.lower(n, g, &b, input: probs, what: name)
        }
        b.call("kiln_flex_output_\(suffix)", source: "kiln_flex_attention",
               [current, .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(p.b), .int(p.hq), .int(p.hkv), .int(p.l), .int(p.s), .int(p.ev)],
               macs: p.b * p.hq * p.l * p.s * p.ev)
    }

    /// The scratch index holding `a`; a modifier result that is a weight is copied into scratch first.
    static func scratchIndex(_ n: NodeContext, _ a: KernelArg, _ b: inout LoweringBuilder, _ bytes: Int) throws -> Int {
        if case .scratch(let k) = a { return k }
        let k = b.scratch(bytes: max(bytes, 1))
        b.call("kiln_copy", source: "kiln_copy", [a, .scratch(k), .int(bytes)])
        return k
    }
}
