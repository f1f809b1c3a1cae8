/// MeanVarianceNormalization: y = (x - mean) / (std + 1e-9) with statistics over `axes` (default [0, 2, 3]).
public enum MeanVarianceNormalization: Operator {
    public static let opType = "MeanVarianceNormalization"
    static func axes(_ n: NodeContext) throws -> [Int] {
        let x = try n.input(0)
        var out: [Int] = []
        for a in try n.ints("axes") ?? [0, 2, 3] {
            let r = try n.axis(a, rank: x.rank, what: "axis")
            guard !out.contains(r) else { throw n.error("axis \(a) is listed twice") }
            out.append(r)
        }
        return out.sorted()
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        _ = try axes(n)
        return [x]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        if x.count == 0 { return }
        let g = Reduction.groups(shape: x.shape, reduced: try axes(n))
        guard g.ks.count <= 8, g.rs.count <= 8 else { throw n.unsupported("too many separate dims") }
        b.call("kiln_mvn_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), .output(try n.outputID(0)),
                .int(g.ks.count), .ints(g.ks), .ints(g.kst), .int(g.rs.count), .ints(g.rs), .ints(g.rst)],
               macs: 3 * x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
