/// ArgMin along `axis` (default 0) with keepdims and select_last_index; int64 output.
public enum ArgMin: Operator {
    public static let opType = "ArgMin"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try AxisSplit.inferArg(n) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { try AxisSplit.foldArg(n, max: false) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try AxisSplit.lowerArg(n, &b, kernel: "argmin")
    }
}
