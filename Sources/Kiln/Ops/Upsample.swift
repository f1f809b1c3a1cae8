/// Upsample (opsets 7-10, deprecated for Resize): nearest or (bi)linear with asymmetric coordinates; scales are
/// an attribute in opset 7 and a compile-time input since opset 9. Shares Resize's implementation.
public enum Upsample: Operator {
    public static let opType = "Upsample"

    static func plan(_ n: NodeContext) throws -> (axes: [Interpolation.Axis], options: Interpolation.Options) {
        let x = try n.input(0)
        guard n.opset >= 7 else { throw n.unsupported("Upsample before opset 7 (height_scale/width_scale)") }
        var o = Interpolation.Options()
        let mode = try n.string("mode", default: "nearest")
        switch mode {
        case "nearest": o.mode = .nearest
        case "linear", "bilinear": o.mode = .linear
        default: throw n.error("unknown mode '\(KilnError.printable(mode))'")
        }
        o.coordinate = "asymmetric"
        o.nearestMode = "simple"
        let scales: [Double]
        if n.opset < 9 {
            guard let s = try n.floats("scales") else { throw n.error("missing 'scales' attribute") }
            scales = s.map(Double.init)
        } else {
            let s = try n.requireConstant(1, "scales")
            guard s.dtype.isFloat else { throw n.error("scales must be float") }
            scales = Resize.floats(s)
        }
        return (try Interpolation.axes(input: x.shape, scales: scales, sizes: nil, axes: Array(0..<x.rank), roi: nil,
                                       policy: "stretch", n), o)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let (axes, o) = try plan(n)
        try Interpolation.validate(axes, o, n)
        if o.mode != .nearest && !Interpolation.interpolatedTypes.contains(x.dtype) {
            throw n.unsupported("linear upsampling of \(x.dtype.onnxName)")
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
