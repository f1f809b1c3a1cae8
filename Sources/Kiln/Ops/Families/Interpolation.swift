import Foundation

/// Shared implementation of Resize and Upsample: output sizes, the source coordinate of every output coordinate
/// (per `coordinate_transformation_mode`), and per-dim tap tables (source indices and weights) computed at
/// compile time. Nearest mode becomes an `IndexMap` (exact for every type); linear and cubic become tap tables
/// for the separable `kiln_resize` kernel.
public enum Interpolation {
    public enum Mode: String { case nearest, linear, cubic }

    public struct Options {
        public var mode: Mode = .nearest
        public var coordinate = "half_pixel"
        /// round_prefer_floor, round_prefer_ceil, floor, ceil, or "simple" (Upsample and Resize-10: floor when
        /// upsampling, ceil when downsampling).
        public var nearestMode = "round_prefer_floor"
        public var cubicA = -0.75
        public var excludeOutside = false
        public var extrapolation = 0.0
        public var antialias = false
        public init() {}
    }

    /// One dim of the resize.
    public struct Axis {
        public var inSize: Int
        public var outSize: Int
        public var scale: Double
        /// Crop box (start, end) in normalized coordinates, for tf_crop_and_resize.
        public var roi: (Double, Double)
        public var resized: Bool
    }

    /// Per output coordinate of one dim: source indices (clamped into the input), weights, and whether the
    /// coordinate lies outside the crop box (tf_crop_and_resize: the output is the extrapolation value).
    public struct Taps {
        public var count: Int
        public var index: [[Int]]
        public var weight: [[Double]]
        public var outside: [Bool]
    }

    /// Dims of the resize from the input shape and the scales or sizes given for `axes` (every dim by default).
    /// `policy` is keep_aspect_ratio_policy (sizes only).
    public static func axes(input: [Int], scales: [Double]?, sizes: [Int]?, axes: [Int], roi: [Double]?, policy: String,
                            _ n: NodeContext) throws -> [Axis] {
        let r = input.count
        var out = input.map { Axis(inSize: $0, outSize: $0, scale: 1, roi: (0, 1), resized: false) }
        if let roi = roi {
            guard roi.count == 2 * axes.count else { throw n.error("roi has \(roi.count) values, expected \(2 * axes.count)") }
            for (i, a) in axes.enumerated() { out[a].roi = (roi[i], roi[axes.count + i]) }
        }
        if let sizes = sizes {
            guard sizes.count == axes.count else { throw n.error("sizes has \(sizes.count) values for \(axes.count) axes") }
            guard sizes.allSatisfy({ $0 >= 0 }) else { throw n.error("sizes \(sizes) has a negative value") }
            var sc = [Double](repeating: 1, count: r)
            for (i, a) in axes.enumerated() {
                guard input[a] > 0 else { throw n.error("cannot resize an empty dim") }
                sc[a] = Double(sizes[i]) / Double(input[a])
                out[a].outSize = sizes[i]
            }
            if policy != "stretch" {
                guard policy == "not_larger" || policy == "not_smaller" else {
                    throw n.error("unknown keep_aspect_ratio_policy '\(KilnError.printable(policy))'")
                }
                let chosen = axes.map { sc[$0] }
                let s = policy == "not_larger" ? (chosen.min() ?? 1) : (chosen.max() ?? 1)
                for a in axes {
                    let size = s * Double(input[a]) + 0.5
                    guard size <= Double(TensorProtoCoding.maxElements) else { throw n.error("sizes \(sizes) give a too large output") }
                    sc[a] = s
                    out[a].outSize = Int(size)
                }
            }
            for a in axes { out[a].scale = sc[a] }
        } else if let scales = scales {
            guard scales.count == axes.count else { throw n.error("scales has \(scales.count) values for \(axes.count) axes") }
            for (i, a) in axes.enumerated() {
                let s = scales[i]
                guard s > 0, s.isFinite else { throw n.error("scale \(s) must be positive") }
                let size = (s * Double(input[a])).rounded(.down)
                guard size <= Double(TensorProtoCoding.maxElements) else { throw n.error("scale \(s) gives a too large output") }
                out[a].scale = s
                out[a].outSize = Int(size)
            }
        } else {
            throw n.error("neither scales nor sizes is given")
        }
        for a in axes {
            let ax = out[a]
            let identityROI = abs(ax.roi.0) < 1e-9 && abs(ax.roi.1 - 1) < 1e-9
            out[a].resized = !(abs(ax.scale - 1) <= 1e-9 && ax.outSize == ax.inSize && identityROI)
        }
        return out
    }

    /// The source coordinate of output coordinate `y`, and whether it is outside the crop box.
    static func source(_ y: Double, _ a: Axis, _ o: Options) -> (x: Double, outside: Bool) {
        let inW = Double(a.inSize), outW = a.scale * inW, s = a.scale
        switch o.coordinate {
        case "align_corners": return (outW == 1 ? 0 : y * (inW - 1) / (outW - 1), false)
        case "asymmetric": return (y / s, false)
        case "pytorch_half_pixel": return (outW == 1 ? -0.5 : (y + 0.5) / s - 0.5, false)
        case "half_pixel_symmetric":
            let adjustment = Double(a.outSize) / outW
            let offset = inW / 2 * (1 - adjustment)
            return (offset + (y + 0.5) / s - 0.5, false)
        case "tf_crop_and_resize":
            var x = outW == 1 ? (a.roi.1 - a.roi.0) * (inW - 1) / 2 : y * (a.roi.1 - a.roi.0) * (inW - 1) / (outW - 1)
            x += a.roi.0 * (inW - 1)
            return (x, x < 0 || x > inW - 1)
        default: return ((y + 0.5) / s - 0.5, false)
        }
    }

    static func cubic(_ x: Double, _ A: Double) -> Double {
        let x = abs(x)
        if x <= 1 { return ((A + 2) * x - (A + 3)) * x * x + 1 }
        if x < 2 { return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A }
        return 0
    }

    /// Weights of the taps around a source coordinate whose distance past its left tap is `ratio` (in (0, 1]).
    static func coefficients(_ ratio: Double, _ a: Axis, _ o: Options) -> [Double] {
        switch o.mode {
        case .nearest:
            if ratio == 1 { return [0, 1] }
            switch o.nearestMode {
            case "round_prefer_ceil": return ratio < 0.5 ? [1, 0] : [0, 1]
            case "floor": return [1, 0]
            case "ceil": return [0, 1]
            case "simple": return a.scale < 1 ? [0, 1] : [1, 0]
            default: return ratio <= 0.5 ? [1, 0] : [0, 1]
            }
        case .linear:
            guard o.antialias else { return [1 - ratio, ratio] }
            let s = min(a.scale, 1)
            let start = Int((-1 / s).rounded(.down)) + 1
            let footprint = 2 - 2 * start
            let c = (start..<(start + footprint)).map { max(0, min(1, 1 - abs((Double($0) - ratio) * s))) }
            let sum = c.reduce(0, +)
            return c.map { $0 / sum }
        case .cubic:
            guard o.antialias else {
                return [cubic(ratio + 1, o.cubicA), cubic(ratio, o.cubicA), cubic(1 - ratio, o.cubicA), cubic(2 - ratio, o.cubicA)]
            }
            let s = min(a.scale, 1)
            let start = Int((-2 / s).rounded(.down)) + 1
            let c = (start..<(2 - start)).map { cubic(s * (Double($0) - ratio), o.cubicA) }
            let sum = c.reduce(0, +)
            return c.map { $0 / sum }
        }
    }

    /// Tap tables of one resized dim, following the reference's choice of the n taps nearest to the source
    /// coordinate (ties to the lower index), edge clamping and exclude_outside renormalization.
    public static func taps(_ a: Axis, _ o: Options) -> Taps {
        var t = Taps(count: 0, index: [], weight: [], outside: [])
        for y in 0..<a.outSize {
            var (x, outside) = source(Double(y), a, o)
            if !x.isFinite { x = 0; outside = outside || o.coordinate == "tf_crop_and_resize" }
            let xi = x.rounded(.down)
            let ratio = x == xi ? 1 : x - xi
            var c = coefficients(ratio, a, o)
            let n = c.count
            let pad = (n + 1) / 2
            let xp = x + Double(pad)
            let p = xp.rounded(.down)
            let frac = xp - p
            let pInt = Int(max(min(p, 1e15), -1e15))
            let start: Int
            if n % 2 == 0 { start = frac == 0 ? pInt - n / 2 : pInt - n / 2 + 1 } else {
                let base = -((n - 1) / 2)
                start = pInt + (frac <= 0.5 ? base : base + 1)
            }
            var idx = (0..<n).map { start + $0 - pad }
            if o.excludeOutside {
                for k in 0..<n where idx[k] < 0 || idx[k] >= a.inSize { c[k] = 0 }
                let sum = c.reduce(0, +)
                if sum != 0 { c = c.map { $0 / sum } }
            }
            idx = idx.map { min(max($0, 0), a.inSize - 1) }
            t.count = n
            t.index.append(idx)
            t.weight.append(c)
            t.outside.append(outside)
        }
        if t.count == 0 { t.count = 1 }
        return t
    }

    /// Nearest mode as an index map; coordinates outside the crop box read the fill value.
    public static func nearestMap(_ axes: [Axis], _ o: Options) -> IndexMap {
        let st = DataMovement.strides(axes.map(\.inSize))
        var tables: [[Int]] = []
        for (d, a) in axes.enumerated() {
            guard a.resized else { tables.append((0..<a.outSize).map { $0 * st[d] }); continue }
            let t = taps(a, o)
            tables.append((0..<a.outSize).map { y in
                if t.outside[y] { return IndexMap.fill }
                let k = t.weight[y].firstIndex(where: { $0 > 0.5 }) ?? (t.count - 1)
                return t.index[y][k] * st[d]
            })
        }
        return IndexMap(shape: axes.map(\.outSize), tables: tables)
    }

    static let interpolatedTypes: Set<DType> = [.float32, .float64, .float16, .bfloat16, .int8, .uint8, .int16, .uint16, .int32, .uint32]

    /// Rejects resizes whose tap tables would be unreasonably large (antialiased downscaling by a huge factor).
    public static func validate(_ axes: [Axis], _ o: Options, _ n: NodeContext) throws {
        guard o.antialias else { return }
        for a in axes where a.resized && a.scale < 1.0 / 256 {
            throw n.unsupported("antialiased downscaling by more than 256x (scale \(a.scale))")
        }
    }

    /// Emits the resize of input 0 into output 0.
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, _ axes: [Axis], _ o: Options) throws {
        let x = try n.input(0), y = try n.output(0)
        guard y.count > 0 else { return }
        let fillBytes = TensorData(dtype: x.dtype, shape: [], doubles: [o.extrapolation]).bytes
        if o.mode == .nearest {
            let fill: KernelArg = fillBytes.allSatisfy({ $0 == 0 }) ? .null
                : .input(DataMovement.scalarConstant(&b, fillBytes, x.dtype, name: "\(n.name)_extrapolation"))
            try nearestMap(axes, o).lower(n, &b, input: try n.inputID(0), output: try n.outputID(0), dtype: x.dtype, fill: fill)
            return
        }
        guard interpolatedTypes.contains(x.dtype) else { throw n.unsupported("\(o.mode.rawValue) resize of \(x.dtype.onnxName)") }
        let st = DataMovement.strides(x.shape)
        // Dims that are not resized and adjacent merge into one (their strides are contiguous).
        var shape: [Int] = [], tapCounts: [Int] = [], offsets: [Int] = [], weights: [Float] = []
        var pending: (n: Int, stride: Int)? = nil
        func flush() {
            guard let p = pending else { return }
            shape.append(p.n); tapCounts.append(1)
            offsets += (0..<p.n).map { $0 * p.stride }
            weights += [Float](repeating: 1, count: p.n)
            pending = nil
        }
        for (d, a) in axes.enumerated() {
            if !a.resized {
                if a.outSize == 1 { continue }
                if let p = pending, p.stride == st[d] * a.outSize { pending = (p.n * a.outSize, st[d]) } else { flush(); pending = (a.outSize, st[d]) }
                continue
            }
            flush()
            let t = taps(a, o)
            shape.append(a.outSize); tapCounts.append(t.count)
            for yy in 0..<a.outSize {
                for k in 0..<t.count {
                    offsets.append(t.outside[yy] ? -1 : t.index[yy][k] * st[d])
                    weights.append(Float(t.weight[yy][k]))
                }
            }
        }
        flush()
        if shape.isEmpty { shape = [1]; tapCounts = [1]; offsets = [0]; weights = [1] }
        guard shape.count <= 8 else { throw n.unsupported("resize over \(shape.count) dims (at most 8 after merging)") }
        b.call("kiln_resize_\(x.dtype.kernelSuffix)", source: "kiln_resize",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(shape.count), .ints(shape), .ints(tapCounts),
                .ints(offsets), .floats(weights), .float(Float(o.extrapolation))])
    }

    /// Folds a nearest resize of a constant.
    public static func foldNearest(_ x: TensorData, _ axes: [Axis], _ o: Options) -> TensorData {
        let fill = TensorData(dtype: x.dtype, shape: [], doubles: [o.extrapolation]).bytes
        return nearestMap(axes, o).apply(x, fill: fill, outShape: axes.map(\.outSize))
    }
}
