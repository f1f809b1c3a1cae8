/// Pad: grows (or, with negative pads, crops) each dim by pads[begin]/pads[end]. Modes: constant (the value),
/// edge (repeat the border), reflect (mirror without repeating the border), wrap (periodic, opset 19). Pads and
/// the constant value are attributes before opset 11 (`paddings` in opset 1) and inputs since; `axes` is an
/// input since opset 18. Negative pads crop first; the other modes then read the cropped data.
/// Lowered to a table-driven copy (each output coordinate's source, or the constant).
public enum Pad: Operator {
    public static let opType = "Pad"

    static func pads(_ n: NodeContext, rank: Int) throws -> (begin: [Int], end: [Int]) {
        let raw: [Int]
        var axes = Array(0..<rank)
        if n.opset < 11 {
            guard let p = try n.ints(n.opset < 2 ? "paddings" : "pads") else { throw n.error("missing 'pads' attribute") }
            raw = p
        } else {
            raw = try DataMovement.intList(try n.requireConstant(1, "pads"), n, "pads")
            if n.opset >= 18 && n.hasInput(3) {
                axes = try DataMovement.normalizeAxes(try DataMovement.intList(try n.requireConstant(3, "axes"), n, "axes"), rank: rank, n)
            }
        }
        guard raw.count == 2 * axes.count else { throw n.error("pads \(raw) must have \(2 * axes.count) values") }
        var begin = [Int](repeating: 0, count: rank), end = begin
        for (i, a) in axes.enumerated() {
            // Pads beyond ±2^30 cannot give a valid shape; clamping keeps the arithmetic free of overflow.
            begin[a] = Swift.min(Swift.max(raw[i], -(1 << 30)), 1 << 30)
            end[a] = Swift.min(Swift.max(raw[axes.count + i], -(1 << 30)), 1 << 30)
        }
        return (begin, end)
    }

    static func mode(_ n: NodeContext) throws -> String {
        let m = try n.string("mode", default: "constant")
        guard ["constant", "edge", "reflect"].contains(m) || (m == "wrap" && n.opset >= 19) else {
            throw n.error("unknown mode '\(KilnError.printable(m))'")
        }
        return m
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let (begin, end) = try pads(n, rank: x.rank)
        let m = try mode(n)
        var shape: [Int] = []
        for d in 0..<x.rank {
            let s = x.shape[d] + begin[d] + end[d]
            guard s >= 0 else { throw n.error("pads \(begin)/\(end) crop more than dim \(d) of \(x.shape)") }
            let kept = x.shape[d] + Swift.min(begin[d], 0) + Swift.min(end[d], 0)
            if m != "constant" && kept <= 0 && s > 0 {
                throw n.error("\(m) padding of dim \(d) needs at least one input element")
            }
            shape.append(s)
        }
        if n.opset >= 11 && n.hasInput(2) {
            let v = try n.input(2)
            guard v.dtype == x.dtype, v.count == 1 else { throw n.error("constant_value must be one \(x.dtype.onnxName) value") }
        }
        return [TensorType(x.dtype, shape)]
    }

    static func map(_ n: NodeContext, _ x: TensorType) throws -> IndexMap {
        let (begin, end) = try pads(n, rank: x.rank)
        let m = try mode(n)
        let strides = DataMovement.strides(x.shape)
        var tables: [[Int]] = []
        var shape: [Int] = []
        for d in 0..<x.rank {
            let out = x.shape[d] + begin[d] + end[d]
            let lo = Swift.max(-begin[d], 0)                        // first kept input coordinate
            let len = x.shape[d] - lo - Swift.max(-end[d], 0)       // kept input elements
            let pb = Swift.max(begin[d], 0)
            var t: [Int] = []
            t.reserveCapacity(out)
            for o in 0..<out {
                var c = o - pb                                       // coordinate in the kept range
                if c < 0 || c >= len {
                    switch m {
                    case "edge": c = Swift.min(Swift.max(c, 0), len - 1)
                    case "wrap": c = ((c % len) + len) % len
                    case "reflect":
                        if len == 1 { c = 0 } else {
                            let period = 2 * (len - 1)
                            c = ((c % period) + period) % period
                            if c >= len { c = period - c }
                        }
                    default: c = -1
                    }
                }
                t.append(c < 0 ? IndexMap.fill : (lo + c) * strides[d])
            }
            tables.append(t)
            shape.append(out)
        }
        return IndexMap(shape: shape, tables: tables)
    }

    static func constantValue(_ n: NodeContext, _ dtype: DType) throws -> [UInt8] {
        if n.opset < 11 {
            return TensorData(dtype: dtype, shape: [], doubles: [Double(try n.float("value", default: 0))]).bytes
        }
        if n.hasInput(2), let v = n.constant(2) { return DataMovement.elementBytes(v, as: dtype) }
        return [UInt8](repeating: 0, count: dtype.size)
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        if n.opset >= 11 && n.hasInput(2) && n.constant(2) == nil { return nil }
        return [try map(n, x.type).apply(x, fill: try constantValue(n, x.dtype), outShape: try n.output(0).shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        var fill = KernelArg.null
        if try mode(n) == "constant" {
            if n.opset >= 11 && n.hasInput(2) {
                fill = .input(try n.inputID(2))
            } else {
                let v = try constantValue(n, x.dtype)
                if v.contains(where: { $0 != 0 }) { fill = .input(DataMovement.scalarConstant(&b, v, x.dtype, name: "\(n.name)_value")) }
            }
        }
        try map(n, x).lower(n, &b, input: try n.inputID(0), output: try n.outputID(0), dtype: x.dtype, fill: fill)
    }
}
