import Foundation

/// A real multiplier encoded for the integer kernels: r ≈ m · 2^-shift with |m| in [2^30, 2^31) (or m = 0) and
/// shift ≥ 1 (see `kiln_requant.h`, which rounds the exact 64-bit product once, half to even).
public struct FixedPointMultiplier: Equatable, CustomStringConvertible {
    public var m: Int
    public var shift: Int
    public init(m: Int, shift: Int) { self.m = m; self.shift = shift }
    /// The value it stands for.
    public var value: Double { Double(m) * pow(2.0, Double(-shift)) }
    public var description: String { "\(m)·2^-\(shift)" }

    /// Encodes `r` (from the scales, in double precision); nil when it is not finite or |r| ≥ 2^30 (a ratio of
    /// scales no real model has; the kernels' shift would become negative). Exactly representable values keep
    /// their exact mantissa; others get the nearer odd mantissa (see `kiln_requant.h`).
    public static func encode(_ r: Double) -> FixedPointMultiplier? {
        guard r.isFinite else { return nil }
        if r == 0 { return FixedPointMultiplier(m: 0, shift: 1) }
        let a = abs(r)
        var e = a.exponent + 1                       // a = f · 2^e with f in [0.5, 1)
        let f = a.significand / 2                    // significand in [1, 2)
        let exact = f * 2147483648.0
        var m = Int(exact.rounded(.toNearestOrEven))
        if m == 1 << 31 { m = 1 << 30; e += 1 }
        else if m & 1 == 0 && Double(m) != exact {
            // Not exactly representable: take the nearer odd neighbour (error < 2^-30), so that no product can
            // fall exactly half way and the kernels' fast path (round half up) equals round half to even.
            m += exact > Double(m) ? 1 : -1
        }
        let shift = 31 - e
        guard shift >= 1 else { return nil }
        if shift > 126 { return FixedPointMultiplier(m: 0, shift: 1) }   // rounds to 0 for every accumulator
        return FixedPointMultiplier(m: r < 0 ? -m : m, shift: shift)
    }

    /// What `kiln_requant` computes for `acc` (for folding and tests): round(acc·m / 2^shift), half to even,
    /// saturated to ±2^30.
    public func apply(_ acc: Int64) -> Int64 {
        Quantization.roundShift(acc &* Int64(m), shift)
    }
}

/// Shared helpers of the quantized operators: value ranges, scale/zero-point granularity, multipliers and the
/// output clamp of fused activations.
public enum Quantization {
    /// Integer types a quantized tensor may have (QuantizeLinear outputs, DequantizeLinear inputs besides int32).
    public static let quantTypes: Set<DType> = [.int8, .uint8, .int16, .uint16]
    /// Activation types the integer kernels take.
    public static let activationTypes: Set<DType> = [.int8, .uint8, .int16]

    public static func range(_ t: DType) -> (lo: Int, hi: Int) {
        switch t {
        case .int8: return (-128, 127)
        case .uint8: return (0, 255)
        case .int16: return (-32768, 32767)
        case .uint16: return (0, 65535)
        case .int32: return (Int(Int32.min), Int(Int32.max))
        default: return (0, 0)
        }
    }

    /// round(p / 2^n), half to even, saturated to ±2^30: `kiln_round_shift`.
    public static func roundShift(_ p: Int64, _ n: Int) -> Int64 {
        let limit: Int64 = 1 << 30
        var q: Int64
        if n <= 0 { q = p } else if n >= 63 { q = 0 } else {
            q = p >> Int64(n)                                   // floor
            let r = p & ((Int64(1) << Int64(n)) - 1)
            let half = Int64(1) << Int64(n - 1)
            if r > half || (r == half && q & 1 == 1) { q += 1 }
        }
        return Swift.min(Swift.max(q, -limit), limit)
    }

    /// Round half to even in float32, as `rint` and onnxruntime's QuantizeLinear.
    public static func rint(_ v: Float) -> Float { v.rounded(.toNearestOrEven) }

    /// saturate(rint(v) + zp) into the range of `t` (NaN → zp), as `kiln_quantize_value`.
    public static func quantize(_ v: Float, zeroPoint zp: Int, _ t: DType) -> Int {
        let (lo, hi) = range(t)
        if v.isNaN { return Swift.min(Swift.max(zp, lo), hi) }
        let r = rint(v)
        if r >= Float(hi - zp) { return hi }
        if r <= Float(lo - zp) { return lo }
        return Swift.min(Swift.max(Int(r) + zp, lo), hi)
    }

    // MARK: scale / zero point layout

    /// Which scale element each input element uses, for the `KILN_QL_*` parameters of `kiln_quantize.h`:
    /// element (o, a, i) of x viewed as [outer, axis, inner] uses o·so + (a / block)·sa + i·si.
    public struct Granularity: Equatable {
        public var outer = 1, axisLength = 1, inner = 1, block = 1, so = 0, sa = 0, si = 0
        /// nil for per-tensor; the normalized axis otherwise.
        public var axis: Int? = nil
        public var blocked = false
        public var params: [Int] { [outer, axisLength, inner, block, so, sa, si] }
        /// Scale element of input element `e` (row-major).
        public func scaleIndex(_ e: Int) -> Int {
            let i = e % inner, a = (e / inner) % axisLength, o = e / (inner * axisLength)
            return o * so + (a / block) * sa + i * si
        }
    }

    /// Validates the scale (and zero point) shape of a QuantizeLinear/DequantizeLinear-style node against `x`.
    /// `axis` and `block_size` are read from the node's attributes (opset rules applied).
    public static func granularity(_ n: NodeContext, x: [Int], scale: [Int], zeroPoint: [Int]?) throws -> Granularity {
        if let z = zeroPoint, z != scale, !(z.elementCount == 1 && scale.elementCount == 1) {
            throw n.error("zero point shape \(z) differs from scale shape \(scale)")
        }
        var g = Granularity()
        let count = scale.elementCount
        if count == 1 {
            g.inner = x.elementCount
            return g
        }
        let blockSize = n.opset >= 21 ? try n.int("block_size", default: 0) : 0
        guard blockSize >= 0 else { throw n.error("block_size \(blockSize) must be positive") }
        guard x.count >= 1 else { throw n.error("a scalar input needs a scalar scale, the model gives \(scale)") }
        guard n.opset >= 13 || blockSize > 0 else {
            throw n.error("scale must be a scalar before opset 13, the model gives \(scale)")
        }
        let a = try n.axis(try n.int("axis", default: 1), rank: x.count)
        g.axis = a
        g.outer = DataMovement.product(x, 0..<a)
        g.axisLength = x[a]
        g.inner = DataMovement.product(x, (a + 1)..<x.count)
        if blockSize > 0 {
            var want = x
            want[a] = (x[a] + blockSize - 1) / blockSize
            guard scale == want else {
                throw n.error("blocked scale shape \(scale) must be \(want) for input \(x), axis \(a), block_size \(blockSize)")
            }
            g.block = blockSize
            g.so = want[a] * g.inner
            g.sa = g.inner
            g.si = 1
            g.blocked = true
        } else {
            guard scale == [x[a]] else {
                throw n.error("per-axis scale shape \(scale) must be [\(x[a])] (input \(x), axis \(a))")
            }
            g.sa = 1
        }
        return g
    }

    /// Scales of a constant tensor as floats (float16/bfloat16 widened exactly).
    public static func floats(_ d: TensorData) -> [Float] { (0..<d.count).map { Float(d.double(at: $0)) } }

    /// QuantParams from constant scale / zero-point tensors (zero point 0 when absent).
    public static func params(scale: TensorData, zeroPoint: TensorData?, axis: Int?) -> QuantParams {
        let s = floats(scale)
        let z = zeroPoint.map { $0.ints } ?? [Int](repeating: 0, count: s.count)
        return QuantParams(scale: s, zeroPoint: z, axis: s.count == 1 ? nil : axis)
    }

    /// A float32 view of input `i` for the float boundary kernels: constants are converted at compile time,
    /// float32 run-time tensors are passed as they are, other run-time types are cast into scratch first.
    public static func asFloat32(_ n: NodeContext, _ b: inout LoweringBuilder, input i: Int) throws -> KernelArg {
        let id = try n.inputID(i), t = try n.input(i)
        if let c = n.constant(i) {
            return .input(t.dtype == .float32 ? id : b.constant(Cast.convert(c, to: .float32), name: "\(n.name)_in\(i)_f32"))
        }
        if t.dtype == .float32 { return .input(id) }
        let k = b.scratch(bytes: Swift.max(t.count * 4, 1))
        b.call("kiln_cast_\(t.dtype.kernelSuffix)_f32", source: "kiln_cast", [.input(id), .scratch(k), .int(t.count)])
        return .scratch(k)
    }

    // MARK: fused activations

    /// The integer output range [lo, hi] of a kernel whose result is stored as `t` with per-tensor parameters `y`,
    /// narrowed by a fused Relu/Clip exactly as Relu/Clip followed by QuantizeLinear would (rounding is monotonic,
    /// so clamping before or after quantizing agrees).
    public static func clamp(_ act: ActivationSpec?, y: QuantParams, _ t: DType) -> (lo: Int, hi: Int) {
        var (lo, hi) = range(t)
        guard let act, act.kind != .none, let s = y.scale.first, let z = y.zeroPoint.first else { return (lo, hi) }
        let minReal: Float = act.kind == .relu ? 0 : act.min
        let maxReal: Float = act.kind == .relu ? .infinity : act.max
        if minReal.isFinite { lo = Swift.max(lo, quantize(minReal / s, zeroPoint: z, t)) }
        if maxReal.isFinite { hi = Swift.min(hi, quantize(maxReal / s, zeroPoint: z, t)) }
        if lo > hi { lo = hi }   // Clip with min > max yields max everywhere (min(max(x, lo), hi))
        return (lo, hi)
    }
}
