/// kiln::QSoftmax (Kiln-internal, made by the quantize-qdq pass): Softmax over the last axis of an int8, uint8
/// or int16 tensor, integer only, with an exact compile-time exp table (see `kiln_qsoftmax.h`).
public enum QSoftmax: Operator {
    public static let opType = "QSoftmax"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.int8, .uint8, .int16])
        let t = try n.int("output_dtype", default: x.dtype.rawValue)
        guard let y = DType(rawValue: t), y == x.dtype else { throw n.unsupported("Softmax to another type") }
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try QuantizedKernels.lowerSoftmax(n, &b, xq: try QuantizedOps.tensorQuant(n, input: 0),
                                          yq: try QuantizedOps.tensorQuant(n, output: 0))
    }
}
