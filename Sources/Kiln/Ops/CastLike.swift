/// CastLike (opset 15): Cast to the element type of the second input.
public enum CastLike: Operator {
    public static let opType = "CastLike"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(try n.input(1).dtype, try n.input(0).shape)]
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [Cast.convert(x, to: try n.input(1).dtype)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try Cast.lowerCast(n, &b, to: try n.input(1).dtype)
    }
}
