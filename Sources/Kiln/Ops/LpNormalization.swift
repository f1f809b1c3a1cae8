/// LpNormalization along `axis` (default -1): y = x / ||x||_p with p = 1 or 2 (default 2); a zero norm gives 0.
public enum LpNormalization: Operator {
    public static let opType = "LpNormalization"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        _ = try n.axis(try n.int("axis", default: -1), rank: x.rank)
        let p = try n.int("p", default: 2)
        guard p == 1 || p == 2 else { throw n.error("p must be 1 or 2, got \(p)") }
        return [x]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        if x.count == 0 { return }
        let s = AxisSplit.split(x.shape, axis: try n.axis(try n.int("axis", default: -1), rank: x.rank))
        b.call("kiln_lpnorm_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(s.outer), .int(s.n), .int(s.inner),
                .int(try n.int("p", default: 2))], macs: 2 * x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
