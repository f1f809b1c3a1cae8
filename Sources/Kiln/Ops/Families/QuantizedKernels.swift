import Foundation

/// Parameters and calls of the integer element-wise, pooling, softmax, table and requantization kernels, shared by
/// the ONNX / com.microsoft operators (which read scales from constant inputs) and the `kiln::` operators (which
/// read `Value.quant`).
public enum QuantizedKernels {
    /// Kernel suffix of an integer activation type.
    public static func suffix(_ t: DType) -> String? {
        switch t {
        case .int8: return "s8"
        case .uint8: return "u8"
        case .int16: return "s16"
        case .uint16: return "u16"
        default: return nil
        }
    }

    static func encode(_ n: NodeContext, _ r: Double) throws -> FixedPointMultiplier {
        guard let f = FixedPointMultiplier.encode(r) else { throw n.unsupported("requantization multiplier \(r) is out of range") }
        return f
    }

    // MARK: Add / Mul

    /// `KILN_QA_*` parameters of Add: both ratios on one shift (the larger has a 31-bit mantissa).
    public static func addParams(_ n: NodeContext, a: QuantizedOps.TensorQuant, b: QuantizedOps.TensorQuant,
                                 y: QuantizedOps.TensorQuant, clamp: (lo: Int, hi: Int)) throws -> [Int] {
        let ra = Double(a.scale) / Double(y.scale), rb = Double(b.scale) / Double(y.scale)
        let big = try encode(n, abs(ra) >= abs(rb) ? ra : rb)
        let sh = big.shift
        func mantissa(_ r: Double) -> Int {
            if sh > 62 { return 0 }
            return Int((r * pow(2.0, Double(sh))).rounded(.toNearestOrEven))
        }
        let ma = mantissa(ra), mb = mantissa(rb)
        guard abs(ma) < 1 << 31, abs(mb) < 1 << 31 else { throw n.unsupported("requantization multipliers \(ra), \(rb) are out of range") }
        return [a.zeroPoint, b.zeroPoint, y.zeroPoint, ma, mb, Swift.min(sh, 127), clamp.lo, clamp.hi]
    }

    public static func mulParams(_ n: NodeContext, a: QuantizedOps.TensorQuant, b: QuantizedOps.TensorQuant,
                                 y: QuantizedOps.TensorQuant, clamp: (lo: Int, hi: Int)) throws -> [Int] {
        let f = try encode(n, Double(a.scale) * Double(b.scale) / Double(y.scale))
        return [a.zeroPoint, b.zeroPoint, y.zeroPoint, f.m, 0, f.shift, clamp.lo, clamp.hi]
    }

    /// `kiln_qadd_*` / `kiln_qmul_*` with broadcasting of inputs 0 and 1 to output 0.
    public static func lowerBinary(_ n: NodeContext, _ b: inout LoweringBuilder, kernel: String, a: Int, b bIndex: Int,
                                   params: [Int]) throws {
        let ta = try n.input(a), tb = try n.input(bIndex), y = try n.output(0)
        guard let s = suffix(y.dtype), y.dtype != .uint16 else { throw n.unsupported("quantized \(kernel) of \(y.dtype.onnxName)") }
        let l = try BinaryElementwise.layout(n, [ta.shape, tb.shape], y.shape)
        b.call("kiln_\(kernel)_\(s)", source: "kiln_qadd",
               [.input(try n.inputID(a)), .input(try n.inputID(bIndex)), .output(try n.outputID(0)),
                .int(l.shape.count), .ints(l.shape), .ints(l.strides[0]), .ints(l.strides[1]), .ints(params)])
        if ta.shape == y.shape { b.allowInPlace(input: a, output: 0) }
        if tb.shape == y.shape { b.allowInPlace(input: bIndex, output: 0) }
    }

    /// Output shape of a broadcasting binary operator on inputs `a` and `b`.
    public static func inferBinary(_ n: NodeContext, a: Int, b: Int) throws -> TensorType {
        let ta = try n.input(a), tb = try n.input(b)
        try n.requireDType(ta, Quantization.activationTypes)
        guard ta.dtype == tb.dtype else { throw n.unsupported("inputs of types \(ta.dtype.onnxName) and \(tb.dtype.onnxName)") }
        guard let s = Broadcast.shape([ta.shape, tb.shape]) else {
            throw n.error("input shapes \(ta.shape) and \(tb.shape) cannot be broadcast together")
        }
        return TensorType(ta.dtype, s)
    }

    // MARK: requantization

    /// `KILN_RQ_*` parameters for a plain requantization of `count` elements.
    public static func requantizeParams(_ n: NodeContext, x: QuantizedOps.TensorQuant, y: QuantizedOps.TensorQuant,
                                        clamp: (lo: Int, hi: Int), outer: Int, inner: Int, yStride: Int,
                                        yOffset: Int) throws -> [Int] {
        var m = 0, sh = 0
        if x.scale != y.scale {
            let f = try encode(n, Double(x.scale) / Double(y.scale))
            m = f.m; sh = f.shift
        }
        return [outer, inner, yStride, yOffset, x.zeroPoint, y.zeroPoint, m, sh, clamp.lo, clamp.hi]
    }

    public static func requantizeKernel(_ n: NodeContext, x: DType, y: DType) throws -> String {
        guard let xs = suffix(x), let ys = suffix(y) else {
            throw n.unsupported("requantization from \(x.onnxName) to \(y.onnxName)")
        }
        return "kiln_requantize_\(xs)_\(ys)"
    }

    // MARK: tables

    /// 256-entry table of `f` over every 8-bit input code: entry k is saturate(rint(f(dequant(code)) / y_scale) +
    /// y_zp) with code = k + min(x type), everything in float32 as the float graph computes it.
    public static func table(x: DType, xq: QuantizedOps.TensorQuant, y: DType, yq: QuantizedOps.TensorQuant,
                             _ f: ([Float]) throws -> [Float]) rethrows -> TensorData {
        let lo = Quantization.range(x).lo
        let inputs = (0..<256).map { Float(lo + $0 - xq.zeroPoint) * xq.scale }
        let outs = try f(inputs)
        return TensorData(dtype: y, shape: [256],
                          int64s: outs.map { Int64(Quantization.quantize($0 / yq.scale, zeroPoint: yq.zeroPoint, y)) })
    }

    /// Emits a table lookup from input 0 to output 0.
    public static func lowerTable(_ n: NodeContext, _ b: inout LoweringBuilder, table: TensorData) throws {
        let x = try n.input(0), y = try n.output(0)
        guard let xs = suffix(x.dtype), let ys = suffix(y.dtype), x.dtype.size == 1, y.dtype.size == 1, table.count == 256,
              table.dtype == y.dtype else {
            throw n.unsupported("lookup table from \(x.dtype.onnxName) to \(y.dtype.onnxName)")
        }
        let t = b.constant(table, name: "\(n.name)_table")
        b.call("kiln_qtable_\(xs)_\(ys)", source: "kiln_qtable",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .input(t), .int(x.count)])
        b.allowInPlace(input: 0, output: 0)
    }

    // MARK: concat

    /// Concat along `axis` of the inputs at `inputs` (with their parameters) into output 0 (parameters `yq`):
    /// inputs quantized like the output are copied, the others requantized into their band.
    public static func lowerConcat(_ n: NodeContext, _ b: inout LoweringBuilder, inputs: [(index: Int, q: QuantizedOps.TensorQuant)],
                                   yq: QuantizedOps.TensorQuant, axis a: Int, clamp: (lo: Int, hi: Int)) throws {
        let y = try n.output(0)
        let outer = DataMovement.product(y.shape, 0..<a)
        let inner = DataMovement.product(y.shape, (a + 1)..<y.rank)
        let yRow = y.shape[a] * inner
        var offset = 0
        for (i, qx) in inputs {
            let x = try n.input(i)
            let row = x.shape[a] * inner
            defer { offset += row }
            guard row > 0 && outer > 0 else { continue }
            if qx == yq && x.dtype == y.dtype && clamp == Quantization.range(y.dtype) {
                b.call("kiln_copy_block", source: "kiln_copy_block",
                       [.input(try n.inputID(i)), .int(0), .int(row * x.dtype.size), .output(try n.outputID(0)),
                        .int(offset * y.dtype.size), .int(yRow * y.dtype.size), .int(outer), .int(row * y.dtype.size)])
            } else {
                let p = try requantizeParams(n, x: qx, y: yq, clamp: clamp, outer: outer, inner: row, yStride: yRow, yOffset: offset)
                b.call(try requantizeKernel(n, x: x.dtype, y: y.dtype), source: "kiln_qtable",
                       [.input(try n.inputID(i)), .output(try n.outputID(0)), .ints(p)])
            }
        }
    }

    // MARK: softmax

    /// exp_table[d] = round(2^30 · exp(-x_scale · d)) for d < 256; for 16-bit inputs 256 more entries
    /// exp_table[256 + i] = round(2^30 · exp(-x_scale · 256 i)).
    public static func softmaxTable(xScale: Float, wide: Bool) -> TensorData {
        let s = Double(xScale)
        func e(_ d: Double) -> Int64 { Int64((exp(-s * d) * 1073741824.0).rounded(.toNearestOrEven)) }
        let lo = (0..<256).map { e(Double($0)) }
        let hi = wide ? (0..<256).map { e(256.0 * Double($0)) } : []
        return TensorData(dtype: .uint32, shape: [lo.count + hi.count], int64s: lo + hi)
    }

    public static func lowerSoftmax(_ n: NodeContext, _ b: inout LoweringBuilder, xq: QuantizedOps.TensorQuant,
                                    yq: QuantizedOps.TensorQuant) throws {
        let x = try n.input(0), y = try n.output(0)
        guard x.dtype == y.dtype, x.dtype == .int8 || x.dtype == .uint8 || x.dtype == .int16 else {
            throw n.unsupported("quantized Softmax of \(x.dtype.onnxName) to \(y.dtype.onnxName)")
        }
        let len = x.shape.last ?? 1
        let f = try encode(n, 1.0 / (Double(yq.scale) * 2147483648.0))
        let (lo, hi) = Quantization.range(y.dtype)
        let t = b.constant(softmaxTable(xScale: xq.scale, wide: x.dtype == .int16), name: "\(n.name)_exp")
        b.call("kiln_qsoftmax_\(suffix(x.dtype)!)", source: "kiln_qsoftmax",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .input(t),
                .ints([len == 0 ? 0 : x.count / len, len, yq.zeroPoint, f.m, f.shift, lo, hi])])
    }

    // MARK: pooling

    /// `kiln_qavgpool_*` / `kiln_qmaxpool_*` from `x` (channels-last [N, H, W, C] or [N, W, C], type `dtype`) to
    /// `y` (channels-last `yShape`). `filter` has explicit pads (resolved), in the spatial order of the data.
    public static func lowerPool(_ n: NodeContext, _ b: inout LoweringBuilder, max: Bool, filter f: SpatialFilter,
                                 includePad: Bool, x xArg: KernelArg, xShape: [Int], y yArg: KernelArg, yShape: [Int],
                                 dtype: DType, xq: QuantizedOps.TensorQuant, yq: QuantizedOps.TensorQuant,
                                 clamp: (lo: Int, hi: Int)) throws {
        let x = TensorType(dtype, xShape), y = TensorType(dtype, yShape)
        guard let s = suffix(dtype), dtype != .uint16 else { throw n.unsupported("quantized pooling of \(dtype.onnxName)") }
        let oneD = x.rank == 3
        let H = oneD ? 1 : x.shape[1], W = x.shape[oneD ? 1 : 2], C = x.shape[x.rank - 1]
        let OH = oneD ? 1 : y.shape[1], OW = y.shape[oneD ? 1 : 2]
        let r = f.rank
        let KH = oneD ? 1 : f.kernel[0], KW = f.kernel[r - 1]
        let SH = oneD ? 1 : f.strides[0], SW = f.strides[r - 1]
        let DH = oneD ? 1 : f.dilations[0], DW = f.dilations[r - 1]
        let PT = oneD ? 0 : f.pads[0], PL = f.pads[r - 1], PB = oneD ? 0 : f.pads[r], PR = f.pads[2 * r - 1]
        guard KH * KW < 1 << 15 else { throw n.unsupported("pooling window of \(KH * KW) elements") }
        var params = [x.shape[0], H, W, C, OH, OW, KH, KW, SH, SW, DH, DW, PT, PL, PB, PR, includePad ? 1 : 0, 0,
                      xq.zeroPoint, yq.zeroPoint, clamp.lo, clamp.hi]
        var multArg: KernelArg = .null, shiftArg: KernelArg = .null
        if max {
            if xq != yq {
                let m = try encode(n, Double(xq.scale) / Double(yq.scale))
                multArg = .ints([m.m]); shiftArg = .ints([m.shift])
            }
        } else {
            // Every window has KH*KW counted taps unless padding (or ceil_mode) cuts some off.
            let lastH = (OH - 1) * SH - PT + (KH - 1) * DH, lastW = (OW - 1) * SW - PL + (KW - 1) * DW
            let uniform = includePad ? (lastH < H + PB && lastW < W + PR)
                                     : (PT == 0 && PL == 0 && lastH < H && lastW < W)
            let counts = uniform ? [KH * KW] : Array(1...(KH * KW))
            if counts.count > 1 { params[17] = 1 }
            var ms: [Int] = [], ss: [Int] = []
            for c in counts {
                let m = try encode(n, Double(xq.scale) / (Double(yq.scale) * Double(c)))
                ms.append(m.m); ss.append(m.shift)
            }
            if counts.count > 16 {
                multArg = .input(b.constant(TensorData(dtype: .int32, shape: [ms.count], int64s: ms.map { Int64($0) }), name: "\(n.name)_multiplier"))
                shiftArg = .input(b.constant(TensorData(dtype: .int32, shape: [ss.count], int64s: ss.map { Int64($0) }), name: "\(n.name)_shift"))
            } else {
                multArg = .ints(ms); shiftArg = .ints(ss)
            }
        }
        b.call("kiln_q\(max ? "max" : "avg")pool_\(s)", source: "kiln_qpool", [xArg, yArg, multArg, shiftArg, .ints(params)],
               macs: max ? 0 : y.count * KH * KW)
    }
}
