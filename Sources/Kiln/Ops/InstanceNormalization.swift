/// InstanceNormalization: per (n, c), y = (x - mean) / sqrt(var + epsilon) * scale[c] + B[c].
public enum InstanceNormalization: Operator {
    public static let opType = "InstanceNormalization"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), s = try n.input(1), bias = try n.input(2)
        try n.requireDType(x, Normalization.floats)
        try n.requireSameDType([x, s, bias])
        guard x.rank >= 2, s.shape == [x.shape[1]], bias.shape == [x.shape[1]] else {
            throw n.error("scale \(s.shape) and B \(bias.shape) must be [C] for input \(x.shape)")
        }
        return [x]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        if x.count == 0 { return }
        b.call("kiln_instancenorm_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(x.shape[0]), .int(x.shape[1]), .int(x.shape[2...].reduce(1, *)),
                .float(try n.float("epsilon", default: 1e-5))], macs: 3 * x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
