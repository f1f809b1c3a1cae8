/// Tile: repeats the input `repeats[d]` times along each dim (a compile-time input; opset 1 takes a scalar
/// `tiles` count and an `axis` instead). Lowered to a table-driven copy (strided when nothing repeats).
public enum Tile: Operator {
    public static let opType = "Tile"

    static func repeats(_ n: NodeContext, rank: Int) throws -> [Int] {
        if n.opset < 6 {
            let tiles = try n.requireConstant(1, "tiles"), axis = try n.requireConstant(2, "axis")
            guard tiles.count == 1, axis.count == 1 else { throw n.error("tiles and axis must be scalars") }
            guard rank >= 1 else { throw n.error("Tile-1 needs an input of rank 1 or more (it repeats along an axis)") }
            var r = [Int](repeating: 1, count: rank)
            r[try n.axis(Int(axis.int64(at: 0)), rank: rank)] = Int(tiles.int64(at: 0))
            return r
        }
        let r = try DataMovement.intList(try n.requireConstant(1, "repeats"), n, "repeats")
        guard r.count == rank else { throw n.error("repeats \(r) must have one value per dim of the rank-\(rank) input") }
        return r
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let r = try repeats(n, rank: x.rank)
        guard r.allSatisfy({ $0 >= 0 }) else { throw n.error("repeats \(r) has a negative value") }
        var shape: [Int] = []
        for (d, k) in r.enumerated() {
            let (p, o) = x.shape[d].multipliedReportingOverflow(by: k)
            guard !o else { throw n.error("tiled shape is too large") }
            shape.append(p)
        }
        return [TensorType(x.dtype, shape)]
    }

    static func map(_ x: TensorType, _ out: [Int]) -> IndexMap {
        let s = DataMovement.strides(x.shape)
        return IndexMap(shape: out, tables: out.indices.map { d in (0..<out[d]).map { ($0 % x.shape[d]) * s[d] } })
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let y = try n.output(0)
        return [map(x.type, y.shape).apply(x, outShape: y.shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        try map(x, y.shape).lower(n, &b, input: try n.inputID(0), output: try n.outputID(0), dtype: x.dtype)
    }
}
