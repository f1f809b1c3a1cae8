import Foundation

/// MelWeightMatrix (opset 17): the [dft_length/2 + 1, num_mel_bins] matrix of triangular mel filters that maps a
/// one-sided spectrum to mel bins; every input must be known at compile time, so it is always folded. Follows the
/// ONNX reference: num_mel_bins + 2 equally spaced mel points, bin = floor((dft_length + 1) * hz / sample_rate).
public enum MelWeightMatrix: Operator {
    public static let opType = "MelWeightMatrix"

    struct Params { var bins: Int, dftLength: Int, sampleRate: Int, lower: Double, upper: Double, dtype: DType }

    static func params(_ n: NodeContext) throws -> Params {
        func integer(_ i: Int, _ what: String) throws -> Int {
            let t = try n.input(i)
            guard t.dtype == .int32 || t.dtype == .int64, t.count == 1 else { throw n.error("\(what) must be a single integer") }
            return Int(try n.requireConstant(i, what).int64(at: 0))
        }
        func real(_ i: Int, _ what: String) throws -> Double {
            let t = try n.input(i)
            guard t.dtype.isFloat, t.count == 1 else { throw n.error("\(what) must be a single float") }
            return try n.requireConstant(i, what).double(at: 0)
        }
        let code = try n.int("output_datatype", default: DType.float32.rawValue)
        guard let dt = DType(rawValue: code), dt != .bool else { throw n.unsupported("output_datatype \(code) is not supported") }
        let p = Params(bins: try integer(0, "num_mel_bins"), dftLength: try integer(1, "dft_length"),
                       sampleRate: try integer(2, "sample_rate"), lower: try real(3, "lower_edge_hertz"),
                       upper: try real(4, "upper_edge_hertz"), dtype: dt)
        guard p.bins > 0, p.bins <= 1 << 16 else { throw n.error("num_mel_bins \(p.bins) must be in 1...65536") }
        guard p.dftLength > 0, p.dftLength <= 1 << 24 else { throw n.error("dft_length \(p.dftLength) must be in 1...2^24") }
        guard p.sampleRate > 0 else { throw n.error("sample_rate must be positive") }
        guard p.lower.isFinite, p.upper.isFinite, p.lower >= 0, p.lower <= p.upper else {
            throw n.error("edge frequencies \(p.lower) and \(p.upper) must be finite with 0 <= lower <= upper")
        }
        guard [p.dftLength / 2 + 1, p.bins].checkedElementCount(limit: TensorProtoCoding.maxElements) != nil else {
            throw n.error("output would be too large")
        }
        return p
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try params(n)
        return [TensorType(p.dtype, [p.dftLength / 2 + 1, p.bins])]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let p = try params(n)
        let spectrum = p.dftLength / 2 + 1
        let lowMel = 2595 * log1p(p.lower / 700) / log(10.0), highMel = 2595 * log1p(p.upper / 700) / log(10.0)
        let step = (highMel - lowMel) / Double(p.bins + 2)
        let points: [Int] = try (0..<(p.bins + 2)).map { k in
            let hz = 700 * expm1((Double(k) * step + lowMel) / 2595 * log(10.0))
            let bin = (Double(p.dftLength + 1) * hz / Double(p.sampleRate)).rounded(.down)
            guard bin >= 0, bin < Double(spectrum) else {
                throw n.error("mel point \(k) falls in spectrum bin \(bin), outside 0..<\(spectrum)")
            }
            return Int(bin)
        }
        var out = [Double](repeating: 0, count: spectrum * p.bins)
        for i in 0..<p.bins {
            let lo = points[i], center = points[i + 1], hi = points[i + 2]
            if center == lo {
                out[center * p.bins + i] = 1
            } else if center > lo {
                for j in lo...center { out[j * p.bins + i] = Double(j - lo) / Double(center - lo) }
            }
            if hi > center {
                for j in center..<hi { out[j * p.bins + i] = Double(hi - j) / Double(hi - center) }
            }
        }
        return [TensorData(dtype: p.dtype, shape: [spectrum, p.bins], doubles: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: MelWeightMatrix is always folded")
    }
}
