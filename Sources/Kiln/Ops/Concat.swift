/// Concat: joins inputs along `axis` (negative counts from the end; default 1 in opset 1). Each input is one
/// block copy into its band of the output (a single memcpy when the band is contiguous).
public enum Concat: Operator {
    public static let opType = "Concat"

    static func axis(_ n: NodeContext, rank: Int) throws -> Int {
        let a: Int
        if let v = try n.int("axis") { a = v } else if n.opset < 4 { a = 1 } else { throw n.error("missing 'axis' attribute") }
        guard rank > 0 else { throw n.error("cannot concatenate scalars") }
        return try n.axis(a, rank: rank)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        guard n.inputCount > 0 else { throw n.error("has no inputs") }
        let types = try (0..<n.inputCount).map { try n.input($0) }
        try n.requireSameDType(types)
        let first = types[0]
        let a = try axis(n, rank: first.rank)
        var shape = first.shape
        shape[a] = 0
        for t in types {
            guard t.rank == first.rank else { throw n.error("inputs have different ranks \(first.shape) and \(t.shape)") }
            for d in 0..<t.rank where d != a && t.shape[d] != first.shape[d] {
                throw n.error("input shapes \(first.shape) and \(t.shape) differ outside axis \(a)")
            }
            shape[a] += t.shape[a]
        }
        return [TensorType(first.dtype, shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let inputs = n.constantInputs else { return nil }
        let y = try n.output(0)
        let a = try axis(n, rank: y.rank)
        let outer = DataMovement.product(y.shape, 0..<a)
        let es = y.dtype.size
        var out = [UInt8]()
        out.reserveCapacity(y.bytes)
        for o in 0..<outer {
            for case let x? in inputs {
                let row = x.count / Swift.max(outer, 1) * es
                out.append(contentsOf: x.bytes[o * row..<(o + 1) * row])
            }
        }
        return [TensorData(dtype: y.dtype, shape: y.shape, bytes: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let y = try n.output(0)
        let a = try axis(n, rank: y.rank)
        let outer = DataMovement.product(y.shape, 0..<a)
        let inner = DataMovement.product(y.shape, (a + 1)..<y.rank) * y.dtype.size
        let yRow = y.shape[a] * inner
        var offset = 0
        for i in 0..<n.inputCount {
            let x = try n.input(i)
            let row = x.shape[a] * inner
            if row > 0 && outer > 0 {
                b.call("kiln_copy_block", source: "kiln_copy_block",
                       [.input(try n.inputID(i)), .int(0), .int(row), .output(try n.outputID(0)), .int(offset), .int(yRow),
                        .int(outer), .int(row)])
            }
            offset += row
        }
    }
}
