/// Cast: converts x to the type in `to` (an ONNX data type code; a type name string in opset 1).
/// float -> integer truncates toward zero, saturates and maps NaN to 0 (ONNX leaves out-of-range values
/// undefined); narrowing to float16/bfloat16 rounds to nearest even once; integer -> integer wraps; x -> bool is
/// x != 0. Strings, float8/float4 and the other types Kiln does not model are unsupported. `saturate` and
/// `round_mode` only concern float8 and are ignored.
public enum Cast: Operator {
    public static let opType = "Cast"

    static let names: [String: DType] = [
        "FLOAT": .float32, "UINT8": .uint8, "INT8": .int8, "UINT16": .uint16, "INT16": .int16, "INT32": .int32,
        "INT64": .int64, "BOOL": .bool, "FLOAT16": .float16, "DOUBLE": .float64, "UINT32": .uint32,
        "UINT64": .uint64, "BFLOAT16": .bfloat16,
    ]

    static func target(_ n: NodeContext) throws -> DType {
        if let s = try? n.string("to") {  // opset 1 names the type
            guard let t = names[s.uppercased()] else { throw n.unsupported("cast to '\(KilnError.printable(s))' is not supported") }
            return t
        }
        guard let code = try n.int("to") else { throw n.error("attribute 'to' is required") }
        guard let t = DType(rawValue: code) else { throw n.unsupported("cast to ONNX data type \(code) is not supported") }
        return t
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        return [TensorType(try target(n), x.shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [convert(x, to: try target(n))]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try lowerCast(n, &b, to: try target(n))
    }

    // MARK: shared with CastLike

    static func lowerCast(_ n: NodeContext, _ b: inout LoweringBuilder, to t: DType) throws {
        let x = try n.input(0)
        if x.dtype == t {
            b.call("kiln_copy", source: "kiln_copy", [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.bytes)])
        } else {
            b.call("kiln_cast_\(x.dtype.kernelSuffix)_\(t.kernelSuffix)", source: "kiln_cast",
                   [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.count)])
        }
        // The planner only aliases when the output is not larger; the forward loop is then safe.
        b.allowInPlace(input: 0, output: 0)
    }

    /// Converts exactly as the `kiln_cast` kernels do.
    public static func convert(_ x: TensorData, to t: DType) -> TensorData {
        let from = x.dtype
        if from == t { return x }
        if !from.isFloat && !t.isFloat { return TensorData(dtype: t, shape: x.shape, int64s: x.int64s) }
        if from.isFloat {
            // Double holds every source value exactly; float64 -> half types rounds to odd first.
            var vs = x.doubles
            if from == .float64 && (t == .float16 || t == .bfloat16) { vs = vs.map { Double(floatRoundedToOdd($0)) } }
            return TensorData(dtype: t, shape: x.shape, doubles: vs)
        }
        // Integer (or bool) source, float target: round once, as C's integer -> float conversion does.
        let raw = x.int64s
        let vs: [Double] = raw.map { v in
            let unsigned = from.isUnsignedInteger || from == .bool
            switch t {
            case .float64: return unsigned ? Double(UInt64(bitPattern: v)) : Double(v)
            case .bfloat16:
                let m = unsigned ? UInt64(bitPattern: v) : v.magnitude
                let f = floatRoundedToOdd(m)
                return Double(!unsigned && v < 0 ? -f : f)
            default: return Double(unsigned ? Float(UInt64(bitPattern: v)) : Float(v))
            }
        }
        return TensorData(dtype: t, shape: x.shape, doubles: vs)
    }

    /// Double -> Float rounded to odd (truncate, set the last bit if inexact), so that a second rounding to a
    /// narrower type is correct.
    static func floatRoundedToOdd(_ d: Double) -> Float {
        let f = Float(d)
        if d.isNaN || Double(f) == d { return f }
        var u = f.bitPattern
        if u & 1 == 0 { u = Swift.abs(d) < Double(Swift.abs(f)) ? u &- 1 : u &+ 1 }
        return Float(bitPattern: u)
    }

    static func floatRoundedToOdd(_ m: UInt64) -> Float {
        var m = m, scale: Float = 1
        while m >= 1 << 24 {
            m = (m >> 1) | (m & 1)
            scale *= 2
        }
        return Float(m) * scale
    }
}
