/// Squeeze: removes size-1 dims (the listed `axes`, or every size-1 dim). A view: no kernel runs.
/// `axes` is an attribute before opset 13 and an optional input since.
public enum Squeeze: Operator {
    public static let opType = "Squeeze"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        var axes: [Int]? = nil
        if n.opset < 13 {
            axes = try n.ints("axes")
        } else if n.hasInput(1) {
            let a = try DataMovement.intList(try n.requireConstant(1, "axes"), n, "axes")
            axes = a.isEmpty ? nil : a
        }
        guard let list = axes else { return [TensorType(x.dtype, x.shape.filter { $0 != 1 })] }
        let norm = Set(try DataMovement.normalizeAxes(list, rank: x.rank, n))
        for a in norm where x.shape[a] != 1 {
            throw n.error("cannot squeeze axis \(a) of shape \(x.shape): its size is not 1")
        }
        return [TensorType(x.dtype, x.shape.enumerated().filter { !norm.contains($0.offset) }.map(\.element))]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [x.reshaped(try n.output(0).shape)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
