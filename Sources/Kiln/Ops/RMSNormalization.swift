/// RMSNormalization over dims [axis, rank): Y = X / sqrt(mean(X^2) + epsilon) * scale.
public enum RMSNormalization: Operator {
    public static let opType = "RMSNormalization"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        let a = try n.axis(try n.int("axis", default: -1), rank: x.rank)
        try Normalization.requireBroadcastable(n, try n.input(1), to: Array(x.shape[a...]), what: "scale")
        return [x]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let a = try n.axis(try n.int("axis", default: -1), rank: x.rank)
        let norm = Array(x.shape[a...])
        if x.count == 0 { return }
        let scale = try Normalization.parameter(n, &b, 1, to: norm, what: "scale")
        b.call("kiln_rmsnorm_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), scale, .output(try n.outputID(0)),
                .int(x.shape[..<a].reduce(1, *)), .int(norm.reduce(1, *)), .float(try n.float("epsilon", default: 1e-5))],
               macs: 2 * x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
