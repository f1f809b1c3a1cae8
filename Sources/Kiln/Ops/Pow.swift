import Foundation

/// Pow: y = a ** b with NumPy broadcasting; y has the base's type. From opset 12 the exponent may have another
/// type than the base (bases: float types, int32, int64; exponents: any numeric type).
/// Float bases compute in float (float64 in double); integer bases with integer exponents multiply exactly with
/// wrap-around (negative exponents give the truncated real result: 1, +-1 or 0); integer bases with float
/// exponents compute in double and truncate toward zero, saturated.
public enum Pow: Operator {
    public static let opType = "Pow"
    static let bases: Set<DType> = BinaryElementwise.floats.union([.int32, .int64])
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let a = try n.input(0), b = try n.input(1)
        try n.requireDType(a, bases, "base")
        try n.requireDType(b, BinaryElementwise.numeric, "exponent")
        return [TensorType(a.dtype, try BinaryElementwise.outputShape(n))]
    }

    /// base ** e with wrap-around, e read as unsigned.
    static func ipow(_ base: Int64, _ e: UInt64) -> Int64 {
        var r: Int64 = 1, b = base, e = e
        while e != 0 {
            if e & 1 != 0 { r = r &* b }
            b = b &* b
            e >>= 1
        }
        return r
    }
    static func ipowSigned(_ base: Int64, _ e: Int64) -> Int64 {
        if e >= 0 { return ipow(base, UInt64(e)) }
        if base == 1 { return 1 }
        if base == -1 { return e & 1 != 0 ? -1 : 1 }
        return 0
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let out = try n.output(0)
        let m = BinaryElementwise.maps(try BinaryElementwise.operandShapes(n), out.shape)
        if a.dtype.isFloat || b.dtype.isFloat {
            let av = a.doubles, bv = b.dtype == .uint64 ? b.int64s.map { Double(UInt64(bitPattern: $0)) } : b.doubles
            let ys = (0..<out.count).map { Foundation.pow(av[m[0][$0]], bv[m[1][$0]]) }
            return [TensorData(dtype: out.dtype, shape: out.shape, doubles: ys)]
        }
        let av = a.int64s, bv = b.int64s, unsigned = b.dtype.isUnsignedInteger
        let ys = (0..<out.count).map { i -> Int64 in
            let x = av[m[0][i]], e = bv[m[1][i]]
            return unsigned ? ipow(x, UInt64(bitPattern: e)) : ipowSigned(x, e)
        }
        return [TensorData(dtype: out.dtype, shape: out.shape, int64s: ys)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let a = try n.input(0), e = try n.input(1)
        try BinaryElementwise.lower(n, &b, kernel: "pow", source: "kiln_pow",
                                    function: "kiln_pow_\(a.dtype.kernelSuffix)_\(e.dtype.kernelSuffix)")
    }
}
