/// kiln::QConcat (Kiln-internal, made by the quantize-qdq pass): Concat of quantized tensors whose parameters
/// differ from the output's: each input is requantized into its band of the output (inputs quantized like the
/// output are copied). Attribute `axis` (non-negative).
public enum QConcat: Operator {
    public static let opType = "QConcat"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let t = try Concat.infer(n)
        try n.requireDType(t[0], Quantization.quantTypes)
        return t
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let y = try n.output(0)
        let a = try n.axis(try n.int("axis", default: 0), rank: y.rank)
        let qy = try QuantizedOps.tensorQuant(n, output: 0)
        let outer = DataMovement.product(y.shape, 0..<a)
        let inner = DataMovement.product(y.shape, (a + 1)..<y.rank)
        let yRow = y.shape[a] * inner
        let clamp = QuantizedOps.clamp(n, qy, y.dtype)
        var offset = 0
        for i in 0..<n.inputCount {
            let x = try n.input(i)
            let row = x.shape[a] * inner
            defer { offset += row }
            guard row > 0 && outer > 0 else { continue }
            let qx = try QuantizedOps.tensorQuant(n, input: i)
            if qx == qy && x.dtype == y.dtype && clamp == Quantization.range(y.dtype) {
                b.call("kiln_copy_block", source: "kiln_copy_block",
                       [.input(try n.inputID(i)), .int(0), .int(row * x.dtype.size), .output(try n.outputID(0)),
                        .int(offset * y.dtype.size), .int(yRow * y.dtype.size), .int(outer), .int(row * y.dtype.size)])
            } else {
                let p = try QuantizedKernels.requantizeParams(n, x: qx, y: qy, clamp: clamp, outer: outer, inner: row,
                                                              yStride: yRow, yOffset: offset)
                b.call(try QuantizedKernels.requantizeKernel(n, x: x.dtype, y: y.dtype), source: "kiln_qtable",
                       [.input(try n.inputID(i)), .output(try n.outputID(0)), .ints(p)])
            }
        }
    }
}
