/// DequantizeLinear: y = (x - x_zero_point) * x_scale. x is int8, uint8, int16, uint16 or int32; per-tensor,
/// per-axis (opset 13+) and blocked (opset 21+) scales; the output type is `output_dtype` (opset 23+) or the
/// scale's type (float32, float16, bfloat16), computed in float32 and rounded once on store. Scales and zero
/// points may be computed at run time. float8/int4 inputs are unsupported. Folds (weights stored as int8 behind
/// a DequantizeLinear become float constants for float consumers; the QDQ pass reads the int8 original).
public enum DequantizeLinear: Operator {
    public static let opType = "DequantizeLinear"

    static func outputDType(_ n: NodeContext) throws -> DType {
        let s = try n.input(1).dtype
        let attr = n.opset >= 23 ? try n.int("output_dtype", default: 0) : 0
        if attr == 0 { return s }
        guard let t = DType(rawValue: attr), [.float32, .float16, .bfloat16].contains(t) else {
            throw n.error("output_dtype \(attr) must be float, float16 or bfloat16")
        }
        return t
    }

    static func granularity(_ n: NodeContext) throws -> Quantization.Granularity {
        let x = try n.input(0), s = try n.input(1)
        return try Quantization.granularity(n, x: x.shape, scale: s.shape, zeroPoint: n.hasInput(2) ? try n.input(2).shape : nil)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), s = try n.input(1)
        try n.requireDType(x, Quantization.quantTypes.union([.int32]))
        try n.requireDType(s, [.float32, .float16, .bfloat16], "scale")
        if n.hasInput(2) {
            let z = try n.input(2)
            guard z.dtype == x.dtype else { throw n.error("zero point type \(z.dtype.onnxName) differs from input type \(x.dtype.onnxName)") }
        }
        _ = try granularity(n)
        return [TensorType(try outputDType(n), x.shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0), let s = n.constant(1) else { return nil }
        let z = n.constant(2)
        if n.hasInput(2) && z == nil { return nil }
        let g = try granularity(n)
        let scales = Quantization.floats(s)
        let zps = z?.int64s ?? []
        var out = [Double]()
        out.reserveCapacity(x.count)
        for e in 0..<x.count {
            let k = g.scaleIndex(e)
            let diff: Float = x.dtype == .int32 ? Float(x.int64(at: e)) - Float(zps.isEmpty ? 0 : zps[k])
                                                : Float(x.int64(at: e) - (zps.isEmpty ? 0 : zps[k]))
            out.append(Double(diff * scales[k]))
        }
        return [TensorData(dtype: try outputDType(n), shape: x.shape, doubles: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        let g = try granularity(n)
        let sArg = try Quantization.asFloat32(n, &b, input: 1)
        b.call("kiln_dequantize_\(x.dtype.kernelSuffix)_\(y.dtype.kernelSuffix)", source: "kiln_quantize",
               [.input(try n.inputID(0)), sArg, n.hasInput(2) ? .input(try n.inputID(2)) : .null,
                .output(try n.outputID(0)), .ints(g.params)])
    }
}
