/// kiln::Stack (internal, made by control-flow expansion): stacks same-typed inputs along a new axis `axis`
/// (Loop and Scan outputs collected over iterations). Any dtype; one `kiln_copy_blocks` call per input.
public enum KilnStack: Operator {
    public static let opType = "Stack"
    public static let domain = "kiln"

    static func geometry(_ n: NodeContext) throws -> (outer: Int, inner: Int, y: TensorType) {
        guard n.inputCount >= 1 else { throw n.error("needs at least one input") }
        let first = try n.input(0)
        for i in 1..<n.inputCount where try n.input(i) != first {
            throw n.error("input \(i) is \(try n.input(i)), input 0 is \(first): stacked values must have one type")
        }
        let axis = try n.axis(try n.int("axis", default: 0), rank: first.rank + 1)
        var shape = first.shape
        shape.insert(n.inputCount, at: axis)
        return (Array(first.shape[..<axis]).elementCount, Array(first.shape[axis...]).elementCount,
                TensorType(first.dtype, shape))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try geometry(n).y] }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let inputs = n.constantInputs else { return nil }
        let g = try geometry(n), size = g.y.dtype.size
        var out: [UInt8] = []
        out.reserveCapacity(g.y.bytes)
        for o in 0..<g.outer {
            for case let x? in inputs {
                out.append(contentsOf: x.bytes[(o * g.inner * size)..<((o + 1) * g.inner * size)])
            }
        }
        return [TensorData(dtype: g.y.dtype, shape: g.y.shape, bytes: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let g = try geometry(n), block = g.inner * g.y.dtype.size, count = n.inputCount
        for i in 0..<count {
            b.call("kiln_copy_blocks", source: "kiln_control",
                   [.input(try n.inputID(i)), .output(try n.outputID(0)), .int(g.outer), .int(block), .int(0),
                    .int(block), .int(i * block), .int(count * block)])
        }
    }
}
