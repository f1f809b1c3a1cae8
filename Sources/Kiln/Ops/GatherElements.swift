/// GatherElements: y[i] = data[i with i[axis] replaced by indices[i]]; y has the indices' shape (which may be
/// smaller than data in any dim). Negative indices count from the end; indices out of range give zero.
public enum GatherElements: Operator {
    public static let opType = "GatherElements"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), i = try n.input(1)
        try n.requireDType(i, [.int32, .int64], "indices")
        guard x.rank > 0, i.rank == x.rank else { throw n.error("data \(x) and indices \(i) must have the same rank") }
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        for d in 0..<x.rank where d != a && i.shape[d] > x.shape[d] {
            throw n.error("indices \(i.shape) exceed data \(x.shape) on dim \(d)")
        }
        guard x.rank <= 8 else { throw n.unsupported("rank \(x.rank) (at most 8)") }
        return [TensorType(x.dtype, i.shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), i = try n.input(1)
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        b.call("kiln_gather_elements_\(DataMovement.width(x.dtype))_\(i.dtype.kernelSuffix)", source: "kiln_gather_elements",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)), .int(i.rank),
                .ints(i.shape), .ints(DataMovement.strides(x.shape)), .int(a), .int(x.shape[a])])
    }
}
