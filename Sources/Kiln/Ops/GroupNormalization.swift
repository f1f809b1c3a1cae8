/// GroupNormalization: statistics over each group of C/num_groups channels; scale and bias per channel (opset 21)
/// or per group (opset 18).
public enum GroupNormalization: Operator {
    public static let opType = "GroupNormalization"

    static func groups(_ n: NodeContext) throws -> (g: Int, perGroup: Bool) {
        let x = try n.input(0)
        guard let g = try n.int("num_groups") else { throw n.error("num_groups is required") }
        guard x.rank >= 2, g > 0, x.shape[1] % g == 0 else {
            throw n.error("num_groups \(g) must divide the channel count of \(x.shape)")
        }
        let s = try n.input(1), bias = try n.input(2)
        let perGroup = n.opset < 21
        let want = perGroup ? g : x.shape[1]
        guard s.shape == [want], bias.shape == [want] else {
            throw n.error("scale \(s.shape) and bias \(bias.shape) must be [\(want)]")
        }
        return (g, perGroup)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        try n.requireSameDType([x, try n.input(1), try n.input(2)])
        _ = try groups(n)
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let g = try groups(n)
        if x.count == 0 { return }
        b.call("kiln_groupnorm_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(x.shape[0]), .int(x.shape[1]), .int(x.shape[2...].reduce(1, *)), .int(g.g), .int(g.perGroup ? 1 : 0),
                .float(try n.float("epsilon", default: 1e-5))], macs: 3 * x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
