/// com.microsoft QLinearAdd: element-wise Add of two int8/uint8 tensors (one type) with NumPy broadcasting:
/// C = (A_scale * (A - A_zp) + B_scale * (B - B_zp)) / C_scale + C_zp, rounded half to even and saturated,
/// integer only (`kiln_qadd.h`). Scales and zero points (optional, default 0) must be known at compile time.
public enum QLinearAdd: Operator {
    public static let opType = "QLinearAdd"
    public static let domain = "com.microsoft"

    static func quant(_ n: NodeContext) throws -> (QuantizedOps.TensorQuant, QuantizedOps.TensorQuant, QuantizedOps.TensorQuant) {
        let t = try n.input(0).dtype
        return (try QLinear.tensorQuant(n, scale: 1, zp: 2, dtype: t, "A"), try QLinear.tensorQuant(n, scale: 4, zp: 5, dtype: t, "B"),
                try QLinear.tensorQuant(n, scale: 6, zp: 7, dtype: t, "C"))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let t = try QuantizedKernels.inferBinary(n, a: 0, b: 3)
        try n.requireDType(t, [.int8, .uint8])
        _ = try quant(n)
        return [t]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (qa, qb, qc) = try quant(n)
        let t = try n.output(0).dtype
        let params = try QuantizedKernels.addParams(n, a: qa, b: qb, y: qc, clamp: Quantization.range(t))
        try QuantizedKernels.lowerBinary(n, &b, kernel: "qadd", a: 0, b: 3, params: params)
    }
}
