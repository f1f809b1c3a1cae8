/// Unsqueeze: inserts size-1 dims at `axes` (positions in the output). A view: no kernel runs.
/// `axes` is an attribute before opset 13 and an input since.
public enum Unsqueeze: Operator {
    public static let opType = "Unsqueeze"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let axes: [Int]
        if n.opset < 13 {
            guard let a = try n.ints("axes") else { throw n.error("missing 'axes' attribute") }
            axes = a
        } else {
            axes = try DataMovement.intList(try n.requireConstant(1, "axes"), n, "axes")
        }
        let rank = x.rank + axes.count
        let norm = Set(try DataMovement.normalizeAxes(axes, rank: rank, n))
        var shape: [Int] = []
        var next = 0
        for d in 0..<rank {
            if norm.contains(d) { shape.append(1) } else { shape.append(x.shape[next]); next += 1 }
        }
        return [TensorType(x.dtype, shape)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [x.reshaped(try n.output(0).shape)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
