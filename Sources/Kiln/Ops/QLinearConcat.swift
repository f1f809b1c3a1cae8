/// com.microsoft QLinearConcat: inputs Y_scale, Y_zero_point, then (tensor, scale, zero point) per input; Concat
/// along `axis` with every input requantized to the output's parameters (a copy when they agree). int8/uint8.
public enum QLinearConcat: Operator {
    public static let opType = "QLinearConcat"
    public static let domain = "com.microsoft"

    static func parts(_ n: NodeContext) throws -> (yq: QuantizedOps.TensorQuant, inputs: [(index: Int, q: QuantizedOps.TensorQuant)], axis: Int, y: TensorType) {
        guard n.inputCount >= 5, (n.inputCount - 2) % 3 == 0 else {
            throw n.error("inputs must be Y_scale, Y_zero_point and (tensor, scale, zero point) triples")
        }
        let t = try n.input(1).dtype
        try n.requireDType(TensorType(t, []), [.int8, .uint8], "Y_zero_point")
        let yq = try QLinear.tensorQuant(n, scale: 0, zp: 1, dtype: t, "Y")
        var inputs: [(Int, QuantizedOps.TensorQuant)] = []
        var types: [TensorType] = []
        for k in stride(from: 2, to: n.inputCount, by: 3) {
            let x = try n.input(k)
            guard x.dtype == t else { throw n.error("input \(k) is \(x.dtype.onnxName), the output \(t.onnxName)") }
            inputs.append((k, try QLinear.tensorQuant(n, scale: k + 1, zp: k + 2, dtype: t, "input \(k)")))
            types.append(x)
        }
        let first = types[0]
        guard let a0 = try n.int("axis") else { throw n.error("missing 'axis' attribute") }
        let a = try n.axis(a0, rank: first.rank)
        var shape = first.shape
        shape[a] = 0
        for x in types {
            guard x.rank == first.rank, (0..<x.rank).allSatisfy({ $0 == a || x.shape[$0] == first.shape[$0] }) else {
                throw n.error("input shapes \(first.shape) and \(x.shape) differ outside axis \(a)")
            }
            shape[a] += x.shape[a]
        }
        return (yq, inputs, a, TensorType(t, shape))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try parts(n).y] }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try parts(n)
        try QuantizedKernels.lowerConcat(n, &b, inputs: p.inputs, yq: p.yq, axis: p.axis, clamp: Quantization.range(p.y.dtype))
    }
}
