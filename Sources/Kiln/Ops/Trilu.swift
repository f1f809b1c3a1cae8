/// Trilu: keeps the upper (j - i >= k) or lower (j - i <= k) triangle of the last two dims and zeroes the rest;
/// `k` is an optional compile-time input. One byte-level kernel serves every type; runs in place.
public enum Trilu: Operator {
    public static let opType = "Trilu"

    static func k(_ n: NodeContext) throws -> Int {
        guard n.hasInput(1) else { return 0 }
        let t = try n.requireConstant(1, "k")
        guard t.count == 1, t.dtype == .int64 else { throw n.error("k must be an int64 scalar") }
        return Int(t.int64(at: 0))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        guard x.rank >= 2 else { throw n.error("input must have at least 2 dims, it is \(x)") }
        _ = try k(n)
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let rows = x.shape[x.rank - 2], cols = x.shape[x.rank - 1]
        let k = Swift.min(Swift.max(try Trilu.k(n), -rows - 1), cols + 1)
        b.call("kiln_trilu", source: "kiln_trilu",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(DataMovement.product(x.shape, 0..<(x.rank - 2))),
                .int(rows), .int(cols), .int(k), .int(try n.int("upper", default: 1) != 0 ? 1 : 0), .int(x.dtype.size)])
        b.allowInPlace(input: 0, output: 0)
    }
}
