import Foundation

/// Shared implementation of the Reduce* operators (and of global pooling, which reduces the spatial dims):
/// axes (attribute, or input in newer opsets), keepdims, noop_with_empty_axes, folding, and lowering to the
/// `kiln_reduce` kernels.
public enum Reduction {
    public enum Kind: String {
        case sum, mean, max, min, prod, l1, l2, logsum, logsumexp, sumsquare
    }

    public struct Plan {
        /// Normalized, sorted reduced axes (empty with `noop`).
        public var axes: [Int]
        public var keepDims: Bool
        /// noop_with_empty_axes with empty axes: the output is the input.
        public var noop: Bool
        public var output: [Int]
    }

    /// Types each kind accepts. Bool is only meaningful for max/min (opset 20).
    static func allowed(_ kind: Kind) -> Set<DType> {
        switch kind {
        case .l2, .logsum, .logsumexp: return [.float32, .float64, .float16, .bfloat16]
        case .max, .min: return numeric.union([.bool])
        default: return numeric
        }
    }
    static let numeric: Set<DType> = [.float32, .float64, .float16, .bfloat16, .int8, .int16, .int32, .int64,
                                      .uint8, .uint16, .uint32, .uint64]

    /// Reads axes from the attribute (opset < `axesInputSince`) or the optional second input.
    public static func plan(_ n: NodeContext, axesInputSince: Int) throws -> Plan {
        let x = try n.input(0)
        var axes: [Int]
        let axesFromInput = n.opset >= axesInputSince
        if axesFromInput {
            if n.hasInput(1) {
                let a = try n.requireConstant(1, "axes")
                guard a.dtype == .int64 || a.dtype == .int32, a.shape.count <= 1 else {
                    throw n.error("axes must be a 1-D int64 tensor")
                }
                axes = a.ints
            } else { axes = [] }
        } else {
            axes = try n.ints("axes") ?? []
        }
        let keep = try n.int("keepdims", default: 1) != 0
        let noopFlag = try axesFromInput && n.int("noop_with_empty_axes", default: 0) != 0
        if axes.isEmpty {
            if noopFlag { return Plan(axes: [], keepDims: keep, noop: true, output: x.shape) }
            axes = Array(0..<x.rank)
        }
        var norm: [Int] = []
        for a in axes {
            let r = try n.axis(a, rank: x.rank, what: "axis")
            guard !norm.contains(r) else { throw n.error("axis \(a) is listed twice") }
            norm.append(r)
        }
        norm.sort()
        var out: [Int] = []
        for (d, s) in x.shape.enumerated() {
            if norm.contains(d) { if keep { out.append(1) } } else { out.append(s) }
        }
        return Plan(axes: norm, keepDims: keep, noop: false, output: out)
    }

    public static func infer(_ n: NodeContext, _ kind: Kind, axesInputSince: Int) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, allowed(kind))
        let p = try plan(n, axesInputSince: axesInputSince)
        return [TensorType(x.dtype, p.output)]
    }

    /// Kept and reduced dim groups of a row-major tensor: size-1 dims dropped, adjacent dims of the same kind merged.
    public static func groups(shape: [Int], reduced: [Int]) -> (ks: [Int], kst: [Int], rs: [Int], rst: [Int]) {
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) { strides[d] = s; s *= shape[d] }
        var ks: [Int] = [], kst: [Int] = [], rs: [Int] = [], rst: [Int] = []
        var lastKind: Bool? = nil
        for d in 0..<shape.count where shape[d] != 1 {
            let r = reduced.contains(d)
            if lastKind == r {
                if r { rs[rs.count - 1] *= shape[d]; rst[rst.count - 1] = strides[d] } else {
                    ks[ks.count - 1] *= shape[d]; kst[kst.count - 1] = strides[d]
                }
            } else if r { rs.append(shape[d]); rst.append(strides[d]) } else { ks.append(shape[d]); kst.append(strides[d]) }
            lastKind = r
        }
        return (ks, kst, rs, rst)
    }

    /// Emits `kiln_reduce_<kind>_<dtype>` reducing `axes` of input 0 into output 0.
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, _ kind: Kind, axes: [Int]) throws {
        let x = try n.input(0), y = try n.output(0)
        if y.count == 0 { return }
        let g = groups(shape: x.shape, reduced: axes)
        guard g.ks.count <= 8, g.rs.count <= 8 else { throw n.unsupported("reduction over too many separate dims") }
        b.call("kiln_reduce_\(kind.rawValue)_\(x.dtype.kernelSuffix)", source: "kiln_reduce",
               [.input(try n.inputID(0)), .output(try n.outputID(0)),
                .int(g.ks.count), .ints(g.ks), .ints(g.kst), .int(g.rs.count), .ints(g.rs), .ints(g.rst)],
               macs: x.count)
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, _ kind: Kind, axesInputSince: Int) throws {
        let p = try plan(n, axesInputSince: axesInputSince)
        if p.noop {
            let x = try n.input(0)
            if x.count > 0 {
                b.call("kiln_copy", source: "kiln_copy", [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.bytes)])
            }
            return
        }
        try lower(n, &b, kind, axes: p.axes)
    }

    /// Compile-time evaluation on Doubles (exact for the small integer tensors of shape computations).
    public static func fold(_ n: NodeContext, _ kind: Kind, axesInputSince: Int) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let p = try plan(n, axesInputSince: axesInputSince)
        let y = try n.output(0)
        if p.noop { return [x] }
        let values = reduce(x.doubles, shape: x.shape, axes: p.axes, kind, integer: !x.dtype.isFloat, bool: x.dtype == .bool)
        return [TensorData(dtype: x.dtype, shape: y.shape, doubles: values)]
    }

    /// Reference reduction in the kernels' order (row-major over the reduced dims for each output).
    static func reduce(_ v: [Double], shape: [Int], axes: [Int], _ kind: Kind, integer: Bool, bool: Bool) -> [Double] {
        let g = groups(shape: shape, reduced: axes)
        let nout = g.ks.reduce(1, *), rcount = g.rs.reduce(1, *)
        var out: [Double] = []
        out.reserveCapacity(nout)
        func offsets(_ sizes: [Int], _ strides: [Int]) -> [Int] {
            var offs = [0]
            for (s, st) in zip(sizes, strides) {
                var next: [Int] = []
                for o in offs { for i in 0..<s { next.append(o + i * st) } }
                offs = next
            }
            return offs
        }
        let kOffs = offsets(g.ks, g.kst), rOffs = offsets(g.rs, g.rst)
        for base in kOffs.prefix(nout) {
            let vals = rOffs.prefix(rcount).map { v[base + $0] }
            var r: Double
            switch kind {
            case .sum: r = vals.reduce(0, +)
            case .mean: r = vals.isEmpty ? (integer ? 0 : .nan) : vals.reduce(0, +) / Double(vals.count)
            case .max: r = vals.reduce(bool ? 0 : -.infinity) { ($1 > $0 || $1.isNaN) ? $1 : $0 }
            case .min: r = vals.reduce(bool ? 1 : .infinity) { ($1 < $0 || $1.isNaN) ? $1 : $0 }
            case .prod: r = vals.reduce(1, *)
            case .l1: r = vals.reduce(0) { $0 + abs($1) }
            case .sumsquare: r = vals.reduce(0) { $0 + $1 * $1 }
            case .l2: r = vals.reduce(0) { $0 + $1 * $1 }.squareRoot()
            case .logsum: r = Foundation.log(vals.reduce(0, +))
            case .logsumexp:
                let m = vals.reduce(-Double.infinity) { ($1 > $0 || $1.isNaN) ? $1 : $0 }
                r = (m.isNaN || m.isInfinite) ? m : m + Foundation.log(vals.reduce(0) { $0 + Foundation.exp($1 - m) })
            }
            if integer && kind == .mean { r = r.rounded(.towardZero) }
            out.append(r)
        }
        return out
    }
}
