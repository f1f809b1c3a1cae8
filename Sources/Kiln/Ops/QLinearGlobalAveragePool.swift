/// com.microsoft QLinearGlobalAveragePool: the mean over all spatial positions per channel of int8/uint8 data
/// (X, x_scale, x_zero_point, y_scale, y_zero_point), `channels_last` selecting NHWC input. 1-D and 2-D.
public enum QLinearGlobalAveragePool: Operator {
    public static let opType = "QLinearGlobalAveragePool"
    public static let domain = "com.microsoft"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(try n.input(0).dtype, try QLinearAveragePool.parts(n, global: true).y)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try QLinearAveragePool.lowerPool(n, &b, global: true)
    }
}
