/// Resize: nearest (every nearest_mode), linear and cubic (cubic_coeff_a, exclude_outside) interpolation over
/// any number of dims, with every coordinate_transformation_mode (tf_crop_and_resize reads `roi` and writes
/// extrapolation_value outside it), scales or sizes (compile-time inputs), `axes` and keep_aspect_ratio_policy
/// (opset 18) and antialias for linear/cubic downscaling. Opset 10 takes only scales and behaves like Upsample
/// (asymmetric coordinates). Nearest is an exact index copy for every type; linear/cubic use precomputed tap
/// tables and support float and 8-32-bit integer types.
public enum Resize: Operator {
    public static let opType = "Resize"
    static let coordinateModes: Set<String> = ["half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners",
                                               "asymmetric", "tf_crop_and_resize"]
    static let nearestModes: Set<String> = ["round_prefer_floor", "round_prefer_ceil", "floor", "ceil"]

    static func floats(_ d: TensorData) -> [Double] { d.doubles.map { Double(Float($0)) } }

    static func plan(_ n: NodeContext) throws -> (axes: [Interpolation.Axis], options: Interpolation.Options) {
        let x = try n.input(0)
        var o = Interpolation.Options()
        let mode = try n.string("mode", default: "nearest")
        guard let m = Interpolation.Mode(rawValue: mode) else { throw n.error("unknown mode '\(KilnError.printable(mode))'") }
        o.mode = m
        if n.opset < 11 {
            guard m != .cubic else { throw n.error("cubic mode needs opset 11") }
            o.coordinate = "asymmetric"
            o.nearestMode = "simple"
            let s = try n.requireConstant(1, "scales")
            guard s.dtype.isFloat else { throw n.error("scales must be float") }
            return (try Interpolation.axes(input: x.shape, scales: floats(s), sizes: nil, axes: Array(0..<x.rank), roi: nil,
                                           policy: "stretch", n), o)
        }
        o.coordinate = try n.string("coordinate_transformation_mode", default: "half_pixel")
        guard coordinateModes.contains(o.coordinate) else {
            throw n.error("unknown coordinate_transformation_mode '\(KilnError.printable(o.coordinate))'")
        }
        o.nearestMode = try n.string("nearest_mode", default: "round_prefer_floor")
        guard nearestModes.contains(o.nearestMode) else { throw n.error("unknown nearest_mode '\(KilnError.printable(o.nearestMode))'") }
        o.cubicA = Double(try n.float("cubic_coeff_a", default: -0.75))
        o.excludeOutside = try n.int("exclude_outside", default: 0) != 0
        o.extrapolation = Double(try n.float("extrapolation_value", default: 0))
        var axes = Array(0..<x.rank)
        var policy = "stretch"
        if n.opset >= 18 {
            o.antialias = try n.int("antialias", default: 0) != 0 && m != .nearest
            if let a = try n.ints("axes") { axes = try DataMovement.normalizeAxes(a, rank: x.rank, n) }
            policy = try n.string("keep_aspect_ratio_policy", default: "stretch")
        }
        var roi: [Double]? = nil
        if o.coordinate == "tf_crop_and_resize" {
            guard n.hasInput(1) else { throw n.error("tf_crop_and_resize needs roi") }
            let r = try n.requireConstant(1, "roi")
            guard r.dtype.isFloat else { throw n.error("roi must be float") }
            roi = r.doubles
        }
        var scales: [Double]? = nil, sizes: [Int]? = nil
        if n.hasInput(2) {
            let s = try n.requireConstant(2, "scales")
            guard s.dtype.isFloat else { throw n.error("scales must be float") }
            if s.count > 0 { scales = floats(s) }
        }
        if n.hasInput(3) {
            let s = try n.requireConstant(3, "sizes")
            if s.count > 0 { sizes = try DataMovement.intList(s, n, "sizes") }
        }
        guard scales == nil || sizes == nil else { throw n.error("only one of scales and sizes may be given") }
        return (try Interpolation.axes(input: x.shape, scales: scales, sizes: sizes, axes: axes, roi: roi, policy: policy, n), o)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let (axes, o) = try plan(n)
        try Interpolation.validate(axes, o, n)
        if o.mode != .nearest && !Interpolation.interpolatedTypes.contains(x.dtype) {
            throw n.unsupported("\(o.mode.rawValue) resize of \(x.dtype.onnxName)")
        }
        return [TensorType(x.dtype, axes.map(\.outSize))]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let (axes, o) = try plan(n)
        guard o.mode == .nearest else { return nil }
        return [Interpolation.foldNearest(x, axes, o)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (axes, o) = try plan(n)
        try Interpolation.lower(n, &b, axes, o)
    }
}
