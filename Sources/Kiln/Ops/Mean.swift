/// Mean: y = (the element-wise sum of one or more inputs) / count, NumPy broadcasting. Float types.
public enum Mean: Operator {
    public static let opType = "Mean"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferVariadic(n, allowed: BinaryElementwise.floats)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let count = Double(n.inputCount)
        return try BinaryElementwise.foldVariadic(n, float: { $0 + $1 }, signed: { $0 &+ $1 }, unsigned: { $0 &+ $1 },
                                                  finish: { $0 / count })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lowerVariadic(n, &b, kernel: "add")
        let y = try n.output(0), yid = try n.outputID(0)
        guard n.inputCount > 1 else { return }
        let count = b.constant(TensorData.scalar(Double(n.inputCount), y.dtype), name: "\(n.name)_count")
        let l = try BinaryElementwise.layout(n, [y.shape, []], y.shape)
        b.call("kiln_div_\(y.dtype.kernelSuffix)", source: "kiln_binary",
               [.input(yid), .input(count), .output(yid), .int(l.shape.count), .ints(l.shape),
                .ints(l.strides[0]), .ints(l.strides[1])])
    }
}
