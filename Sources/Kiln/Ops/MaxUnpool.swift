/// MaxUnpool (opsets 9, 11): scatters X into a zero tensor of the unpooled shape
/// (in - 1) * stride - pads + kernel at the flat positions I (int64, read at run time); with `output_shape`
/// (a constant at least that large) the unpooled tensor sits in the low corner of the output.
public enum MaxUnpool: Operator {
    public static let opType = "MaxUnpool"

    static func shapes(_ n: NodeContext) throws -> (inferred: [Int], output: [Int]) {
        let x = try n.input(0), i = try n.input(1)
        guard x.rank >= 3 else { throw n.error("X must have rank at least 3, it is \(x.shape)") }
        guard i.dtype == .int64, i.shape == x.shape else { throw n.error("I must be int64 with X's shape \(x.shape), it is \(i)") }
        let r = x.rank - 2
        guard let k = try n.ints("kernel_shape"), k.count == r, k.allSatisfy({ $0 >= 1 }) else {
            throw n.error("kernel_shape must give \(r) positive sizes")
        }
        let strides = try n.ints("strides") ?? [Int](repeating: 1, count: r)
        let pads = try n.ints("pads") ?? [Int](repeating: 0, count: 2 * r)
        guard strides.count == r, strides.allSatisfy({ $0 >= 1 }), pads.count == 2 * r, pads.allSatisfy({ $0 >= 0 }) else {
            throw n.error("strides must give \(r) positive values and pads \(2 * r) nonnegative ones")
        }
        var inferred = [x.shape[0], x.shape[1]]
        for d in 0..<r {
            let (a, o1) = (x.shape[d + 2] - 1).multipliedReportingOverflow(by: strides[d])
            let v = a &- pads[d] &- pads[d + r] &+ k[d]
            guard !o1, v >= 0, a < 1 << 40 else { throw n.error("unpooled dim \(d) is negative or too large") }
            inferred.append(v)
        }
        guard inferred.checkedElementCount() != nil else { throw n.error("unpooled shape \(inferred) is too large") }
        var output = inferred
        if n.hasInput(2) {
            output = try DataMovement.intList(try n.requireConstant(2, "output_shape"), n, "output_shape")
            guard output.count == x.rank else { throw n.error("output_shape \(output) must have \(x.rank) entries") }
            guard zip(output, inferred).allSatisfy({ $0 >= $1 }), output[0] == inferred[0], output[1] == inferred[1] else {
                throw n.unsupported("output_shape \(output) smaller than the unpooled shape \(inferred) is not supported")
            }
            guard output.checkedElementCount() != nil else { throw n.error("output_shape \(output) is too large") }
        }
        guard x.rank <= BinaryElementwise.maxRank else { throw n.unsupported("rank \(x.rank) is above \(BinaryElementwise.maxRank)") }
        return (inferred, output)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(try n.input(0).dtype, try shapes(n).output)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let s = try shapes(n), x = try n.input(0)
        b.call("kiln_max_unpool_\(DataMovement.width(x.dtype))", source: "kiln_max_unpool",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)), .int(x.count),
                .int(x.rank), .ints(s.inferred), .ints(s.output)])
    }
}
