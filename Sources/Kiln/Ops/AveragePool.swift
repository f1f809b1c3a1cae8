/// AveragePool over 1-D, 2-D or 3-D windows: kernel_shape, strides, pads, dilations, auto_pad, ceil_mode, count_include_pad.
public enum AveragePool: Operator {
    public static let opType = "AveragePool"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Pooling.infer(n, .average) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { try Pooling.lower(n, &b, .average) }
}
