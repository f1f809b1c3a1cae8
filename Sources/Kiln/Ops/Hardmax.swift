/// Hardmax along `axis` (opset < 13: over the input coerced to 2-D at `axis`, default 1; since 13: one axis, default -1).
public enum Hardmax: Operator {
    public static let opType = "Hardmax"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try AxisSplit.softmaxLike(n, kernel: "hardmax") }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try AxisSplit.lowerSoftmaxLike(n, &b, kernel: "hardmax")
    }
}
