/// CumSum: running sums along `axis` (a compile-time scalar input), optionally `exclusive` (each output leaves
/// out its own element) and `reverse` (from the end). Integers wrap; runs in place.
public enum CumSum: Operator {
    public static let opType = "CumSum"
    static let types: Set<DType> = [.float32, .float64, .float16, .bfloat16, .int32, .int64, .uint32, .uint64]

    static func axis(_ n: NodeContext, rank: Int) throws -> Int {
        let a = try n.requireConstant(1, "axis")
        guard a.count == 1, a.dtype == .int32 || a.dtype == .int64 else { throw n.error("axis must be an int32/int64 scalar") }
        return try n.axis(Int(a.int64(at: 0)), rank: rank)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, types)
        guard x.rank >= 1 else { throw n.error("input must have at least one dim") }
        _ = try axis(n, rank: x.rank)
        return [x]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let a = try axis(n, rank: x.rank)
        b.call("kiln_cumsum_\(x.dtype.kernelSuffix)", source: "kiln_cumsum",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(DataMovement.product(x.shape, 0..<a)),
                .int(x.shape[a]), .int(DataMovement.product(x.shape, (a + 1)..<x.rank)),
                .int(try n.int("exclusive", default: 0) != 0 ? 1 : 0), .int(try n.int("reverse", default: 0) != 0 ? 1 : 0)])
        b.allowInPlace(input: 0, output: 0)
    }
}
