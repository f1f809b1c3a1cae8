/// NegativeLogLikelihoodLoss: loss = -input[n, target, d...] * weight[target], with ignore_index and reduction.
public enum NegativeLogLikelihoodLoss: Operator {
    public static let opType = "NegativeLogLikelihoodLoss"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let l = try Loss.layout(n)
        return [TensorType(try n.input(0).dtype, l.output)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let l = try Loss.layout(n)
        if l.reduction == 0 && l.n * l.d == 0 { return }
        try Loss.lowerNLL(n, &b, logp: .input(try n.inputID(0)), l)
    }
}
