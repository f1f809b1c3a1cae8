/// Slice: per axis, elements start, start+step, ... before end. `starts`/`ends`/`axes` are attributes before
/// opset 10 and compile-time inputs since (with optional `steps`). Negative starts/ends count from the end; then
/// for a positive step both are clamped to [0, dim], for a negative step start to [0, dim-1] and end to
/// [-1, dim-1]. Lowered to a strided copy (memcpy rows when the inner dims are taken whole).
public enum Slice: Operator {
    public static let opType = "Slice"

    struct Plan { var starts: [Int]; var steps: [Int]; var shape: [Int] }

    static func plan(_ n: NodeContext, _ x: TensorType) throws -> Plan {
        let starts: [Int], ends: [Int]
        var axes: [Int]? = nil, steps: [Int]? = nil
        if n.opset < 10 {
            guard let s = try n.ints("starts"), let e = try n.ints("ends") else { throw n.error("missing 'starts' or 'ends' attribute") }
            starts = s; ends = e
            axes = try n.ints("axes")
        } else {
            starts = try DataMovement.intList(try n.requireConstant(1, "starts"), n, "starts")
            ends = try DataMovement.intList(try n.requireConstant(2, "ends"), n, "ends")
            if n.hasInput(3) { axes = try DataMovement.intList(try n.requireConstant(3, "axes"), n, "axes") }
            if n.hasInput(4) { steps = try DataMovement.intList(try n.requireConstant(4, "steps"), n, "steps") }
        }
        guard starts.count == ends.count else { throw n.error("starts \(starts) and ends \(ends) differ in length") }
        let ax = try DataMovement.normalizeAxes(axes ?? Array(0..<starts.count), rank: x.rank, n)
        guard ax.count == starts.count else { throw n.error("axes \(ax) and starts \(starts) differ in length") }
        let st = steps ?? [Int](repeating: 1, count: starts.count)
        guard st.count == starts.count else { throw n.error("steps \(st) and starts \(starts) differ in length") }

        var p = Plan(starts: [Int](repeating: 0, count: x.rank), steps: [Int](repeating: 1, count: x.rank), shape: x.shape)
        for (i, a) in ax.enumerated() {
            // Steps beyond ±2^40 select the same elements as ±2^40 (dims are far smaller); clamping keeps the
            // arithmetic below free of overflow.
            let dim = x.shape[a], step = Swift.min(Swift.max(st[i], -(1 << 40)), 1 << 40)
            guard step != 0 else { throw n.error("step is zero on axis \(a)") }
            var s = starts[i], e = ends[i]
            if s < 0 { s = s &+ dim }
            if e < 0 { e = e &+ dim }
            if step > 0 {
                s = Swift.min(Swift.max(s, 0), dim)
                e = Swift.min(Swift.max(e, 0), dim)
            } else {
                s = Swift.min(Swift.max(s, 0), dim - 1)
                e = Swift.min(Swift.max(e, -1), dim - 1)
            }
            // ceil((e - s) / step), at least 0.
            let count: Int
            if step > 0 { count = e > s ? (e - s - 1) / step + 1 : 0 } else { count = s > e ? (s - e - 1) / (-step) + 1 : 0 }
            p.starts[a] = count > 0 ? s : 0
            p.steps[a] = count > 1 ? step : 1
            p.shape[a] = count
        }
        return p
    }

    static func map(_ n: NodeContext, _ x: TensorType) throws -> IndexMap {
        let p = try plan(n, x)
        return IndexMap(shape: p.shape, strides: DataMovement.strides(x.shape), starts: p.starts, steps: p.steps)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        return [TensorType(x.dtype, try plan(n, x).shape)]
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
