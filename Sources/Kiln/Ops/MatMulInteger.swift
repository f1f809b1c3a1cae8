/// MatMulInteger: Y = (A - a_zero_point) x (B - b_zero_point) as int32 (NumPy matmul shapes), int8/uint8 A and B;
/// a_zero_point scalar or per row of A (M values), b_zero_point scalar or per column of B (N values); zero points
/// must be known at compile time. Batch dims broadcast when one operand has none.
public enum MatMulInteger: Operator {
    public static let opType = "MatMulInteger"

    static func parts(_ n: NodeContext) throws -> (QuantizedMatMul.Shape, [Int], [Int]) {
        let a = try n.input(0), b = try n.input(1)
        try n.requireDType(a, [.int8, .uint8], "A")
        try n.requireDType(b, [.int8, .uint8], "B")
        let s = try QuantizedMatMul.shape(n, a: a.shape, b: b.shape)
        return (s, try QLinear.zeroPoints(n, 2, "a_zero_point", dtype: a.dtype),
                try QLinear.zeroPoints(n, 3, "b_zero_point", dtype: b.dtype))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(.int32, try parts(n).0.output)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (s, za, zb) = try parts(n)
        try QuantizedMatMul.lower(n, &b, a: 0, b: 1, shape: s, aZeroPoints: za, bZeroPoints: zb, multipliers: nil, yZeroPoint: 0)
    }
}
