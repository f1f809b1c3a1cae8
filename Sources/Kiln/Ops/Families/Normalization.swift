/// Helpers shared by the normalization operators (BatchNormalization, InstanceNormalization, LayerNormalization,
/// GroupNormalization, RMSNormalization, ...), lowered to the `kiln_norm` kernels.
public enum Normalization {
    public static let floats: Set<DType> = [.float32, .float64, .float16, .bfloat16]

    /// A per-element parameter (scale, bias) for the trailing `shape` of the input: the input itself when its
    /// shape already matches (leading unit dims ignored), else a compile-time broadcast copy when it is constant.
    public static func parameter(_ n: NodeContext, _ b: inout LoweringBuilder, _ i: Int, to shape: [Int],
                                 what: String) throws -> KernelArg {
        let t = try n.input(i)
        var s = t.shape
        while s.count > shape.count, s.first == 1 { s.removeFirst() }
        var target = shape
        while target.count > s.count, target.first == 1 { target.removeFirst() }
        if s == target || t.count == shape.reduce(1, *) && s.count <= shape.count && s == Array(shape.suffix(s.count)) {
            return .input(try n.inputID(i))
        }
        guard let c = n.constant(i) else {
            throw n.unsupported("\(what) of shape \(t.shape) must match \(shape) unless it is a constant")
        }
        let count = shape.reduce(1, *)
        let map = Broadcast.indexMaps([c.shape], to: shape)[0]
        let v = c.doubles
        let expanded = TensorData(dtype: c.dtype, shape: shape, doubles: (0..<count).map { v[map[$0]] })
        return .input(b.constant(expanded, name: "\(n.name)_\(what)"))
    }

    /// Checks that `t` can be broadcast (unidirectionally) to `shape`.
    public static func requireBroadcastable(_ n: NodeContext, _ t: TensorType, to shape: [Int], what: String) throws {
        guard t.rank <= shape.count, Broadcast.shape([t.shape, shape]) == shape else {
            throw n.error("\(what) of shape \(t.shape) cannot be broadcast to \(shape)")
        }
    }

    /// float32 for stash_type 1, else the input type (the type of LayerNormalization's Mean/InvStdDev outputs).
    public static func stashType(_ n: NodeContext, _ x: DType) throws -> DType {
        let s = try n.int("stash_type", default: 1)
        guard let t = DType(rawValue: s), floats.contains(t) else { throw n.error("stash_type \(s) is not a float type") }
        return t
    }
}
