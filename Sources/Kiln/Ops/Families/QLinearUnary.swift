import Foundation

/// The com.microsoft element-wise quantized operators (QLinearSigmoid, QLinearLeakyRelu): X, X_scale,
/// X_zero_point (optional), Y_scale, Y_zero_point (optional); lowered to a 256-entry table of the float function.
public enum QLinearUnary {
    public static func quant(_ n: NodeContext) throws -> (QuantizedOps.TensorQuant, QuantizedOps.TensorQuant) {
        let t = try n.input(0).dtype
        return (try QLinear.tensorQuant(n, scale: 1, zp: 2, dtype: t, "X"), try QLinear.tensorQuant(n, scale: 3, zp: 4, dtype: t, "Y"))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.int8, .uint8])
        _ = try quant(n)
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, _ f: @escaping (Float) -> Float) throws {
        let (qx, qy) = try quant(n)
        let t = try n.input(0).dtype
        try QuantizedKernels.lowerTable(n, &b, table: QuantizedKernels.table(x: t, xq: qx, y: t, yq: qy) { $0.map(f) })
    }
}
