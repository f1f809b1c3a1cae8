import Foundation

/// A tensor's value known at compile time: weights, folded constants, test inputs.
/// Elements are stored as little-endian bytes exactly as ONNX `raw_data` and the generated C lay them out,
/// so the same bytes go to the weights file, the arena and `.pb` files without reinterpretation.
public struct TensorData: Equatable, Sendable {
    public var dtype: DType
    public var shape: [Int]
    public var bytes: [UInt8]

    public init(dtype: DType, shape: [Int], bytes: [UInt8]) {
        precondition(bytes.count == shape.elementCount * dtype.size, "tensor byte count does not match its shape")
        self.dtype = dtype
        self.shape = shape
        self.bytes = bytes
    }

    public var count: Int { shape.elementCount }
    public var type: TensorType { TensorType(dtype, shape) }

    // MARK: element access

    /// Element `i` converted to Double (bool → 0/1, half types widened exactly).
    public func double(at i: Int) -> Double {
        let o = i * dtype.size
        switch dtype {
        case .float32: return Double(Float(bitPattern: UInt32(load(o, 4))))
        case .float64: return Double(bitPattern: load(o, 8))
        case .float16: return Double(halfToFloat(UInt16(load(o, 2))))
        case .bfloat16: return Double(Float(bitPattern: UInt32(load(o, 2)) << 16))
        case .int8, .int16, .int32, .int64: return Double(int64(at: i))
        case .uint8, .uint16, .uint32, .uint64, .bool: return Double(load(o, dtype.size))
        }
    }

    /// Element `i` as Int64: integers exactly (uint64 wraps), floats truncated toward zero and saturated.
    public func int64(at i: Int) -> Int64 {
        let o = i * dtype.size
        switch dtype {
        case .int8: return Int64(Int8(truncatingIfNeeded: load(o, 1)))
        case .int16: return Int64(Int16(truncatingIfNeeded: load(o, 2)))
        case .int32: return Int64(Int32(truncatingIfNeeded: load(o, 4)))
        case .int64, .uint64: return Int64(bitPattern: load(o, 8))
        case .uint8, .uint16, .uint32, .bool: return Int64(load(o, dtype.size))
        case .float32, .float64, .float16, .bfloat16: return saturatingInt64(double(at: i))
        }
    }

    public var doubles: [Double] { (0..<count).map { double(at: $0) } }
    public var int64s: [Int64] { (0..<count).map { int64(at: $0) } }
    public var ints: [Int] { (0..<count).map { Int(int64(at: $0)) } }

    private func load(_ offset: Int, _ n: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<n { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        return v
    }

    // MARK: construction

    /// Builds a tensor from Double values, converting each as ONNX Cast does (round-to-nearest-even for floats,
    /// truncation toward zero and saturation for integers, nonzero → true for bool).
    public init(dtype: DType, shape: [Int], doubles: [Double]) {
        precondition(doubles.count == shape.elementCount)
        var out = [UInt8]()
        out.reserveCapacity(doubles.count * dtype.size)
        for v in doubles { TensorData.append(v, as: dtype, to: &out) }
        self.init(dtype: dtype, shape: shape, bytes: out)
    }

    /// Builds an integer (or bool) tensor from Int64 values; values wrap to the width of `dtype`.
    public init(dtype: DType, shape: [Int], int64s: [Int64]) {
        precondition(int64s.count == shape.elementCount)
        if dtype.isFloat {
            self.init(dtype: dtype, shape: shape, doubles: int64s.map { Double($0) })
            return
        }
        var out = [UInt8]()
        out.reserveCapacity(int64s.count * dtype.size)
        for v in int64s {
            let u = dtype == .bool ? (v != 0 ? 1 : 0) : UInt64(bitPattern: v)
            for k in 0..<dtype.size { out.append(UInt8(truncatingIfNeeded: u >> (8 * UInt64(k)))) }
        }
        self.init(dtype: dtype, shape: shape, bytes: out)
    }

    public static func scalar(_ v: Double, _ dtype: DType) -> TensorData { TensorData(dtype: dtype, shape: [], doubles: [v]) }
    public static func vector(_ v: [Int64], _ dtype: DType = .int64) -> TensorData {
        TensorData(dtype: dtype, shape: [v.count], int64s: v)
    }

    /// Same bytes, new shape (Reshape and friends).
    public func reshaped(_ newShape: [Int]) -> TensorData { TensorData(dtype: dtype, shape: newShape, bytes: bytes) }

    /// Converts every element as ONNX Cast does.
    public func cast(to t: DType) -> TensorData {
        if t == dtype { return self }
        if !dtype.isFloat && !t.isFloat { return TensorData(dtype: t, shape: shape, int64s: int64s) }
        if dtype == .uint64 { return TensorData(dtype: t, shape: shape, doubles: (0..<count).map { Double(UInt64(bitPattern: int64(at: $0))) }) }
        return TensorData(dtype: t, shape: shape, doubles: doubles)
    }

    static func append(_ v: Double, as dtype: DType, to out: inout [UInt8]) {
        func put(_ u: UInt64, _ n: Int) { for k in 0..<n { out.append(UInt8(truncatingIfNeeded: u >> (8 * UInt64(k)))) } }
        switch dtype {
        case .float32: put(UInt64(Float(v).bitPattern), 4)
        case .float64: put(v.bitPattern, 8)
        case .float16: put(UInt64(floatToHalf(Float(v))), 2)
        case .bfloat16: put(UInt64(floatToBFloat16(Float(v))), 2)
        case .bool: put(v != 0 ? 1 : 0, 1)
        case .int8, .int16, .int32, .int64:
            let bits = dtype.size * 8
            let lo = -pow(2.0, Double(bits - 1)), hi = pow(2.0, Double(bits - 1)) - 1
            let c = v.isNaN ? 0 : Swift.min(Swift.max(v.rounded(.towardZero), lo), hi)
            put(UInt64(bitPattern: bits == 64 ? saturatingInt64(c) : Int64(c)), dtype.size)
        case .uint8, .uint16, .uint32, .uint64:
            let bits = dtype.size * 8
            let hi = pow(2.0, Double(bits)) - 1
            let c = v.isNaN ? 0 : Swift.min(Swift.max(v.rounded(.towardZero), 0), hi)
            put(c >= 18446744073709551615.0 ? UInt64.max : UInt64(c), dtype.size)
        }
    }
}

func saturatingInt64(_ v: Double) -> Int64 {
    if v.isNaN { return 0 }
    if v >= 9223372036854775807.0 { return Int64.max }
    if v <= -9223372036854775808.0 { return Int64.min }
    return Int64(v.rounded(.towardZero))
}

/// IEEE binary16 → binary32, exact.
public func halfToFloat(_ h: UInt16) -> Float {
    let sign = UInt32(h & 0x8000) << 16
    let exp = Int((h >> 10) & 0x1f)
    let mant = UInt32(h & 0x3ff)
    if exp == 0x1f { return Float(bitPattern: sign | 0x7f80_0000 | (mant << 13)) }
    if exp == 0 {
        let magnitude = Float(mant) * Float(sign: .plus, exponent: -24, significand: 1)
        return sign != 0 ? -magnitude : magnitude
    }
    return Float(bitPattern: sign | (UInt32(exp - 15 + 127) << 23) | (mant << 13))
}

/// IEEE binary32 → binary16 with round-to-nearest-even, overflow to infinity, NaN preserved as quiet NaN.
public func floatToHalf(_ f: Float) -> UInt16 {
    let x = f.bitPattern
    let sign = UInt16((x >> 16) & 0x8000)
    let exp = Int((x >> 23) & 0xff)
    var mant = x & 0x7f_ffff
    if exp == 0xff { return sign | 0x7c00 | (mant != 0 ? 0x200 : 0) }
    let e = exp - 127 + 15
    if e >= 0x1f { return sign | 0x7c00 }
    if e <= 0 {
        if e < -10 { return sign }
        mant |= 0x80_0000
        let shift = UInt32(14 - e)
        var h = mant >> shift
        let rem = mant & ((1 << shift) - 1), half = UInt32(1) << (shift - 1)
        if rem > half || (rem == half && (h & 1) != 0) { h += 1 }
        return sign | UInt16(h)
    }
    var h = UInt32(e << 10) | (mant >> 13)
    let rem = mant & 0x1fff
    if rem > 0x1000 || (rem == 0x1000 && (h & 1) != 0) { h += 1 }
    return sign | UInt16(h)
}

/// IEEE binary32 → bfloat16 with round-to-nearest-even, NaN kept quiet.
public func floatToBFloat16(_ f: Float) -> UInt16 {
    let x = f.bitPattern
    if f.isNaN { return UInt16(x >> 16) | 0x40 }
    let rounding = 0x7fff + ((x >> 16) & 1)
    return UInt16((x &+ rounding) >> 16)
}

extension Array where Element == Int {
    /// Number of elements of a shape; 1 for a scalar. Callers validate dims first (see `checkedElementCount`).
    public var elementCount: Int { reduce(1, *) }

    /// Element count, or nil when a dim is negative or the product overflows `limit`.
    public func checkedElementCount(limit: Int = Int(Int32.max)) -> Int? {
        var n = 1
        for d in self {
            // Each dim on its own too: [0, 2^40] has no elements, but per-dim tables would still be huge.
            if d < 0 || d > limit { return nil }
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if o || p > limit { return nil }
            n = p
        }
        return n
    }
}
