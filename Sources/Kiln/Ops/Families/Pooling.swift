/// Shared implementation of MaxPool, AveragePool and LpPool over 1-D, 2-D and 3-D spatial dims, lowered to the
/// `kiln_pool` kernels (which take everything as 3-D with leading unit dims).
public enum Pooling {
    public enum Kind { case max, average, lp }

    struct Geometry {
        var filter: SpatialFilter
        var x: TensorType
        var out: [Int]
    }

    static let floats: Set<DType> = [.float32, .float64, .float16, .bfloat16]

    static func geometry(_ n: NodeContext, _ kind: Kind) throws -> Geometry {
        let x = try n.input(0)
        try n.requireDType(x, kind == .max && n.opset >= 12 ? floats.union([.int8, .uint8]) : floats)
        guard x.rank >= 3 else { throw n.error("input must be N x C x spatial dims, got rank \(x.rank)") }
        guard x.rank <= 5 else { throw n.unsupported("\(x.rank - 2)-D pooling is not supported") }
        guard let ks = try n.ints("kernel_shape") else { throw n.error("kernel_shape is required") }
        guard ks.count == x.rank - 2 else { throw n.error("kernel_shape \(ks) does not match input rank \(x.rank)") }
        var f = try SpatialFilter(n, kernel: ks)
        let ceil = try n.int("ceil_mode", default: 0) != 0
        let out = try f.outputSize(Array(x.shape[2...]), ceilMode: ceil, n)
        guard out.allSatisfy({ $0 >= 0 }) else { throw n.error("negative output size \(out)") }
        return Geometry(filter: f, x: x, out: out)
    }

    public static func infer(_ n: NodeContext, _ kind: Kind) throws -> [TensorType] {
        let g = try geometry(n, kind)
        let y = TensorType(g.x.dtype, [g.x.shape[0], g.x.shape[1]] + g.out)
        if kind == .max && n.outputCount > 1 { return [y, TensorType(.int64, y.shape)] }
        return [y]
    }

    /// The `kiln_pool` parameter table (see KILN_PL_* in kiln_pool.h).
    static func params(_ g: Geometry, flag: Int) -> [Int] {
        let r = g.filter.rank, pad = 3 - r
        func three(_ v: [Int], _ fill: Int) -> [Int] { [Int](repeating: fill, count: pad) + v }
        return [g.x.shape[0] * g.x.shape[1]] + three(Array(g.x.shape[2...]), 1) + three(g.out, 1)
            + three(g.filter.kernel, 1) + three(g.filter.strides, 1) + three(g.filter.dilations, 1)
            + three(g.filter.padBegin, 0) + three(g.filter.padEnd, 0) + [flag]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, _ kind: Kind) throws {
        let g = try geometry(n, kind)
        let y = try n.output(0)
        if y.count == 0 { return }
        let sfx = g.x.dtype.kernelSuffix
        let window = g.filter.kernel.reduce(1, &*)
        switch kind {
        case .max:
            let order = try n.int("storage_order", default: 0)
            guard order == 0 || order == 1 else { throw n.error("storage_order must be 0 or 1") }
            let ind: KernelArg = n.hasOutput(1) ? .output(try n.outputID(1)) : .null
            b.call("kiln_maxpool_\(sfx)", source: "kiln_pool",
                   [.input(try n.inputID(0)), .output(try n.outputID(0)), ind, .ints(params(g, flag: order))],
                   macs: y.count &* window)
        case .average:
            let incl = try n.int("count_include_pad", default: 0)
            b.call("kiln_avgpool_\(sfx)", source: "kiln_pool",
                   [.input(try n.inputID(0)), .output(try n.outputID(0)), .ints(params(g, flag: incl != 0 ? 1 : 0))],
                   macs: y.count &* window)
        case .lp:
            let p: Float
            if n.opset < 2 { p = try n.float("p", default: 2) } else { p = Float(try n.int("p", default: 2)) }
            guard p > 0 else { throw n.error("p must be positive") }
            b.call("kiln_lppool_\(sfx)", source: "kiln_pool",
                   [.input(try n.inputID(0)), .output(try n.outputID(0)), .ints(params(g, flag: 0)), .float(p)],
                   macs: y.count &* window)
        }
    }

    // MARK: global pooling

    public static func inferGlobal(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, floats)
        guard x.rank >= 3 else { throw n.error("input must be N x C x spatial dims, got rank \(x.rank)") }
        return [TensorType(x.dtype, [x.shape[0], x.shape[1]] + [Int](repeating: 1, count: x.rank - 2))]
    }

    public static func lowerGlobal(_ n: NodeContext, _ b: inout LoweringBuilder, _ kind: Reduction.Kind) throws {
        let x = try n.input(0)
        try Reduction.lower(n, &b, kind, axes: Array(2..<x.rank))
    }
}
