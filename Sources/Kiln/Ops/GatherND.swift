/// GatherND: indices [..., k] (int64) address slices of data after `batch_dims` leading batch dims; the output is
/// indices.shape[:-1] + data.shape[batch_dims + k:]. Negative indices count from the end; tuples out of range give
/// zero slices.
public enum GatherND: Operator {
    public static let opType = "GatherND"

    struct Plan { var b: Int; var k: Int }

    static func plan(_ n: NodeContext, _ x: TensorType, _ i: TensorType) throws -> Plan {
        try n.requireDType(i, [.int64], "indices")
        let b = try n.int("batch_dims", default: 0)
        guard i.rank >= 1, let k = i.shape.last else { throw n.error("indices must have at least one dim") }
        guard b >= 0, b < i.rank, b < x.rank else { throw n.error("batch_dims \(b) is out of range") }
        guard b + k <= x.rank else { throw n.error("index tuples of \(k) exceed data rank \(x.rank) after \(b) batch dims") }
        guard Array(x.shape[..<b]) == Array(i.shape[..<b]) else { throw n.error("batch dims of data \(x.shape) and indices \(i.shape) differ") }
        return Plan(b: b, k: k)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), i = try n.input(1)
        let p = try plan(n, x, i)
        return [TensorType(x.dtype, Array(i.shape.dropLast()) + Array(x.shape[(p.b + p.k)...]))]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), i = try n.input(1)
        let p = try plan(n, x, i)
        let es = x.dtype.size
        let strides = DataMovement.strides(x.shape)
        b.call("kiln_gathernd", source: "kiln_gathernd",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(DataMovement.product(x.shape, 0..<p.b)), .int(DataMovement.product(i.shape, p.b..<(i.rank - 1))), .int(p.k),
                .ints(Array(x.shape[p.b..<(p.b + p.k)])), .ints(strides[p.b..<(p.b + p.k)].map { $0 * es }),
                .int(DataMovement.product(x.shape, p.b..<x.rank) * es), .int(DataMovement.product(x.shape, (p.b + p.k)..<x.rank) * es)])
    }
}
