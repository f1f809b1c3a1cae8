/// SwiGLU (opset 28): y = swish_alpha(a) * b = a * sigmoid(alpha * a) * b over two tensors of one shape
/// (no broadcasting). Float types.
public enum SwiGLU: Operator {
    public static let opType = "SwiGLU"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let a = try n.input(0), b = try n.input(1)
        _ = try n.float("alpha")
        try n.requireSameDType([a, b])
        try n.requireDType(a, UnaryElementwise.floats)
        guard a.shape == b.shape else { throw n.error("inputs must have one shape, the model gives \(a.shape) and \(b.shape)") }
        return [a]
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let alpha = Double(try n.float("alpha", default: 1))
        let av = a.doubles, bv = b.doubles
        let ys = av.indices.map { av[$0] * FoldMath.sigmoid(alpha * av[$0]) * bv[$0] }
        return [TensorData(dtype: a.dtype, shape: a.shape, doubles: ys)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let a = try n.input(0)
        b.call("kiln_swiglu_\(a.dtype.kernelSuffix)", source: "kiln_activation",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)), .int(a.count),
                .float(try n.float("alpha", default: 1))])
        b.allowInPlace(input: 0, output: 0)
        b.allowInPlace(input: 1, output: 0)
    }
}
