/// Gather: picks slices of `data` along `axis` by `indices` (int32/int64, negative ones count from the end).
/// Output shape is data[:axis] + indices.shape + data[axis+1:]. Indices may be computed at run time: the kernel
/// wraps negatives and writes zeros for indices still out of range (never reads out of bounds).
public enum Gather: Operator {
    public static let opType = "Gather"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), i = try n.input(1)
        try n.requireDType(i, [.int32, .int64], "indices")
        guard x.rank > 0 else { throw n.error("data must have at least one dim") }
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        return [TensorType(x.dtype, Array(x.shape[..<a]) + i.shape + Array(x.shape[(a + 1)...]))]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0), let idx = n.constant(1) else { return nil }
        let a = try n.axis(try n.int("axis", default: 0), rank: x.shape.count)
        let outer = DataMovement.product(x.shape, 0..<a), dim = x.shape[a]
        let row = DataMovement.product(x.shape, (a + 1)..<x.shape.count) * x.dtype.size
        var out = [UInt8]()
        let indices = idx.int64s
        for o in 0..<outer {
            for v in indices {
                var k = v
                if k < 0 { k += Int64(dim) }
                guard k >= 0 && k < Int64(dim) else { throw n.error("index \(v) is out of range for dim \(dim)") }
                let start = (o * dim + Int(k)) * row
                out.append(contentsOf: x.bytes[start..<start + row])
            }
        }
        let y = try n.output(0)
        return [TensorData(dtype: y.dtype, shape: y.shape, bytes: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), i = try n.input(1)
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        b.call("kiln_gather_\(i.dtype.kernelSuffix)", source: "kiln_gather",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(DataMovement.product(x.shape, 0..<a)), .int(x.shape[a]), .int(i.count),
                .int(DataMovement.product(x.shape, (a + 1)..<x.rank) * x.dtype.size)])
    }
}
