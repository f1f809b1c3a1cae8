/// Flatten: reshapes to 2-D [prod(dims before axis), prod(dims from axis)]. A view: no kernel runs.
/// Negative `axis` is allowed since opset 11.
public enum Flatten: Operator {
    public static let opType = "Flatten"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        var axis = try n.int("axis", default: 1)
        if axis < 0 { axis += x.rank }
        guard axis >= 0 && axis <= x.rank else { throw n.error("axis \(try n.int("axis", default: 1)) is out of range for rank \(x.rank)") }
        return [TensorType(x.dtype, [DataMovement.product(x.shape, 0..<axis), DataMovement.product(x.shape, axis..<x.rank)])]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [x.reshaped(try n.output(0).shape)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
