import Foundation

/// Lowering of integer convolutions (`kiln_qconv`): QLinearConv, ConvInteger and the `kiln::QConv` the QDQ pass
/// produces all end here. Weights are repacked at compile time (OHWI, or [KH][KW][M] for depthwise), uint8
/// weights become int8 (w - 128 and w_zp - 128: the differences are unchanged), biases are folded with the input
/// zero point (bias_in = bias - x_zp * sum(w)) and the multipliers x_scale * w_scale[m] / y_scale are encoded.
public enum QuantizedConv {
    /// 2-D geometry over channels-last data (1-D convolutions use H = 1).
    public struct Geometry: Equatable {
        public var n = 1, h = 1, w = 1, c = 1, m = 1, oh = 1, ow = 1
        public var kh = 1, kw = 1, sh = 1, sw = 1, dh = 1, dw = 1, pt = 0, pl = 0, group = 1
        public var depthwise: Bool { group == c && group > 1 }
        public var kernelElements: Int { kh * kw * (c / group) }
        public var macs: Int { n * oh * ow * m * kernelElements }
    }

    /// Geometry from ONNX Conv attributes. `x` and `y` shapes are channels-first ([N, C, spatial...]); the
    /// weights are [M, C/G, k...]. Resolves auto_pad into pads. Only 1-D and 2-D.
    public static func geometry(_ n: NodeContext, x: [Int], w: [Int]) throws -> (Geometry, SpatialFilter, [Int]) {
        guard x.count == 3 || x.count == 4, w.count == x.count else {
            throw n.unsupported("quantized convolution of rank \(x.count) (1-D and 2-D are supported)")
        }
        let kernel = Array(w[2...])
        if let ks = try n.ints("kernel_shape"), ks != kernel { throw n.error("kernel_shape \(ks) does not match weights \(w)") }
        var f = try SpatialFilter(n, kernel: kernel)
        let group = try n.int("group", default: 1)
        guard group > 0, x[1] % group == 0, w[0] % group == 0, w[1] * group == x[1] else {
            throw n.error("weights \(w) with group \(group) do not match \(x[1]) input channels")
        }
        let spatial = try f.outputSize(Array(x[2...]), n)
        var g = Geometry()
        let oneD = x.count == 3
        g.n = x[0]; g.c = x[1]; g.m = w[0]; g.group = group
        g.h = oneD ? 1 : x[2]; g.w = x[oneD ? 2 : 3]
        g.oh = oneD ? 1 : spatial[0]; g.ow = spatial[oneD ? 0 : 1]
        g.kh = oneD ? 1 : kernel[0]; g.kw = kernel[oneD ? 0 : 1]
        g.sh = oneD ? 1 : f.strides[0]; g.sw = f.strides[oneD ? 0 : 1]
        g.dh = oneD ? 1 : f.dilations[0]; g.dw = f.dilations[oneD ? 0 : 1]
        g.pt = oneD ? 0 : f.pads[0]; g.pl = f.pads[oneD ? 0 : 1]
        return (g, f, [x[0], w[0]] + spatial)
    }

    public static func kernelName(x: DType, y: DType) -> String? {
        switch (x, y) {
        case (.int8, .int8): return "kiln_qconv_s8"
        case (.uint8, .uint8): return "kiln_qconv_u8"
        case (.int16, .int16): return "kiln_qconv_s16"
        case (.int8, .int32): return "kiln_qconv_s8_i32"
        case (.uint8, .int32): return "kiln_qconv_u8_i32"
        default: return nil
        }
    }

    /// Weights as int8 with per-output-channel zero points (uint8 weights shifted by 128).
    public static func signedWeights(_ w: TensorData, zeroPoints: [Int], m: Int) -> (values: [Int], zp: [Int]) {
        var v = w.ints
        var z = zeroPoints.count == 1 ? [Int](repeating: zeroPoints[0], count: m) : zeroPoints
        if z.isEmpty { z = [Int](repeating: 0, count: m) }
        if w.dtype == .uint8 {
            v = v.map { $0 - 128 }
            z = z.map { $0 - 128 }
        }
        return (v, z)
    }

    /// Emits one `kiln_qconv_*` call. `weights` is [M, C/G, KH, KW] (int8 or uint8, any of the 1-D/2-D forms),
    /// `bias` is in accumulator units (scale x_scale * w_scale[m]); `multipliers` are x_scale * w_scale[m] / y_scale
    /// (nil for ConvInteger, which stores the accumulator).
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, geometry g: Geometry, x: KernelArg,
                             xType: DType, xZeroPoint: Int, weights: TensorData, wZeroPoints: [Int], bias: [Int64]?,
                             multipliers: [Double]?, y: KernelArg, yType: DType, yZeroPoint: Int,
                             clamp: (lo: Int, hi: Int), inPlace: Bool = false,
                             residual: (arg: KernelArg, input: Int, params: [Int])? = nil) throws {
        guard let fn = kernelName(x: xType, y: yType) else {
            throw n.unsupported("quantized convolution from \(xType.onnxName) to \(yType.onnxName)")
        }
        guard weights.dtype == .int8 || weights.dtype == .uint8 else { throw n.unsupported("\(weights.dtype.onnxName) weights") }
        let M = g.m, CG = g.c / g.group, K = g.kernelElements
        guard weights.count == M * K else { throw n.error("internal: weights \(weights.shape) do not match the geometry") }
        let (wv, wzp) = signedWeights(weights, zeroPoints: wZeroPoints, m: M)
        guard wzp.count == M else { throw n.error("weight zero points must be one or one per output channel (\(M))") }
        let asymmetric = wzp.contains { $0 != 0 }

        // Repack: depthwise [KH][KW][M]; otherwise [M][KH][KW][CG] from [M][CG][KH][KW].
        var packed = [Int64](repeating: 0, count: M * K)
        var sums = [Int64](repeating: 0, count: M)
        for m in 0..<M {
            for c in 0..<CG {
                for kh in 0..<g.kh {
                    for kw in 0..<g.kw {
                        let v = wv[((m * CG + c) * g.kh + kh) * g.kw + kw]
                        let dst = g.depthwise ? (kh * g.kw + kw) * M + m : ((m * g.kh + kh) * g.kw + kw) * CG + c
                        packed[dst] = Int64(v)
                        sums[m] += Int64(v)
                    }
                }
            }
        }
        let wConst = b.constant(TensorData(dtype: .int8, shape: [M * K], int64s: packed), name: "\(n.name)_weights")

        // Biases. 32-bit accumulators: keep |bias| + K * max|product| below 2^31 (clamping absurd biases).
        let wide = xType == .int16
        let (xlo, xhi) = Quantization.range(xType)
        let xSpan = Int64(Swift.max(abs(xlo), abs(xhi), xhi - xlo))
        let maxProduct = xSpan * (asymmetric ? 255 : 128)
        let (dot, overflow) = Int64(K).multipliedReportingOverflow(by: maxProduct)
        if !wide && (overflow || dot >= Int64(Int32.max)) {
            throw n.unsupported("a \(K)-element kernel could overflow the 32-bit accumulator")
        }
        let limit = wide ? Int64(1) << 60 : Int64(Int32.max) - dot
        let raw = (bias ?? [Int64](repeating: 0, count: M)).map { Swift.min(Swift.max($0, -limit), limit) }
        let folded = (0..<M).map { m -> Int64 in
            asymmetric ? raw[m] : Swift.min(Swift.max(raw[m] - Int64(xZeroPoint) * sums[m], -limit), limit)
        }
        let bt: DType = wide ? .int64 : .int32
        let biasIn = b.constant(TensorData(dtype: bt, shape: [M], int64s: folded), name: "\(n.name)_bias_folded")
        let biasRaw = b.constant(TensorData(dtype: bt, shape: [M], int64s: raw), name: "\(n.name)_bias")
        let wzpArg: KernelArg = asymmetric
            ? .input(b.constant(TensorData(dtype: .int32, shape: [M], int64s: wzp.map { Int64($0) }), name: "\(n.name)_w_zero_point"))
            : .null

        var multArg: KernelArg = .null, shiftArg: KernelArg = .null
        if let multipliers {
            guard multipliers.count == M else { throw n.error("internal: \(multipliers.count) multipliers for \(M) channels") }
            var ms: [Int64] = [], ss: [Int64] = []
            for r in multipliers {
                guard let f = FixedPointMultiplier.encode(r) else {
                    throw n.unsupported("requantization multiplier \(r) is out of range")
                }
                ms.append(Int64(f.m)); ss.append(Int64(f.shift))
            }
            multArg = .input(b.constant(TensorData(dtype: .int32, shape: [M], int64s: ms), name: "\(n.name)_multiplier"))
            shiftArg = .input(b.constant(TensorData(dtype: .int32, shape: [M], int64s: ss), name: "\(n.name)_shift"))
        }
        let params = [g.n, g.h, g.w, g.c, g.m, g.oh, g.ow, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.pt, g.pl, g.group,
                      xZeroPoint, yZeroPoint, clamp.lo, clamp.hi]
        // In place (see kiln_qconv.h): pointwise convolutions that do not widen, and same-size stride-1
        // depthwise convolutions; the kernel copies what it still needs into a small scratch buffer.
        var scratchArg: KernelArg = .null
        if let residual {
            // the sum overwrites the residual element by element (see kiln_qconv.h)
            if inPlace { b.allowInPlace(input: residual.input, output: 0) }
        } else if inPlace && !asymmetric && multipliers != nil && xType == yType {
            var elements = 0
            if g.kh == 1 && g.kw == 1 && g.pt == 0 && g.pl == 0 && g.group == 1 && g.m <= g.c
                && (g.oh - 1) * g.sh < g.h && (g.ow - 1) * g.sw < g.w {
                elements = 2 * g.c
            } else if g.depthwise && g.m == g.c && g.sh == 1 && g.sw == 1 && g.dh == 1 && g.dw == 1 && g.oh == g.h
                        && g.ow == g.w && g.kh <= 32 {
                elements = (g.pt + 1) * g.w * g.c
            }
            if elements > 0 {
                scratchArg = .scratch(b.scratch(bytes: elements * xType.size))
                b.allowInPlace(input: 0, output: 0)
            }
        }
        b.call(fn, source: "kiln_qconv",
               [x, .input(wConst), .input(biasIn), .input(biasRaw), wzpArg, multArg, shiftArg, y, scratchArg,
                residual?.arg ?? .null, residual.map { .ints($0.params) } ?? .null, .ints(params)],
               macs: g.macs)
    }

    /// Per-output-channel multipliers x_scale * w_scale[m] / y_scale, in double precision.
    public static func multipliers(xScale: Float, wScales: [Float], yScale: Float, m: Int) -> [Double] {
        (0..<m).map { i in
            let ws = wScales.count == 1 ? wScales[0] : wScales[i]
            return Double(xScale) * Double(ws) / Double(yScale)
        }
    }
}

/// Channels-first ↔ channels-last copies for the ONNX-level quantized operators that run NHWC kernels on NCHW
/// tensors (the channels-last pass normally removes these by rewriting to the `kiln::` operators).
public enum ChannelsLastCopy {
    /// Permutation taking channels-first [N, C, s...] to channels-last [N, s..., C] for `rank`.
    public static func toLast(_ rank: Int) -> [Int] { [0] + Array(2..<rank) + [1] }
    public static func toFirst(_ rank: Int) -> [Int] { [0, rank - 1] + Array(1..<(rank - 1)) }

    /// Emits a transpose of `shape` (the source's dims) by `perm` from `src` to `dst`.
    public static func transpose(_ n: NodeContext, _ b: inout LoweringBuilder, from src: KernelArg, to dst: KernelArg,
                                 shape: [Int], perm: [Int], dtype: DType) throws {
        let s = DataMovement.strides(shape)
        let map = IndexMap(shape: perm.map { shape[$0] }, strides: perm.map { s[$0] })
        let c = map.collapsed()
        guard let st = c.strided else { throw n.error("internal: transpose is not strided") }
        let total = shape.elementCount
        if total == 0 { return }
        if c.shape.isEmpty || (c.shape.count == 1 && st.strides == [1]) {
            b.call("kiln_copy_block", source: "kiln_copy_block",
                   [src, .int(st.base * dtype.size), .int(0), dst, .int(0), .int(0), .int(1), .int(total * dtype.size)])
            return
        }
        b.call("kiln_strided_\(DataMovement.width(dtype))", source: "kiln_strided",
               [src, dst, .int(c.shape.count), .ints(c.shape), .ints(st.strides), .int(st.base)])
    }
}
