/// ScatterElements: a copy of `data` where, for each position i of `indices`, the element at i with i[axis]
/// replaced by indices[i] takes (or, with `reduction` add/mul/max/min, combines with) updates[i]. Negative
/// indices count from the end; out-of-range ones are skipped. Runs in place when `data` dies here.
public enum ScatterElements: Operator {
    public static let opType = "ScatterElements"

    static func reductionCode(_ n: NodeContext) throws -> Int {
        guard n.opset >= 16 else { return 0 }
        switch try n.string("reduction", default: "none") {
        case "none": return 0
        case "add": return 1
        case "mul": return 2
        case "max" where n.opset >= 18: return 3
        case "min" where n.opset >= 18: return 4
        case let r: throw n.error("unknown reduction '\(KilnError.printable(r))'")
        }
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), i = try n.input(1), u = try n.input(2)
        try n.requireDType(i, [.int32, .int64], "indices")
        try n.requireSameDType([x, u])
        guard x.rank > 0, i.rank == x.rank, u.shape == i.shape else {
            throw n.error("data \(x), indices \(i) and updates \(u) must have one rank, indices and updates one shape")
        }
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        for d in 0..<x.rank where d != a && i.shape[d] > x.shape[d] {
            throw n.error("indices \(i.shape) exceed data \(x.shape) on dim \(d)")
        }
        guard x.rank <= 8 else { throw n.unsupported("rank \(x.rank) (at most 8)") }
        _ = try reductionCode(n)
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), i = try n.input(1)
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        b.call("kiln_scatter_elements_\(x.dtype.kernelSuffix)_\(i.dtype.kernelSuffix)", source: "kiln_scatter_elements",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(x.count), .int(i.rank), .ints(i.shape), .ints(DataMovement.strides(x.shape)), .int(a), .int(x.shape[a]),
                .int(try reductionCode(n))])
        b.allowInPlace(input: 0, output: 0)
    }
}
