/// CenterCropPad: crops or zero-pads each listed axis (`axes`, all by default) to the size in `shape` (a
/// compile-time input), keeping the content centered (an odd difference puts the extra element at the end).
/// Lowered to a table-driven copy.
public enum CenterCropPad: Operator {
    public static let opType = "CenterCropPad"

    static func sizes(_ n: NodeContext, _ x: TensorType) throws -> [Int] {
        let s = try DataMovement.intList(try n.requireConstant(1, "shape"), n, "shape")
        let axes = try DataMovement.normalizeAxes(try n.ints("axes") ?? Array(0..<x.rank), rank: x.rank, n)
        guard s.count == axes.count else { throw n.error("shape \(s) must have one size per axis \(axes)") }
        var out = x.shape
        for (i, a) in axes.enumerated() {
            guard s[i] >= 0 else { throw n.error("shape \(s) has a negative size") }
            out[a] = s[i]
        }
        return out
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        return [TensorType(x.dtype, try sizes(n, x))]
    }

    static func map(_ x: TensorType, _ out: [Int]) -> IndexMap {
        let st = DataMovement.strides(x.shape)
        var tables: [[Int]] = []
        for d in out.indices {
            let i = x.shape[d], o = out[d]
            let crop = i > o ? (i - o) / 2 : 0, pad = o > i ? (o - i) / 2 : 0
            tables.append((0..<o).map { c in
                let src = c - pad + crop
                return (c < pad || c - pad >= i || src >= i) ? IndexMap.fill : src * st[d]
            })
        }
        return IndexMap(shape: out, tables: tables)
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
