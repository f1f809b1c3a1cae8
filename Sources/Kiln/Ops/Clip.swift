/// Clip: y = min(max(x, min), max). Before opset 11 the bounds are float attributes (float types only); from
/// opset 11 they are optional scalar inputs of x's type, which may be computed at run time. min > max gives max.
public enum Clip: Operator {
    public static let opType = "Clip"
    static let types = BinaryElementwise.numeric

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, types)
        if n.opset < 11 {
            // Clip-1/6 bounds are float attributes and the type is a float type (the 64-bit integer fold below
            // reads bound inputs, which these opsets do not have).
            guard x.dtype.isFloat else { throw n.error("Clip before opset 11 takes float types, the input is \(x.dtype.onnxName)") }
            _ = try attributeBounds(n)
        } else {
            for i in 1...2 where n.hasInput(i) {
                let t = try n.input(i)
                guard t.dtype == x.dtype else {
                    throw n.error("bound \(i) is \(t.dtype.onnxName) but the input is \(x.dtype.onnxName)")
                }
                guard t.count == 1 else { throw n.error("bound \(i) must be a scalar, the model gives shape \(t.shape)") }
            }
        }
        return [x]
    }

    /// Clip-1/6 attributes; their defaults are the float range.
    static func attributeBounds(_ n: NodeContext) throws -> (lo: Float, hi: Float) {
        (try n.float("min", default: -Float.greatestFiniteMagnitude), try n.float("max", default: Float.greatestFiniteMagnitude))
    }

    /// Bounds known at compile time: attributes, or constant inputs; `.some(nil)` for an absent bound and nil
    /// when a bound is computed at run time.
    static func constantBounds(_ n: NodeContext) throws -> (lo: Double?, hi: Double?)? {
        if n.opset < 11 { let a = try attributeBounds(n); return (Double(a.lo), Double(a.hi)) }
        var out: [Double?] = [nil, nil]
        for i in 1...2 where n.hasInput(i) {
            guard let c = n.constant(i), c.count == 1 else { return nil }
            out[i - 1] = c.double(at: 0)
        }
        return (out[0], out[1])
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0), let bounds = try constantBounds(n) else { return nil }
        if x.dtype.isFloat || x.dtype.size < 8 {
            let ys = x.doubles.map { v -> Double in
                var v = v
                if let l = bounds.lo, v < l { v = l }
                if let h = bounds.hi, v > h { v = h }
                return v
            }
            return [TensorData(dtype: x.dtype, shape: x.shape, doubles: ys)]
        }
        // 64-bit integers: compare exactly.
        func value(_ i: Int) -> Int64? { n.hasInput(i) ? n.constant(i).flatMap { $0.count == 1 ? $0.int64(at: 0) : nil } : nil }
        let lo = value(1), hi = value(2), unsigned = x.dtype == .uint64
        func less(_ a: Int64, _ b: Int64) -> Bool { unsigned ? UInt64(bitPattern: a) < UInt64(bitPattern: b) : a < b }
        let ys = x.int64s.map { v -> Int64 in
            var v = v
            if let l = lo, less(v, l) { v = l }
            if let h = hi, less(h, v) { v = h }
            return v
        }
        return [TensorData(dtype: x.dtype, shape: x.shape, int64s: ys)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        var bounds: [KernelArg] = []
        if n.opset < 11 {
            let a = try attributeBounds(n)
            for (name, v) in [("min", a.lo), ("max", a.hi)] {
                bounds.append(.input(b.constant(TensorData.scalar(Double(v), x.dtype), name: "\(n.name)_\(name)")))
            }
        } else {
            for i in 1...2 { bounds.append(n.hasInput(i) ? .input(try n.inputID(i)) : .null) }
        }
        b.call("kiln_clip_\(x.dtype.kernelSuffix)", source: "kiln_clip",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.count)] + bounds)
        b.allowInPlace(input: 0, output: 0)
    }
}
