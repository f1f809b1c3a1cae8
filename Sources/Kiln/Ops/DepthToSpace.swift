/// DepthToSpace: moves blocks of channels into blocksize x blocksize spatial blocks of a 4-D NCHW tensor. Mode DCR
/// (default) takes depth, then column, then row; CRD column, row, depth (opset 11). It is a reshape-transpose-
/// reshape, lowered to a strided copy.
public enum DepthToSpace: Operator {
    public static let opType = "DepthToSpace"

    static func params(_ n: NodeContext, _ x: TensorType) throws -> (bs: Int, crd: Bool) {
        guard x.rank == 4 else { throw n.error("input must be 4-D, it is \(x)") }
        guard let bs = try n.int("blocksize"), bs >= 1, bs <= 1 << 15 else { throw n.error("blocksize must be a positive integer") }
        let mode = n.opset >= 11 ? try n.string("mode", default: "DCR") : "DCR"
        guard mode == "DCR" || mode == "CRD" else { throw n.error("unknown mode '\(KilnError.printable(mode))'") }
        guard x.shape[1] % (bs * bs) == 0 else { throw n.error("channels \(x.shape[1]) are not a multiple of blocksize² \(bs * bs)") }
        return (bs, mode == "CRD")
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let p = try params(n, x)
        let s = x.shape
        return [TensorType(x.dtype, [s[0], s[1] / (p.bs * p.bs), s[2] * p.bs, s[3] * p.bs])]
    }

    /// The 6-D view: DCR reshapes to [b, bs, bs, c', h, w] and permutes [0, 3, 4, 1, 5, 2]; CRD reshapes to
    /// [b, c', bs, bs, h, w] and permutes [0, 1, 4, 2, 5, 3].
    static func map(_ n: NodeContext, _ x: TensorType) throws -> IndexMap {
        let p = try params(n, x)
        let s = x.shape, c = s[1] / (p.bs * p.bs)
        let view = p.crd ? [s[0], c, p.bs, p.bs, s[2], s[3]] : [s[0], p.bs, p.bs, c, s[2], s[3]]
        let perm = p.crd ? [0, 1, 4, 2, 5, 3] : [0, 3, 4, 1, 5, 2]
        let st = DataMovement.strides(view)
        return IndexMap(shape: perm.map { view[$0] }, strides: perm.map { st[$0] })
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
