/// Compress: keeps the slices along `axis` (or the elements of the flattened input when there is no axis) whose
/// `condition` entry is true. The condition must be known at compile time (the output shape depends on it);
/// lowered to a table-driven copy.
public enum Compress: Operator {
    public static let opType = "Compress"

    /// The (possibly flattened) input shape, the axis, and the kept coordinates.
    static func plan(_ n: NodeContext, _ x: TensorType) throws -> (shape: [Int], axis: Int, kept: [Int]) {
        let c = try n.requireConstant(1, "condition")
        guard c.shape.count == 1 else { throw n.error("condition must be 1-D") }
        var shape = x.shape, axis = 0
        if let a = try n.int("axis") {
            guard x.rank >= 1 else { throw n.error("input must have rank >= 1 when axis is given") }
            axis = try n.axis(a, rank: x.rank)
        } else { shape = [x.count] }
        let dim = shape[axis]
        var kept: [Int] = []
        for i in 0..<c.count where c.int64(at: i) != 0 {
            guard i < dim else { throw n.error("condition selects index \(i), beyond dim \(dim)") }
            kept.append(i)
        }
        return (shape, axis, kept)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        var (shape, axis, kept) = try plan(n, x)
        shape[axis] = kept.count
        return [TensorType(x.dtype, shape)]
    }

    static func map(_ n: NodeContext, _ x: TensorType) throws -> IndexMap {
        let (shape, axis, kept) = try plan(n, x)
        let st = DataMovement.strides(shape)
        var out = shape
        out[axis] = kept.count
        return IndexMap(shape: out, tables: out.indices.map { d in
            d == axis ? kept.map { $0 * st[d] } : (0..<out[d]).map { $0 * st[d] }
        })
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [try map(n, x.type).apply(x, outShape: try n.output(0).shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        try map(n, x).lower(n, &b, input: try n.inputID(0), output: try n.outputID(0), dtype: x.dtype)
    }
}
