/// How outputs are compared with references: |got - want| <= atol + rtol * |want| for floats (NaN matches NaN,
/// infinities match exactly), |got - want| <= intTolerance for integers (0: exact; quantized outputs may be
/// compared within N steps), exact equality for bool.
public struct Tolerance {
    public var rtol: Double
    public var atol: Double
    public var halfRtol: Double
    public var halfAtol: Double
    /// Largest |got - want| accepted for integer elements (not bool).
    public var intTolerance: Int

    public init(rtol: Double = 1e-3, atol: Double = 1e-4, halfRtol: Double = 1e-2, halfAtol: Double = 1e-2, intTolerance: Int = 0) {
        self.rtol = rtol; self.atol = atol; self.halfRtol = halfRtol; self.halfAtol = halfAtol; self.intTolerance = intTolerance
    }

    /// nil when equal within tolerance, otherwise a description of the worst element.
    public func compare(_ got: TensorData, _ want: TensorData) -> String? {
        guard got.dtype == want.dtype else { return "dtype \(got.dtype.onnxName), expected \(want.dtype.onnxName)" }
        guard got.shape == want.shape else { return "shape \(got.shape), expected \(want.shape)" }
        if !got.dtype.isFloat {
            let tol = got.dtype == .bool ? 0 : UInt64(max(intTolerance, 0))
            func off(_ i: Int) -> Bool {
                let a = got.int64(at: i), b = want.int64(at: i)
                return (a >= b ? UInt64(bitPattern: a &- b) : UInt64(bitPattern: b &- a)) > tol
            }
            for i in 0..<got.count where off(i) {
                let bad = (0..<got.count).filter(off).count
                let within = tol == 0 ? "differ" : "differ by more than \(tol)"
                return "\(bad) of \(got.count) elements \(within); first at \(i): \(got.int64(at: i)) vs \(want.int64(at: i))"
            }
            return nil
        }
        let half = got.dtype == .float16 || got.dtype == .bfloat16
        let rt = half ? halfRtol : rtol, at = half ? halfAtol : atol
        var bad = 0, worst = -1, worstExcess = 0.0
        for i in 0..<got.count {
            let g = got.double(at: i), w = want.double(at: i)
            if g.isNaN && w.isNaN { continue }
            if g.isInfinite || w.isInfinite { if g == w { continue } else { bad += 1; if worst < 0 { worst = i; worstExcess = .infinity }; continue } }
            let err = abs(g - w), allowed = at + rt * abs(w)
            if !(err <= allowed) {
                bad += 1
                let excess = err.isNaN ? .infinity : err - allowed
                if worst < 0 || excess > worstExcess { worst = i; worstExcess = excess }
            }
        }
        if bad == 0 { return nil }
        return "\(bad) of \(got.count) elements outside rtol \(rt) atol \(at); worst at \(worst): \(got.double(at: worst)) vs \(want.double(at: worst))"
    }
}
