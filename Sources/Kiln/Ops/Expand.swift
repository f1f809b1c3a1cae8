/// Expand: broadcasts the input to `shape` (a compile-time input) with bidirectional broadcasting (a dim of 1
/// in `shape` keeps the input's dim). Lowered to a strided copy with zero strides on broadcast dims.
public enum Expand: Operator {
    public static let opType = "Expand"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let s = try DataMovement.intList(try n.requireConstant(1, "shape"), n, "shape")
        guard s.allSatisfy({ $0 >= 0 }) else { throw n.error("shape \(s) has a negative dim") }
        guard let out = Broadcast.shape([x.shape, s]) else { throw n.error("cannot expand \(x.shape) to \(s)") }
        return [TensorType(x.dtype, out)]
    }

    static func map(_ x: TensorType, _ out: [Int]) -> IndexMap {
        IndexMap(shape: out, strides: Broadcast.strides(of: x.shape, as: out))
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let y = try n.output(0)
        return [map(x.type, y.shape).apply(x, outShape: y.shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        try map(x, y.shape).lower(n, &b, input: try n.inputID(0), output: try n.outputID(0), dtype: x.dtype)
    }
}
