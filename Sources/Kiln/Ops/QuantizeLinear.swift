/// QuantizeLinear: y = saturate(rint(x / y_scale) + y_zero_point), rounding half to even. Per-tensor, per-axis
/// (opset 13+) and blocked (opset 21+, `block_size`) scales; outputs int8, uint8, int16 and uint16 (the type of the
/// zero point, else `output_dtype`, else uint8). x may be float32, float16, bfloat16 or int32; float16/bfloat16
/// inputs and scales are widened to float32 and the division is done in float32. Scales and zero points may be
/// computed at run time. float8/int4/float4 outputs are unsupported (Kiln does not model those types).
public enum QuantizeLinear: Operator {
    public static let opType = "QuantizeLinear"

    static func outputDType(_ n: NodeContext) throws -> DType {
        let attr = n.opset >= 21 ? try n.int("output_dtype", default: 0) : 0
        if n.hasInput(2) {
            let z = try n.input(2).dtype
            guard Quantization.quantTypes.contains(z) else {
                throw n.unsupported("quantizing to \(z.onnxName) is not supported (int8, uint8, int16, uint16 are)")
            }
            if attr != 0 && attr != z.rawValue { throw n.error("output_dtype \(attr) differs from the zero point type \(z.onnxName)") }
            return z
        }
        if attr != 0 {
            guard let t = DType(rawValue: attr), Quantization.quantTypes.contains(t) else {
                throw n.unsupported("output_dtype \(attr) is not supported (int8, uint8, int16, uint16 are)")
            }
            return t
        }
        return .uint8
    }

    static func granularity(_ n: NodeContext) throws -> Quantization.Granularity {
        let x = try n.input(0), s = try n.input(1)
        return try Quantization.granularity(n, x: x.shape, scale: s.shape, zeroPoint: n.hasInput(2) ? try n.input(2).shape : nil)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), s = try n.input(1)
        try n.requireDType(x, [.float32, .float16, .bfloat16, .int32])
        try n.requireDType(s, [.float32, .float16, .bfloat16], "scale")
        let t = try outputDType(n)
        _ = try granularity(n)
        return [TensorType(t, x.shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0), let s = n.constant(1) else { return nil }
        let z = n.constant(2)
        if n.hasInput(2) && z == nil { return nil }
        let g = try granularity(n)
        let t = try outputDType(n)
        let scales = Quantization.floats(s)
        let zps = z?.ints ?? []
        var out = [Int64]()
        out.reserveCapacity(x.count)
        for e in 0..<x.count {
            let k = g.scaleIndex(e)
            let v = Float(x.double(at: e)) / scales[k]
            out.append(Int64(Quantization.quantize(v, zeroPoint: zps.isEmpty ? 0 : zps[k], t)))
        }
        return [TensorData(dtype: t, shape: x.shape, int64s: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        let g = try granularity(n)
        let xArg = try Quantization.asFloat32(n, &b, input: 0)
        let sArg = try Quantization.asFloat32(n, &b, input: 1)
        b.call("kiln_quantize_f32_\(y.dtype.kernelSuffix)", source: "kiln_quantize",
               [xArg, sArg, n.hasInput(2) ? .input(try n.inputID(2)) : .null, .output(try n.outputID(0)), .ints(g.params)])
        if x.dtype == .float32 && y.dtype.size <= x.dtype.size { b.allowInPlace(input: 0, output: 0) }
    }
}
