/// Lowering of integer fully connected layers (`kiln_qgemm`): `kiln::QGemm` and QLinearMatMul by constant weights.
public enum QuantizedGemm {
    /// Emits `kiln_qgemm_*` for `rows` rows of K inputs by weights [N][K] (`weights` row-major, int8 or uint8
    /// values), `bias` in accumulator units, multipliers x_scale * w_scale[j] / y_scale.
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, rows: Int, k K: Int, n N: Int,
                             x: KernelArg, xType: DType, xZeroPoint: Int, weights: [Int], weightType: DType,
                             wZeroPoints: [Int], bias: [Int64]?, multipliers: [Double], y: KernelArg, yType: DType,
                             yZeroPoint: Int, clamp: (lo: Int, hi: Int)) throws {
        guard xType == yType, let s = QuantizedKernels.suffix(xType), xType != .uint16 else {
            throw n.unsupported("quantized matrix product from \(xType.onnxName) to \(yType.onnxName)")
        }
        guard weights.count == N * K, multipliers.count == N else { throw n.error("internal: weights do not match [\(N), \(K)]") }
        var w = weights
        var zw = wZeroPoints.count == 1 ? [Int](repeating: wZeroPoints[0], count: N) : wZeroPoints
        guard zw.count == N else { throw n.error("weight zero points must be one or one per output (\(N))") }
        if weightType == .uint8 { w = w.map { $0 - 128 }; zw = zw.map { $0 - 128 } }
        let asymmetric = zw.contains { $0 != 0 }
        let wide = xType == .int16
        let (xlo, xhi) = Quantization.range(xType)
        let xmax = Int64(Swift.max(abs(xlo), abs(xhi)))
        let (dot, overflow) = Int64(K).multipliedReportingOverflow(by: xmax * (asymmetric ? 256 : 128))
        if !wide && (overflow || dot >= Int64(Int32.max)) {
            throw n.unsupported("a \(K)-element dot product could overflow the 32-bit accumulator")
        }
        let limit = wide ? Int64(1) << 60 : Int64(Int32.max) - dot
        var folded: [Int64] = []
        for j in 0..<N {
            var sum: Int64 = 0
            for k in 0..<K { sum += Int64(w[j * K + k]) }
            let b0 = bias?[j] ?? 0
            let v = b0 - Int64(xZeroPoint) * sum + Int64(K) * Int64(xZeroPoint) * Int64(zw[j])
            folded.append(Swift.min(Swift.max(v, -limit), limit))
        }
        let wConst = b.constant(TensorData(dtype: .int8, shape: [N * K], int64s: w.map { Int64($0) }), name: "\(n.name)_weights")
        let biasConst = b.constant(TensorData(dtype: wide ? .int64 : .int32, shape: [N], int64s: folded), name: "\(n.name)_bias_folded")
        let zwArg: KernelArg = asymmetric
            ? .input(b.constant(TensorData(dtype: .int32, shape: [N], int64s: zw.map { Int64($0) }), name: "\(n.name)_w_zero_point"))
            : .null
        var ms: [Int64] = [], ss: [Int64] = []
        for r in multipliers {
            guard let f = FixedPointMultiplier.encode(r) else { throw n.unsupported("requantization multiplier \(r) is out of range") }
            ms.append(Int64(f.m)); ss.append(Int64(f.shift))
        }
        let mConst = b.constant(TensorData(dtype: .int32, shape: [N], int64s: ms), name: "\(n.name)_multiplier")
        let sConst = b.constant(TensorData(dtype: .int32, shape: [N], int64s: ss), name: "\(n.name)_shift")
        b.call("kiln_qgemm_\(s)", source: "kiln_qgemm",
               [x, .input(wConst), .input(biasConst), zwArg, .input(mConst), .input(sConst), y,
                .ints([rows, K, N, xZeroPoint, yZeroPoint, clamp.lo, clamp.hi])], macs: rows * K * N)
    }
}
