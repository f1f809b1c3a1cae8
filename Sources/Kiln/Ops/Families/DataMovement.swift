/// Shared helpers of the shape and data-movement operators (Transpose, Slice, Pad, Gather, Concat...).
///
/// Data-movement kernels copy elements by width, not by type: `kiln_<op>_b8/b16/b32/b64` serve every dtype of
/// that size, so one kernel covers float32, int32 and uint32.
public enum DataMovement {
    /// Kernel symbol suffix for the element width of `t`: `b8`, `b16`, `b32` or `b64`.
    public static func width(_ t: DType) -> String { "b\(t.size * 8)" }

    /// Row-major element strides of `shape`.
    public static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            s[d] = acc
            acc = acc &* shape[d]
        }
        return s
    }

    /// Product of `shape[range]` (dims are validated, so no overflow beyond the element limit).
    public static func product(_ shape: [Int], _ range: Range<Int>) -> Int {
        range.reduce(1) { $0 &* shape[$1] }
    }

    /// Integer values of a constant 0-D or 1-D int32/int64 tensor (starts, axes, pads, repeats...).
    public static func intList(_ d: TensorData, _ n: NodeContext, _ what: String) throws -> [Int] {
        guard d.dtype == .int64 || d.dtype == .int32, d.shape.count <= 1 else {
            throw n.error("\(what) must be a 1-D int64 tensor, the model gives \(d.type)")
        }
        return d.ints
    }

    /// Normalizes axes (negative ones count from the end) and rejects out-of-range and repeated axes.
    public static func normalizeAxes(_ axes: [Int], rank: Int, _ n: NodeContext, what: String = "axes") throws -> [Int] {
        var seen = Set<Int>()
        var out: [Int] = []
        for a in axes {
            let r = a < 0 ? a &+ rank : a
            guard r >= 0 && r < rank else { throw n.error("\(what) \(axes) has \(a), out of range for rank \(rank)") }
            guard seen.insert(r).inserted else { throw n.error("\(what) \(axes) repeats axis \(a)") }
            out.append(r)
        }
        return out
    }

    /// The bytes of one element of a constant (a pad value, ConstantOfShape's value...), converted to `dtype`.
    public static func elementBytes(_ d: TensorData, as dtype: DType) -> [UInt8] {
        guard d.count >= 1 else { return [UInt8](repeating: 0, count: dtype.size) }
        let first = TensorData(dtype: d.dtype, shape: [], bytes: Array(d.bytes[0..<d.dtype.size]))
        return first.cast(to: dtype).bytes
    }

    /// A compile-time scalar of `dtype` holding `bytes`, for kernels that take a value by pointer.
    public static func scalarConstant(_ b: inout LoweringBuilder, _ bytes: [UInt8], _ dtype: DType, name: String) -> ValueID {
        b.constant(TensorData(dtype: dtype, shape: [], bytes: bytes), name: name)
    }

    /// Emits a copy of a compile-time tensor into the output (ops that normally fold, when folding was refused).
    public static func lowerConstantOutput(_ n: NodeContext, _ b: inout LoweringBuilder, _ data: TensorData, output: Int = 0) throws {
        let c = b.constant(data, name: "\(n.name)_value\(output)")
        b.call("kiln_copy", source: "kiln_copy", [.input(c), .output(try n.outputID(output)), .int(data.bytes.count)])
    }

    /// Emits a plain copy of input `input` to output `output` that may run in place.
    public static func lowerCopy(_ n: NodeContext, _ b: inout LoweringBuilder, input: Int = 0, output: Int = 0) throws {
        let t = try n.output(output)
        b.call("kiln_copy", source: "kiln_copy", [.input(try n.inputID(input)), .output(try n.outputID(output)), .int(t.bytes)])
        b.allowInPlace(input: input, output: output)
    }
}

/// Which input element each output element copies, separably per output dim: output element (i0, ..., ik) copies
/// input element `tables[0][i0] + ... + tables[k][ik]` (element offsets), or the fill value when any of those
/// entries is `IndexMap.fill`. Transpose, Slice, Expand, Tile, Pad, DepthToSpace, nearest Resize, CenterCropPad and
/// Compress are all index maps; one folding routine and one lowering (strided or table kernel) serve them all.
public struct IndexMap {
    public static let fill = -1
    /// Output dims (may be finer than the output type's shape, e.g. DepthToSpace's 6-D view; row-major order
    /// is what matters).
    public var shape: [Int]
    public var tables: [[Int]]

    public init(shape: [Int], tables: [[Int]]) {
        precondition(shape.count == tables.count && zip(shape, tables).allSatisfy { $0.0 == $0.1.count })
        self.shape = shape
        self.tables = tables
    }

    /// Output dim d walks input dims with element stride `strides[d]` from coordinate `starts[d]` in steps of
    /// `steps[d]` (coordinates stay inside the input).
    public init(shape: [Int], strides: [Int], starts: [Int]? = nil, steps: [Int]? = nil) {
        var tables: [[Int]] = []
        for d in shape.indices {
            let s0 = starts?[d] ?? 0, st = steps?[d] ?? 1
            tables.append((0..<shape[d]).map { (s0 + $0 * st) * strides[d] })
        }
        self.init(shape: shape, tables: tables)
    }

    public var count: Int { shape.elementCount }

    /// Applies the map to a constant (folding). `fill` is one element's bytes (zero when nil).
    public func apply(_ x: TensorData, fill: [UInt8]? = nil, outShape: [Int]) -> TensorData {
        let es = x.dtype.size
        let n = count
        var out = [UInt8]()
        out.reserveCapacity(n * es)
        let f = fill ?? [UInt8](repeating: 0, count: es)
        if n > 0 {
            var idx = [Int](repeating: 0, count: shape.count)
            for _ in 0..<n {
                var off = 0, isFill = false
                for d in shape.indices {
                    let e = tables[d][idx[d]]
                    if e < 0 { isFill = true }
                    off += e
                }
                if isFill { out.append(contentsOf: f) } else { out.append(contentsOf: x.bytes[off * es..<(off + 1) * es]) }
                var d = shape.count - 1
                while d >= 0 {
                    idx[d] += 1
                    if idx[d] < shape[d] { break }
                    idx[d] = 0
                    d -= 1
                }
            }
        }
        return TensorData(dtype: x.dtype, shape: outShape, bytes: out)
    }

    /// Whether the map is the identity (the output is the input's bytes in order).
    public func isIdentity(inputCount: Int) -> Bool {
        guard count == inputCount else { return false }
        let c = collapsed()
        guard let s = c.strided else { return false }
        if c.shape.isEmpty { return s.base == 0 }
        return c.shape.count == 1 && s.strides == [1] && s.base == 0
    }

    /// The map with size-1 dims removed and adjacent affine dims merged. `strided` is set when every dim is
    /// affine (then the kernel needs no tables); `allFill` when every output element is the fill value.
    struct Collapsed {
        var shape: [Int]
        var tables: [[Int]]
        var base: Int
        var allFill: Bool
        var strided: (strides: [Int], base: Int)?
    }

    /// Largest index table `collapsed()` builds by merging dims.
    static let maxMergedTable = 1 << 20

    /// Start and step of a table when it is an arithmetic progression without fill entries.
    static func affine(_ t: [Int]) -> (start: Int, step: Int)? {
        guard let first = t.first, first >= 0 else { return nil }
        if t.count == 1 { return (first, 0) }
        let step = t[1] - first
        for i in 1..<t.count where t[i] < 0 || t[i] - t[i - 1] != step { return nil }
        return (first, step)
    }

    func collapsed() -> Collapsed {
        var base = 0
        var dims: [(n: Int, table: [Int])] = []
        var allFill = false
        for d in shape.indices {
            if shape[d] == 1 {
                if tables[d][0] < 0 { allFill = true } else { base += tables[d][0] }
            } else {
                dims.append((shape[d], tables[d]))
            }
        }
        // Merge an outer affine dim into the inner one when the outer step is the inner step times its length.
        // The merged table is materialized, so merging stops at `maxMergedTable` entries: a Expand or Tile to a
        // huge shape must not make the compiler allocate gigabytes before the memory limits refuse the model.
        var merged: [(n: Int, table: [Int])] = []
        for dim in dims {
            if let last = merged.last, let a = IndexMap.affine(last.table), let b = IndexMap.affine(dim.table),
               a.step == b.step &* dim.n, last.n.multipliedReportingOverflow(by: dim.n).partialValue <= IndexMap.maxMergedTable,
               !last.n.multipliedReportingOverflow(by: dim.n).overflow {
                let n = last.n * dim.n
                let start = a.start + b.start
                merged[merged.count - 1] = (n, (0..<n).map { start + $0 * b.step })
            } else {
                merged.append(dim)
            }
        }
        var c = Collapsed(shape: merged.map(\.n), tables: merged.map(\.table), base: base, allFill: allFill, strided: nil)
        let affines = merged.map { IndexMap.affine($0.table) }
        if !allFill, affines.allSatisfy({ $0 != nil }) {
            c.strided = (affines.map { $0!.step }, base + affines.reduce(0) { $0 + $1!.start })
        }
        return c
    }

    /// Emits the kernel computing output `output` from input `input` (`dtype` elements). `fill` points at one
    /// element used for fill entries (`.null` for zero bytes).
    public func lower(_ n: NodeContext, _ b: inout LoweringBuilder, input: ValueID, output: ValueID, dtype: DType,
                      fill: KernelArg = .null) throws {
        let total = count
        guard total > 0 else { return }
        let w = DataMovement.width(dtype)
        let c = collapsed()
        if c.allFill {
            b.call("kiln_remap_\(w)", source: "kiln_remap",
                   [.input(input), .output(output), .int(1), .ints([1]), .ints([IndexMap.fill]), .int(total), fill])
            return
        }
        if let s = c.strided {
            guard c.shape.count <= 8 else { throw n.unsupported("data movement over \(c.shape.count) dims (at most 8 after merging)") }
            if c.shape.isEmpty || (c.shape.count == 1 && s.strides == [1]) {
                // One contiguous run: a plain copy.
                b.call("kiln_copy_block", source: "kiln_copy_block",
                       [.input(input), .int(s.base * dtype.size), .int(0), .output(output), .int(0), .int(0),
                        .int(1), .int(total * dtype.size)])
                return
            }
            b.call("kiln_strided_\(w)", source: "kiln_strided",
                   [.input(input), .output(output), .int(c.shape.count), .ints(c.shape), .ints(s.strides), .int(s.base)])
            return
        }
        var shape = c.shape, tables = c.tables, base = c.base, run = 1
        if let last = tables.last, let a = IndexMap.affine(last), a.step == 1 || last.count == 1 {
            run = shape.removeLast()
            base += a.start
            tables.removeLast()
        }
        guard !tables.isEmpty else { throw n.error("internal: index map without a table dim") }
        tables[0] = tables[0].map { $0 < 0 ? IndexMap.fill : $0 + base }
        guard shape.count <= 8 else { throw n.unsupported("data movement over \(shape.count) dims (at most 8 after merging)") }
        b.call("kiln_remap_\(w)", source: "kiln_remap",
               [.input(input), .output(output), .int(shape.count), .ints(shape), .ints(tables.flatMap { $0 }), .int(run), fill])
    }
}
