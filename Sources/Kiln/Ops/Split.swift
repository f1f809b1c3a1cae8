/// Split: cuts the input along `axis` into parts given by `split` (an attribute before opset 13, an input
/// since), or into `num_outputs` parts of ceil(dim / n) with a smaller last one (opset 18), or into equal parts.
/// Each output is one block copy of its band of the input.
public enum Split: Operator {
    public static let opType = "Split"

    static func parts(_ n: NodeContext, _ x: TensorType) throws -> (axis: Int, sizes: [Int]) {
        guard x.rank > 0 else { throw n.error("cannot split a scalar") }
        let axis = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        let dim = x.shape[axis]
        var sizes: [Int]? = nil
        if n.opset >= 13 || (n.opset < 2 && n.hasInput(1)) {
            if n.hasInput(1) { sizes = try DataMovement.intList(try n.requireConstant(1, "split"), n, "split") }
        }
        if n.opset < 13, sizes == nil, let s = try n.ints("split") { sizes = s }
        let outputs = n.outputCount
        if let s = sizes, !s.isEmpty {
            guard s.count == outputs else { throw n.error("split \(s) has \(s.count) parts for \(outputs) outputs") }
            guard s.allSatisfy({ $0 >= 0 && $0 <= dim }), s.reduce(0, +) == dim else { throw n.error("split \(s) does not add up to dim \(dim)") }
            return (axis, s)
        }
        var parts = outputs
        if n.opset >= 18, let k = try n.int("num_outputs") {
            guard k > 0 && k == outputs else { throw n.error("num_outputs \(k) does not match the \(outputs) outputs") }
            parts = k
        }
        guard parts > 0 else { throw n.error("has no outputs") }
        if dim % parts == 0 { return (axis, [Int](repeating: dim / parts, count: parts)) }
        guard n.opset >= 18 else { throw n.error("dim \(dim) cannot be split into \(parts) equal parts") }
        let chunk = (dim + parts - 1) / parts
        var out: [Int] = []
        var left = dim
        for _ in 0..<parts { let c = Swift.min(chunk, left); out.append(c); left -= c }
        guard out.allSatisfy({ $0 > 0 }) else { throw n.error("dim \(dim) cannot be split into \(parts) parts") }
        return (axis, out)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let (axis, sizes) = try parts(n, x)
        return sizes.map { s in
            var shape = x.shape
            shape[axis] = s
            return TensorType(x.dtype, shape)
        }
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let (axis, sizes) = try parts(n, x.type)
        let outer = DataMovement.product(x.shape, 0..<axis)
        let inner = DataMovement.product(x.shape, (axis + 1)..<x.shape.count) * x.dtype.size
        let xRow = x.shape[axis] * inner
        var outs: [TensorData] = []
        var offset = 0
        for s in sizes {
            var bytes = [UInt8]()
            let row = s * inner
            for o in 0..<outer { bytes.append(contentsOf: x.bytes[(o * xRow + offset)..<(o * xRow + offset + row)]) }
            var shape = x.shape
            shape[axis] = s
            outs.append(TensorData(dtype: x.dtype, shape: shape, bytes: bytes))
            offset += row
        }
        return outs
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let (axis, sizes) = try parts(n, x)
        let outer = DataMovement.product(x.shape, 0..<axis)
        let inner = DataMovement.product(x.shape, (axis + 1)..<x.rank) * x.dtype.size
        let xRow = x.shape[axis] * inner
        var offset = 0
        for (i, s) in sizes.enumerated() {
            let row = s * inner
            if n.hasOutput(i) && row > 0 && outer > 0 {
                b.call("kiln_copy_block", source: "kiln_copy_block",
                       [.input(try n.inputID(0)), .int(offset), .int(xRow), .output(try n.outputID(i)), .int(0), .int(row),
                        .int(outer), .int(row)])
            }
            offset += row
        }
    }
}
