/// TensorScatter (opset 24): writes `update` into a copy of `past_cache` along `axis` (default -2) at the
/// per-batch positions `write_indices` (run time; zeros when absent), linearly (positions past the end are
/// dropped) or circularly (wrapping).
public enum TensorScatter: Operator {
    public static let opType = "TensorScatter"

    static func layout(_ n: NodeContext) throws -> (b: Int, m: Int, l: Int, s: Int, inner: Int, circular: Bool) {
        let past = try n.input(0), upd = try n.input(1)
        try n.requireSameDType([past, upd])
        guard past.rank >= 2, upd.rank == past.rank else { throw n.error("past_cache \(past.shape) and update \(upd.shape) must have one rank of at least 2") }
        let axis = try n.axis(try n.int("axis", default: -2), rank: past.rank)
        guard axis >= 1 else { throw n.error("axis must not be the batch axis") }
        for d in 0..<past.rank where d != axis && past.shape[d] != upd.shape[d] {
            throw n.error("update \(upd.shape) differs from past_cache \(past.shape) outside the axis")
        }
        guard upd.shape[axis] <= past.shape[axis] else { throw n.error("update is longer than the cache along the axis") }
        if n.hasInput(2) {
            let i = try n.input(2)
            guard i.dtype == .int64, i.shape == [past.shape[0]] else { throw n.error("write_indices must be int64 [\(past.shape[0])]") }
        }
        let mode = try n.string("mode", default: "linear")
        guard mode == "linear" || mode == "circular" else { throw n.error("unknown mode '\(KilnError.printable(mode))'") }
        return (past.shape[0], DataMovement.product(past.shape, 1..<axis), past.shape[axis], upd.shape[axis],
                DataMovement.product(past.shape, (axis + 1)..<past.rank), mode == "circular")
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try layout(n)
        return [try n.input(0)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let l = try layout(n), t = try n.input(0)
        b.call("kiln_tensor_scatter_\(DataMovement.width(t.dtype))", source: "kiln_tensor_scatter",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), n.hasInput(2) ? .input(try n.inputID(2)) : .null,
                .output(try n.outputID(0)), .int(l.b), .int(l.m), .int(l.l), .int(l.s), .int(l.inner), .int(l.circular ? 1 : 0)])
        b.allowInPlace(input: 0, output: 0)
    }
}
