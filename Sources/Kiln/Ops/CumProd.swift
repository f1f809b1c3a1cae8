/// CumProd (opset 26): cumulative product along `axis` (an input known at compile time), with `exclusive` and
/// `reverse`. float32/float64/int32/int64/uint32/uint64; integers wrap.
public enum CumProd: Operator {
    public static let opType = "CumProd"
    static let types: Set<DType> = [.float32, .float64, .int32, .int64, .uint32, .uint64]

    static func geometry(_ n: NodeContext) throws -> (outer: Int, len: Int, inner: Int, exclusive: Bool, reverse: Bool) {
        let x = try n.input(0)
        try n.requireDType(x, types)
        let at = try n.input(1)
        guard at.dtype == .int32 || at.dtype == .int64, at.count == 1 else { throw n.error("axis must be a single int32 or int64") }
        guard x.rank >= 1 else { throw n.error("input must have rank >= 1") }
        let a = try n.axis(Int(try n.requireConstant(1, "axis").int64(at: 0)), rank: x.rank)
        return (Array(x.shape[..<a]).elementCount, x.shape[a], Array(x.shape[(a + 1)...]).elementCount,
                try n.int("exclusive", default: 0) != 0, try n.int("reverse", default: 0) != 0)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try geometry(n)
        return [try n.input(0)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let g = try geometry(n)
        func scan<T>(_ v: [T], one: T, _ mul: (T, T) -> T) -> [T] {
            var out = v
            for o in 0..<g.outer {
                for i in 0..<g.inner {
                    var acc = one
                    for k in 0..<g.len {
                        let at = (o * g.len + (g.reverse ? g.len - 1 - k : k)) * g.inner + i
                        if g.exclusive { out[at] = acc; acc = mul(acc, v[at]) } else { acc = mul(acc, v[at]); out[at] = acc }
                    }
                }
            }
            return out
        }
        switch x.dtype {
        case .float32:
            let r = scan(x.doubles.map { Float($0) }, one: 1) { $0 * $1 }
            return [TensorData(dtype: .float32, shape: x.shape, doubles: r.map(Double.init))]
        case .float64:
            return [TensorData(dtype: .float64, shape: x.shape, doubles: scan(x.doubles, one: 1) { $0 * $1 })]
        default:
            // wrapping products modulo 2^64, truncated to the element width
            let r = scan(x.int64s.map { UInt64(bitPattern: $0) }, one: 1) { $0 &* $1 }
            return [TensorData(dtype: x.dtype, shape: x.shape, int64s: r.map { Int64(bitPattern: $0) })]
        }
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let g = try geometry(n), x = try n.input(0)
        b.call("kiln_cumprod_\(x.dtype.kernelSuffix)", source: "kiln_cumprod",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(g.outer), .int(g.len), .int(g.inner),
                .int(g.exclusive ? 1 : 0), .int(g.reverse ? 1 : 0)])
        b.allowInPlace(input: 0, output: 0)
    }
}
