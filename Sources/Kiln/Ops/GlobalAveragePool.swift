/// GlobalAveragePool: reduces every spatial dim to 1 (runs on the `kiln_reduce` kernels).
public enum GlobalAveragePool: Operator {
    public static let opType = "GlobalAveragePool"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try Pooling.inferGlobal(n) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { try Pooling.lowerGlobal(n, &b, .mean) }
}
