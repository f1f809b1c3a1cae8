/// Views a tensor as [outer, n, inner] around one axis, as the softmax-like and arg-reduction kernels take it.
public enum AxisSplit {
    public static func split(_ shape: [Int], axis: Int) -> (outer: Int, n: Int, inner: Int) {
        let outer = shape[..<axis].reduce(1, *)
        let n = axis < shape.count ? shape[axis] : 1
        let inner = axis + 1 < shape.count ? shape[(axis + 1)...].reduce(1, *) : 1
        return (outer, n, inner)
    }

    /// Softmax, LogSoftmax and Hardmax: before opset 13 the input is coerced to 2-D at `axis` (default 1) and the
    /// op runs over the flattened second dim; since 13 it runs over the single `axis` (default -1).
    public static func softmaxLike(_ n: NodeContext, kernel: String) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.float32, .float64, .float16, .bfloat16])
        _ = try softmaxSplit(n)
        return [x]
    }

    static func softmaxSplit(_ n: NodeContext) throws -> (outer: Int, n: Int, inner: Int) {
        let x = try n.input(0)
        if n.opset < 13 {
            let a = try n.int("axis", default: 1)
            let r = a < 0 ? a + x.rank : a
            guard r >= 0 && r <= x.rank else { throw n.error("axis \(a) is out of range for rank \(x.rank)") }
            return (x.shape[..<r].reduce(1, *), x.shape[r...].reduce(1, *), 1)
        }
        if x.rank == 0 { return (1, 1, 1) }
        let a = try n.axis(try n.int("axis", default: -1), rank: x.rank)
        return split(x.shape, axis: a)
    }

    public static func lowerSoftmaxLike(_ n: NodeContext, _ b: inout LoweringBuilder, kernel: String) throws {
        let x = try n.input(0)
        if x.count == 0 { return }
        let s = try softmaxSplit(n)
        b.call("kiln_\(kernel)_\(x.dtype.kernelSuffix)", source: "kiln_softmax",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(s.outer), .int(s.n), .int(s.inner)],
               macs: x.count)
        b.allowInPlace(input: 0, output: 0)
    }

    // MARK: ArgMax / ArgMin

    static func argAxis(_ n: NodeContext) throws -> (axis: Int, keep: Bool, last: Bool) {
        let x = try n.input(0)
        guard x.rank >= 1 else { throw n.error("input must have rank >= 1") }
        let a = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        let keep = try n.int("keepdims", default: 1) != 0
        let last = try n.int("select_last_index", default: 0) != 0
        return (a, keep, last)
    }

    public static func inferArg(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Reduction.numeric)
        let p = try argAxis(n)
        guard x.shape[p.axis] > 0 else { throw n.error("cannot take the arg max/min of an empty axis") }
        var out = x.shape
        if p.keep { out[p.axis] = 1 } else { out.remove(at: p.axis) }
        return [TensorType(.int64, out)]
    }

    public static func foldArg(_ n: NodeContext, max isMax: Bool) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let p = try argAxis(n)
        let s = split(x.shape, axis: p.axis)
        let v = x.doubles
        var out: [Int64] = []
        for o in 0..<s.outer {
            for i in 0..<s.inner {
                var bi = 0
                var best = v[o * s.n * s.inner + i]
                for k in 1..<Swift.max(s.n, 1) where !best.isNaN {
                    let c = v[(o * s.n + k) * s.inner + i]
                    if (isMax ? c > best : c < best) || c.isNaN || (p.last && c == best) { best = c; bi = k }
                }
                out.append(Int64(bi))
            }
        }
        let y = try n.output(0)
        return [TensorData(dtype: .int64, shape: y.shape, int64s: out)]
    }

    public static func lowerArg(_ n: NodeContext, _ b: inout LoweringBuilder, kernel: String) throws {
        let x = try n.input(0)
        let p = try argAxis(n)
        let s = split(x.shape, axis: p.axis)
        if s.outer * s.inner == 0 { return }
        b.call("kiln_\(kernel)_\(x.dtype.kernelSuffix)", source: "kiln_argmax",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(s.outer), .int(s.n), .int(s.inner),
                .int(p.last ? 1 : 0)], macs: x.count)
    }
}
