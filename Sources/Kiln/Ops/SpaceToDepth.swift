/// SpaceToDepth: the inverse of DepthToSpace: blocksize x blocksize spatial blocks of a 4-D NCHW tensor become
/// channels, in DCR order (default) or CRD order (`mode`, opset 28). Lowered to a strided copy.
public enum SpaceToDepth: Operator {
    public static let opType = "SpaceToDepth"

    static func params(_ n: NodeContext, _ x: TensorType) throws -> (bs: Int, crd: Bool) {
        guard x.rank == 4 else { throw n.error("input must be 4-D, it is \(x)") }
        guard let bs = try n.int("blocksize"), bs >= 1, bs <= 1 << 15 else { throw n.error("blocksize must be a positive integer") }
        let mode = n.opset >= 28 ? try n.string("mode", default: "DCR") : "DCR"
        guard mode == "DCR" || mode == "CRD" else { throw n.error("unknown mode '\(KilnError.printable(mode))'") }
        guard x.shape[2] % bs == 0, x.shape[3] % bs == 0 else { throw n.error("spatial dims of \(x.shape) are not multiples of \(bs)") }
        return (bs, mode == "CRD")
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let p = try params(n, x)
        let s = x.shape
        return [TensorType(x.dtype, [s[0], s[1] * p.bs * p.bs, s[2] / p.bs, s[3] / p.bs])]
    }

    /// Reshape to [b, c, h', bs, w', bs], permute [0, 3, 5, 1, 2, 4] (DCR) or [0, 1, 3, 5, 2, 4] (CRD).
    static func map(_ n: NodeContext, _ x: TensorType) throws -> IndexMap {
        let p = try params(n, x)
        let s = x.shape
        let view = [s[0], s[1], s[2] / p.bs, p.bs, s[3] / p.bs, p.bs]
        let perm = p.crd ? [0, 1, 3, 5, 2, 4] : [0, 3, 5, 1, 2, 4]
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
