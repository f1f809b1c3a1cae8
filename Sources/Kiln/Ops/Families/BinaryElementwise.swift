/// Shared implementation of broadcasting binary operators (Add, Sub, Mul, Div, comparisons, logic, Pow, Mod...):
/// type checks, shape inference (NumPy broadcasting, and the opset < 7 `broadcast`/`axis` attributes), folding
/// and lowering to the broadcasting kernels of `kiln_broadcast.h`.
public enum BinaryElementwise {
    public static let floats: Set<DType> = [.float32, .float64, .float16, .bfloat16]
    public static let signedInts: Set<DType> = [.int8, .int16, .int32, .int64]
    public static let unsignedInts: Set<DType> = [.uint8, .uint16, .uint32, .uint64]
    public static let ints: Set<DType> = signedInts.union(unsignedInts)
    public static let numeric: Set<DType> = floats.union(ints)
    public static let all: Set<DType> = numeric.union([.bool])

    // MARK: shapes

    /// Shapes of inputs 0 and 1 as NumPy broadcasting should see them. Before opset 7, `broadcast=1` aligned B's
    /// dims with A's starting at `axis` (default: B's dims are A's trailing ones); B is padded with trailing 1s
    /// so that NumPy rules give the same result. Without `broadcast`, old opsets required equal shapes.
    public static func operandShapes(_ n: NodeContext) throws -> [[Int]] {
        let a = try n.input(0).shape, b = try n.input(1).shape
        guard n.opset < 7, try n.int("broadcast", default: 0) != 0 else { return [a, b] }
        guard b.count <= a.count else {
            throw n.error("with broadcast=1, B's rank \(b.count) must not exceed A's rank \(a.count)")
        }
        let axis = try n.int("axis").map { try n.axis($0, rank: a.count) } ?? (a.count - b.count)
        guard axis + b.count <= a.count else { throw n.error("axis \(axis) leaves no room for B's \(b.count) dims") }
        for (i, d) in b.enumerated() where d != 1 && d != a[axis + i] {
            throw n.error("B's shape \(b) does not match A's shape \(a) at axis \(axis)")
        }
        return [a, b + [Int](repeating: 1, count: a.count - axis - b.count)]
    }

    /// Broadcast shape of input 0 and 1 (legacy attributes honoured).
    public static func outputShape(_ n: NodeContext) throws -> [Int] {
        let s = try operandShapes(n)
        guard let out = Broadcast.shape(s) else {
            throw n.error("shapes \(try n.input(0).shape) and \(try n.input(1).shape) cannot be broadcast together")
        }
        return out
    }

    public static func inferSameType(_ n: NodeContext, allowed: Set<DType>, resultType: DType? = nil) throws -> [TensorType] {
        let a = try n.input(0), b = try n.input(1)
        try n.requireSameDType([a, b])
        try n.requireDType(a, allowed)
        return [TensorType(resultType ?? a.dtype, try outputShape(n))]
    }

    // MARK: folding

    /// For each output element, the flat index into each constant input (shapes as the op sees them).
    static func maps(_ shapes: [[Int]], _ out: [Int]) -> [[Int]] { Broadcast.indexMaps(shapes, to: out) }

    /// Folds with `f` on Double values (exact for every integer below 2^53 and for floats).
    public static func fold(_ n: NodeContext, _ f: (Double, Double) -> Double) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let out = try n.output(0)
        let m = maps(try operandShapes(n), out.shape)
        let av = a.doubles, bv = b.doubles
        let values = (0..<out.count).map { f(av[m[0][$0]], bv[m[1][$0]]) }
        return [TensorData(dtype: out.dtype, shape: out.shape, doubles: values)]
    }

    /// Folds integer tensors with `f` on Int64 values (wrapping arithmetic, as the kernels do).
    public static func foldIntegers(_ n: NodeContext, _ f: (Int64, Int64) -> Int64) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let out = try n.output(0)
        let m = maps(try operandShapes(n), out.shape)
        let av = a.int64s, bv = b.int64s
        let values = (0..<out.count).map { f(av[m[0][$0]], bv[m[1][$0]]) }
        return [TensorData(dtype: out.dtype, shape: out.shape, int64s: values)]
    }

    /// Folds any numeric same-type operator: floats on Double, signed integers on Int64, unsigned integers (and
    /// bool) on UInt64. Integer results wrap to the output width.
    public static func foldNumeric(_ n: NodeContext, float: (Double, Double) -> Double,
                                   signed: (Int64, Int64) -> Int64,
                                   unsigned: (UInt64, UInt64) -> UInt64) throws -> [TensorData]? {
        let t = try n.input(0).dtype
        if t.isFloat { return try fold(n, float) }
        if t.isSignedInteger { return try foldIntegers(n, signed) }
        return try foldIntegers(n) { Int64(bitPattern: unsigned(UInt64(bitPattern: $0), UInt64(bitPattern: $1))) }
    }

    /// Folds a comparison to a bool tensor.
    public static func foldCompare(_ n: NodeContext, float: (Double, Double) -> Bool, signed: (Int64, Int64) -> Bool,
                                   unsigned: (UInt64, UInt64) -> Bool) throws -> [TensorData]? {
        guard let a = n.constant(0), let b = n.constant(1) else { return nil }
        let out = try n.output(0)
        let m = maps(try operandShapes(n), out.shape)
        let values: [Int64]
        if a.dtype.isFloat {
            let av = a.doubles, bv = b.doubles
            values = (0..<out.count).map { float(av[m[0][$0]], bv[m[1][$0]]) ? 1 : 0 }
        } else {
            let av = a.int64s, bv = b.int64s
            if a.dtype.isSignedInteger {
                values = (0..<out.count).map { signed(av[m[0][$0]], bv[m[1][$0]]) ? 1 : 0 }
            } else {
                values = (0..<out.count).map {
                    unsigned(UInt64(bitPattern: av[m[0][$0]]), UInt64(bitPattern: bv[m[1][$0]])) ? 1 : 0
                }
            }
        }
        return [TensorData(dtype: .bool, shape: out.shape, int64s: values)]
    }

    // MARK: lowering

    /// Highest rank the broadcasting kernels take (`KILN_MAX_RANK`), after collapsing dims.
    public static let maxRank = 8

    /// Collapsed shape and strides for reading `shapes` as `out`; fails when more than `maxRank` dims remain.
    public static func layout(_ n: NodeContext, _ shapes: [[Int]], _ out: [Int]) throws -> (shape: [Int], strides: [[Int]]) {
        let c = Broadcast.collapse(shape: out, strides: shapes.map { Broadcast.strides(of: $0, as: out) })
        guard c.shape.count <= maxRank else {
            throw n.unsupported("broadcasting \(shapes) to \(out) needs \(c.shape.count) dims; kernels handle \(maxRank)")
        }
        return c
    }

    /// Emits `kiln_<name>_<dtype>(a, b, y, rank, shape, sa, sb)` from `kiln_binary` (or `source`). `function`
    /// overrides the whole symbol name (Pow's `kiln_pow_<base>_<exponent>`).
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, kernel name: String,
                             source: String = "kiln_binary", dtype: DType? = nil, function: String? = nil) throws {
        let x = try n.input(0), z = try n.input(1), y = try n.output(0)
        let shapes = try operandShapes(n)
        let c = try layout(n, shapes, y.shape)
        b.call(function ?? "kiln_\(name)_\((dtype ?? x.dtype).kernelSuffix)", source: source,
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(c.shape.count), .ints(c.shape), .ints(c.strides[0]), .ints(c.strides[1])])
        // In place is safe when the aliased operand is read at the output's own index and its elements are at
        // least as wide as the output's (the loop then never overwrites an element it has yet to read).
        if shapes[0] == y.shape && x.dtype.size >= y.dtype.size { b.allowInPlace(input: 0, output: 0) }
        if shapes[1] == y.shape && z.dtype.size >= y.dtype.size { b.allowInPlace(input: 1, output: 0) }
    }

    // MARK: variadic (Sum, Mean, Max, Min)

    /// Output type of a variadic broadcasting operator (all inputs of one type).
    public static func inferVariadic(_ n: NodeContext, allowed: Set<DType>) throws -> [TensorType] {
        guard n.inputCount >= 1 else { throw n.error("needs at least one input") }
        var types: [TensorType] = []
        for i in 0..<n.inputCount { types.append(try n.input(i)) }
        try n.requireSameDType(types)
        try n.requireDType(types[0], allowed)
        guard let s = Broadcast.shape(types.map(\.shape)) else {
            throw n.error("input shapes \(types.map(\.shape)) cannot be broadcast together")
        }
        return [TensorType(types[0].dtype, s)]
    }

    /// Folds a variadic operator by combining the inputs left to right.
    public static func foldVariadic(_ n: NodeContext, float: (Double, Double) -> Double,
                                    signed: (Int64, Int64) -> Int64,
                                    unsigned: (UInt64, UInt64) -> UInt64,
                                    finish: ((Double) -> Double)? = nil) throws -> [TensorData]? {
        var inputs: [TensorData] = []
        for i in 0..<n.inputCount {
            guard let c = n.constant(i) else { return nil }
            inputs.append(c)
        }
        let out = try n.output(0)
        let m = maps(inputs.map(\.shape), out.shape)
        let t = out.dtype
        if t.isFloat {
            let vs = inputs.map(\.doubles)
            let values = (0..<out.count).map { e -> Double in
                var acc = vs[0][m[0][e]]
                for k in 1..<max(vs.count, 1) { acc = float(acc, vs[k][m[k][e]]) }
                return finish?(acc) ?? acc
            }
            return [TensorData(dtype: t, shape: out.shape, doubles: values)]
        }
        let vs = inputs.map(\.int64s)
        let values = (0..<out.count).map { e -> Int64 in
            var acc = vs[0][m[0][e]]
            for k in 1..<max(vs.count, 1) {
                let v = vs[k][m[k][e]]
                acc = t.isSignedInteger ? signed(acc, v)
                    : Int64(bitPattern: unsigned(UInt64(bitPattern: acc), UInt64(bitPattern: v)))
            }
            return acc
        }
        return [TensorData(dtype: t, shape: out.shape, int64s: values)]
    }

    /// Lowers a variadic operator to a chain of binary kernels: y = in0 op in1, then y = y op in_k. One input is
    /// a copy.
    public static func lowerVariadic(_ n: NodeContext, _ b: inout LoweringBuilder, kernel name: String,
                                     source: String = "kiln_binary") throws {
        let y = try n.output(0), yid = try n.outputID(0)
        let fn = "kiln_\(name)_\(y.dtype.kernelSuffix)"
        let ids = try (0..<n.inputCount).map { try n.inputID($0) }
        let types = try (0..<n.inputCount).map { try n.input($0) }
        if ids.count == 1 {
            b.call("kiln_copy", source: "kiln_copy", [.input(ids[0]), .output(yid), .int(y.bytes)])
            b.allowInPlace(input: 0, output: 0)
            return
        }
        func step(_ a: KernelArg, _ sa: [Int], _ c: KernelArg, _ sc: [Int]) throws {
            let l = try layout(n, [sa, sc], y.shape)
            b.call(fn, source: source, [a, c, .output(yid), .int(l.shape.count), .ints(l.shape),
                                        .ints(l.strides[0]), .ints(l.strides[1])])
        }
        try step(.input(ids[0]), types[0].shape, .input(ids[1]), types[1].shape)
        for k in 2..<ids.count { try step(.input(yid), y.shape, .input(ids[k]), types[k].shape) }
        // Later steps read inputs 2... after y is written: only alias y with an input nothing else reads.
        for k in 0..<min(2, ids.count) where types[k].shape == y.shape && !ids[2...].contains(ids[k]) {
            b.allowInPlace(input: k, output: 0)
        }
    }
}
