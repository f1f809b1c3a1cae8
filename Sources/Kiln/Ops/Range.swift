/// Range (named RangeOp in Swift so it does not shadow Swift.Range): [start, start + delta, ...) up to `limit` (exclusive); all three inputs are compile-time scalars, so
/// the length is static. Folds; when the result is too large to store as a constant, a kernel computes it.
/// Integers wrap; floats are computed in double and rounded once per element, as the reference does.
public enum RangeOp: Operator {
    public static let opType = "Range"
    static let types: Set<DType> = [.float32, .float64, .float16, .bfloat16, .int16, .int32, .int64]

    static func operands(_ n: NodeContext) throws -> (start: TensorData, limit: TensorData, delta: TensorData) {
        let s = try n.requireConstant(0, "start"), l = try n.requireConstant(1, "limit"), d = try n.requireConstant(2, "delta")
        for (t, what) in [(s, "start"), (l, "limit"), (d, "delta")] {
            guard t.count == 1, t.shape.count <= 1 else { throw n.error("\(what) must be a scalar, the model gives \(t.type)") }
            guard t.dtype == s.dtype else { throw n.error("start, limit and delta have different types") }
        }
        return (s, l, d)
    }

    static func count(_ n: NodeContext) throws -> Int {
        let (s, l, d) = try operands(n)
        if s.dtype.isFloat {
            let start = s.double(at: 0), limit = l.double(at: 0), delta = d.double(at: 0)
            guard delta != 0 else { throw n.error("delta is zero") }
            let c = ((limit - start) / delta).rounded(.up)
            guard c.isFinite || c < 0 else { throw n.error("range [\(start), \(limit)) by \(delta) is not finite") }
            if c <= 0 || c.isNaN { return 0 }
            guard c <= Double(TensorProtoCoding.maxElements) else { throw n.error("range has \(c) elements, too many") }
            return Int(c)
        }
        let start = s.int64(at: 0), limit = l.int64(at: 0), delta = d.int64(at: 0)
        guard delta != 0 else { throw n.error("delta is zero") }
        let (diff, o) = limit.subtractingReportingOverflow(start)
        guard !o else { throw n.error("range [\(start), \(limit)) is too large") }
        let c: Int64
        if delta > 0 { c = diff > 0 ? (diff - 1) / delta + 1 : 0 } else { c = diff < 0 ? (diff + 1) / delta + 1 : 0 }
        guard c <= Int64(TensorProtoCoding.maxElements) else { throw n.error("range has \(c) elements, too many") }
        return Int(c)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let t = try n.input(0)
        try n.requireDType(t, types)
        return [TensorType(t.dtype, [try count(n)])]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let (s, _, d) = try operands(n)
        let c = try count(n)
        if s.dtype.isFloat {
            let start = s.double(at: 0), delta = d.double(at: 0)
            return [TensorData(dtype: s.dtype, shape: [c], doubles: (0..<c).map { start + Double($0) * delta })]
        }
        let start = s.int64(at: 0), delta = d.int64(at: 0)
        return [TensorData(dtype: s.dtype, shape: [c], int64s: (0..<c).map { start &+ Int64($0) &* delta })]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let y = try n.output(0)
        b.call("kiln_range_\(y.dtype.kernelSuffix)", source: "kiln_range",
               [.output(try n.outputID(0)), .int(y.count), .input(try n.inputID(0)), .input(try n.inputID(2))])
    }
}
