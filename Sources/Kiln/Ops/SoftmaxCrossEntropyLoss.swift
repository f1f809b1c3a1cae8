/// SoftmaxCrossEntropyLoss: log_prob = LogSoftmax over dim 1, then the negative log-likelihood loss; the
/// optional second output is log_prob.
public enum SoftmaxCrossEntropyLoss: Operator {
    public static let opType = "SoftmaxCrossEntropyLoss"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let l = try Loss.layout(n)
        let x = try n.input(0)
        return [TensorType(x.dtype, l.output), x]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let l = try Loss.layout(n)
        let x = try n.input(0)
        if x.count == 0 { return }
        let logp: KernelArg
        if n.hasOutput(1) { logp = .output(try n.outputID(1)) } else { logp = .scratch(b.scratch(bytes: x.bytes)) }
        b.call("kiln_logsoftmax_\(x.dtype.kernelSuffix)", source: "kiln_softmax",
               [.input(try n.inputID(0)), logp, .int(l.n), .int(l.c), .int(l.d)], macs: x.count)
        let read: KernelArg
        if case .output(let id) = logp { read = .input(id) } else { read = logp }
        try Loss.lowerNLL(n, &b, logp: read, l)
    }
}
