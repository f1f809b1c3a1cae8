/// Shared implementation of broadcasting binary operators (Add, Sub, Mul, Div, ...): type checks, shape
/// inference, folding and lowering to the `kiln_binary` kernels.
public enum BinaryElementwise {
    public static func inferSameType(_ n: NodeContext, allowed: Set<DType>, resultType: DType? = nil) throws -> [TensorType] {
        let a = try n.input(0), b = try n.input(1)
        try n.requireSameDType([a, b])
        try n.requireDType(a, allowed)
        guard let s = Broadcast.shape([a.shape, b.shape]) else {
            throw n.error("shapes \(a.shape) and \(b.shape) cannot be broadcast together")
        }
        return [TensorType(resultType ?? a.dtype, s)]
    }

    /// Folds with `f` on Double values (exact for every integer below 2^53 and for floats).
    public static func fold(_ n: NodeContext, _ f: (Double, Double) -> Double) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let out = try n.output(0)
        let maps = Broadcast.indexMaps([a.shape, b.shape], to: out.shape)
        let av = a.doubles, bv = b.doubles
        let values = (0..<out.count).map { f(av[maps[0][$0]], bv[maps[1][$0]]) }
        return [TensorData(dtype: out.dtype, shape: out.shape, doubles: values)]
    }

    /// Folds integer tensors with `f` on Int64 values (wrapping arithmetic, as the kernels do).
    public static func foldIntegers(_ n: NodeContext, _ f: (Int64, Int64) -> Int64) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let out = try n.output(0)
        let maps = Broadcast.indexMaps([a.shape, b.shape], to: out.shape)
        let av = a.int64s, bv = b.int64s
        let values = (0..<out.count).map { f(av[maps[0][$0]], bv[maps[1][$0]]) }
        return [TensorData(dtype: out.dtype, shape: out.shape, int64s: values)]
    }

    /// Emits `kiln_<name>_<dtype>(a, b, y, rank, shape, sa, sb)` from `kiln_binary` (or `source`).
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, kernel name: String,
                             source: String = "kiln_binary", dtype: DType? = nil) throws {
        let x = try n.input(0), z = try n.input(1), y = try n.output(0)
        let strides = [Broadcast.strides(of: x.shape, as: y.shape), Broadcast.strides(of: z.shape, as: y.shape)]
        let c = Broadcast.collapse(shape: y.shape, strides: strides)
        b.call("kiln_\(name)_\((dtype ?? x.dtype).kernelSuffix)", source: source,
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(c.shape.count), .ints(c.shape), .ints(c.strides[0]), .ints(c.strides[1])],
               macs: 0)
        if x.shape == y.shape { b.allowInPlace(input: 0, output: 0) }
        if z.shape == y.shape && x.dtype == y.dtype { b.allowInPlace(input: 1, output: 0) }
    }

    public static let numeric: Set<DType> = [.float32, .float64, .int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64]
}
