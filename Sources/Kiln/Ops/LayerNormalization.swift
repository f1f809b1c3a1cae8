/// LayerNormalization over dims [axis, rank): Y = (X - mean) / sqrt(var + epsilon) * Scale + B, with optional
/// Mean and InvStdDev outputs (shape X.shape[..<axis] + ones, type given by stash_type). Scale and B broadcast to
/// the normalized shape (a non-matching shape must be constant).
public enum LayerNormalization: Operator {
    public static let opType = "LayerNormalization"

    static func axis(_ n: NodeContext) throws -> Int {
        let x = try n.input(0)
        return try n.axis(try n.int("axis", default: -1), rank: x.rank)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        let a = try axis(n)
        let norm = Array(x.shape[a...])
        try Normalization.requireBroadcastable(n, try n.input(1), to: norm, what: "Scale")
        if n.hasInput(2) { try Normalization.requireBroadcastable(n, try n.input(2), to: norm, what: "B") }
        let stash = try Normalization.stashType(n, x.dtype)
        let stat = TensorType(stash, Array(x.shape[..<a]) + [Int](repeating: 1, count: x.rank - a))
        if (n.hasOutput(1) || n.hasOutput(2)) && (stash == .float64) != (x.dtype == .float64) {
            throw n.unsupported("Mean/InvStdDev of type \(stash.onnxName) for \(x.dtype.onnxName) input")
        }
        return [x, stat, stat]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let a = try axis(n)
        let norm = Array(x.shape[a...])
        if x.count == 0 { return }
        let scale = try Normalization.parameter(n, &b, 1, to: norm, what: "scale")
        let bias = n.hasInput(2) ? try Normalization.parameter(n, &b, 2, to: norm, what: "bias") : .null
        b.call("kiln_layernorm_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), scale, bias, .output(try n.outputID(0)),
                n.hasOutput(1) ? .output(try n.outputID(1)) : .null, n.hasOutput(2) ? .output(try n.outputID(2)) : .null,
                .int(x.shape[..<a].reduce(1, *)), .int(norm.reduce(1, *)), .float(try n.float("epsilon", default: 1e-5))],
               macs: 3 * x.count)
        b.allowInPlace(input: 0, output: 0)
    }
}
