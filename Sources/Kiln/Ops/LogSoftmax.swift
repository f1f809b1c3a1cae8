/// LogSoftmax along `axis` (opset < 13: over the input coerced to 2-D at `axis`, default 1; since 13: one axis, default -1).
public enum LogSoftmax: Operator {
    public static let opType = "LogSoftmax"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try AxisSplit.softmaxLike(n, kernel: "logsoftmax") }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try AxisSplit.lowerSoftmaxLike(n, &b, kernel: "logsoftmax")
    }
}
