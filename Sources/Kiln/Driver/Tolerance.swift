/// How outputs are compared with references: |got - want| <= atol + rtol * |want| for floats (NaN matches NaN,
/// infinities match exactly), exact equality for integers and bool.
public struct Tolerance {
    public var rtol: Double
    public var atol: Double
    public var halfRtol: Double
    public var halfAtol: Double

    public init(rtol: Double = 1e-3, atol: Double = 1e-4, halfRtol: Double = 1e-2, halfAtol: Double = 1e-2) {
        self.rtol = rtol; self.atol = atol; self.halfRtol = halfRtol; self.halfAtol = halfAtol
    }

    /// nil when equal within tolerance, otherwise a description of the worst element.
    public func compare(_ got: TensorData, _ want: TensorData) -> String? {
        guard got.dtype == want.dtype else { return "dtype \(got.dtype.onnxName), expected \(want.dtype.onnxName)" }
        guard got.shape == want.shape else { return "shape \(got.shape), expected \(want.shape)" }
        if !got.dtype.isFloat {
            for i in 0..<got.count where got.int64(at: i) != want.int64(at: i) {
                let bad = (0..<got.count).filter { got.int64(at: $0) != want.int64(at: $0) }.count
                return "\(bad) of \(got.count) elements differ; first at \(i): \(got.int64(at: i)) vs \(want.int64(at: i))"
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
