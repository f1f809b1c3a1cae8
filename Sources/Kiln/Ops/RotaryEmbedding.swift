/// RotaryEmbedding (opset 23): rotates the first `rotary_embedding_dim` elements of each head vector of a
/// [B, H, S, D] (or [B, S, H*D] with `num_heads`) input by position-dependent angles from the cos/sin caches,
/// as half-split or interleaved pairs. Caches are [max_position, dim/2] indexed by `position_ids` [B, S], or
/// [B, S, dim/2] without them.
public enum RotaryEmbedding: Operator {
    public static let opType = "RotaryEmbedding"

    struct Plan { var b: Int, s: Int, h: Int, d: Int, rot: Int, strides: [Int], rows: Int }

    static func plan(_ n: NodeContext) throws -> Plan {
        let x = try n.input(0), c = try n.input(1), sn = try n.input(2)
        try n.requireDType(x, Attention.floatTypes)
        try n.requireSameDType([x, c, sn])
        var p: Plan
        if x.rank == 4 {
            let (b, h, s, d) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
            p = Plan(b: b, s: s, h: h, d: d, rot: d, strides: [h * s * d, d, s * d], rows: 0)
        } else if x.rank == 3 {
            let heads = try n.int("num_heads", default: 0)
            guard heads > 0, x.shape[2] % heads == 0 else {
                throw n.error("a 3-D input needs num_heads dividing its hidden size \(x.shape[2]), the model gives \(heads)")
            }
            let (b, s, d) = (x.shape[0], x.shape[1], x.shape[2] / heads)
            p = Plan(b: b, s: s, h: heads, d: d, rot: d, strides: [s * heads * d, heads * d, d], rows: 0)
        } else {
            throw n.error("input must be 3-D or 4-D, it is \(x.shape)")
        }
        let r = try n.int("rotary_embedding_dim", default: 0)
        if r != 0 { p.rot = r }
        guard p.rot > 0, p.rot <= p.d, p.rot % 2 == 0 else {
            throw n.error("rotary_embedding_dim \(p.rot) must be even and at most the head size \(p.d)")
        }
        let half = p.rot / 2
        guard c.shape == sn.shape else { throw n.error("cos_cache \(c.shape) and sin_cache \(sn.shape) differ") }
        if n.hasInput(3) {
            let pos = try n.input(3)
            guard pos.dtype == .int64, pos.shape == [p.b, p.s] else {
                throw n.error("position_ids must be int64 [\(p.b), \(p.s)], the model gives \(pos)")
            }
            guard c.rank == 2, c.shape[1] == half else {
                throw n.error("with position_ids the caches must be [max_position, \(half)], they are \(c.shape)")
            }
            p.rows = c.shape[0]
        } else {
            guard c.shape == [p.b, p.s, half] else {
                throw n.error("without position_ids the caches must be [\(p.b), \(p.s), \(half)], they are \(c.shape)")
            }
        }
        return p
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try plan(n)
        return [try n.input(0)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n), x = try n.input(0)
        b.call("kiln_rotary_\(x.dtype.kernelSuffix)", source: "kiln_rotary",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)),
                n.hasInput(3) ? .input(try n.inputID(3)) : .null, .output(try n.outputID(0)),
                .int(p.b), .int(p.s), .int(p.h), .int(p.d), .int(p.rot), .int(try n.int("interleaved", default: 0) != 0 ? 1 : 0),
                .int(p.strides[0]), .int(p.strides[1]), .int(p.strides[2]), .int(p.rows)],
               macs: x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
