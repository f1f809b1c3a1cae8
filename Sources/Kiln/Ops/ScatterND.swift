/// ScatterND: a copy of `data` where the slice addressed by each index tuple (last dim of `indices`, int64)
/// takes (or, with `reduction` add/mul/max/min, combines with) the matching slice of `updates`. Negative
/// indices count from the end; out-of-range tuples are skipped. Runs in place when `data` dies here.
public enum ScatterND: Operator {
    public static let opType = "ScatterND"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), i = try n.input(1), u = try n.input(2)
        try n.requireDType(i, [.int64], "indices")
        try n.requireSameDType([x, u])
        guard i.rank >= 1, let k = i.shape.last, k >= 1, k <= x.rank else { throw n.error("indices \(i) do not index data \(x)") }
        let want = Array(i.shape.dropLast()) + Array(x.shape[k...])
        guard u.shape == want else { throw n.error("updates are \(u.shape), expected \(want)") }
        _ = try ScatterElements.reductionCode(n)
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), i = try n.input(1)
        let k = i.shape[i.rank - 1]
        b.call("kiln_scatternd_\(x.dtype.kernelSuffix)", source: "kiln_scatternd",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(x.count), .int(i.count / Swift.max(k, 1)), .int(k), .ints(Array(x.shape[..<k])),
                .ints(Array(DataMovement.strides(x.shape)[..<k])), .int(DataMovement.product(x.shape, k..<x.rank)),
                .int(try ScatterElements.reductionCode(n))])
        b.allowInPlace(input: 0, output: 0)
    }
}
