/// NonZero: the int64 [rank, count] coordinates of the nonzero elements, in row-major order. The output shape
/// depends on the values, so the input must be known at compile time (a constant, or a graph input frozen from
/// bound data); the result is then a constant.
public enum NonZero: Operator {
    public static let opType = "NonZero"

    static func coordinates(_ n: NodeContext) throws -> TensorData {
        let x = try n.requireConstant(0, "X")
        let rank = x.shape.count
        let strides = DataMovement.strides(x.shape)
        let zero = [UInt8](repeating: 0, count: x.dtype.size)
        var coords: [[Int64]] = [[Int64]](repeating: [], count: rank)
        var found = 0
        for e in 0..<x.count {
            let bytes = Array(x.bytes[(e * x.dtype.size)..<((e + 1) * x.dtype.size)])
            // Floats: -0.0 is zero, NaN is nonzero.
            let nonzero = x.dtype.isFloat ? x.double(at: e) != 0 || x.double(at: e).isNaN : bytes != zero
            guard nonzero else { continue }
            found += 1
            var rest = e
            for d in 0..<rank {
                coords[d].append(Int64(rest / strides[d]))
                rest %= strides[d]
            }
        }
        // A 0-D input gives [0, count] (ONNX's reference): no coordinates to list.
        return TensorData(dtype: .int64, shape: [rank, found], int64s: coords.flatMap { $0 })
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try coordinates(n).type] }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? { [try coordinates(n)] }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try DataMovement.lowerConstantOutput(n, &b, try coordinates(n))
    }
}
