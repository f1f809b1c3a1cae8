/// Transpose: permutes dims by `perm` (reversed by default). Lowered to a strided copy after merging dims that
/// stay adjacent, so e.g. NCHW→NHWC is a 3-D loop.
public enum Transpose: Operator {
    public static let opType = "Transpose"

    static func perm(_ n: NodeContext, rank: Int) throws -> [Int] {
        guard let p = try n.ints("perm") else { return Array((0..<rank).reversed()) }
        guard p.count == rank, Set(p) == Set(0..<rank) else { throw n.error("perm \(p) is not a permutation of 0..<\(rank)") }
        return p
    }

    static func map(_ n: NodeContext) throws -> IndexMap {
        let x = try n.input(0)
        let p = try perm(n, rank: x.rank)
        let s = DataMovement.strides(x.shape)
        return IndexMap(shape: p.map { x.shape[$0] }, strides: p.map { s[$0] })
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        return [TensorType(x.dtype, try perm(n, rank: x.rank).map { x.shape[$0] })]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [try map(n).apply(x, outShape: try n.output(0).shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try map(n).lower(n, &b, input: try n.inputID(0), output: try n.outputID(0), dtype: try n.input(0).dtype)
    }
}
