/// ReverseSequence: for each batch entry b, reverses the first sequence_lens[b] steps along the time axis
/// (batch_axis/time_axis are 0 and 1 in either order). Lengths are read at run time and clamped to [0, time].
public enum ReverseSequence: Operator {
    public static let opType = "ReverseSequence"

    static func axes(_ n: NodeContext) throws -> (batch: Int, time: Int) {
        let b = try n.int("batch_axis", default: 1), t = try n.int("time_axis", default: 0)
        guard (b == 0 && t == 1) || (b == 1 && t == 0) else { throw n.error("batch_axis \(b) and time_axis \(t) must be 0 and 1") }
        return (b, t)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), l = try n.input(1)
        guard x.rank >= 2 else { throw n.error("input must have at least 2 dims") }
        try n.requireDType(l, [.int64], "sequence_lens")
        let (b, _) = try axes(n)
        guard l.shape == [x.shape[b]] else { throw n.error("sequence_lens \(l.shape) must hold one length per batch entry (\(x.shape[b]))") }
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let (ba, ta) = try axes(n)
        b.call("kiln_reverse_sequence", source: "kiln_reverse_sequence",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)), .int(x.shape[ba]),
                .int(x.shape[ta]), .int(ba), .int(DataMovement.product(x.shape, 2..<x.rank) * x.dtype.size)])
    }
}
