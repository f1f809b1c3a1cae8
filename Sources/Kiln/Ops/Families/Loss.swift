/// Shared implementation of NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: input [N, C, d...],
/// target [N, d...] (int32 or int64), optional weight [C], reduction none/sum/mean, ignore_index.
public enum Loss {
    static let floats: Set<DType> = [.float32, .float64, .float16, .bfloat16]

    struct Layout { var n: Int, c: Int, d: Int, reduction: Int, ignore: Int64?, output: [Int] }

    static func layout(_ n: NodeContext) throws -> Layout {
        let x = try n.input(0), t = try n.input(1)
        try n.requireDType(x, floats)
        guard t.dtype == .int64 || t.dtype == .int32 else { throw n.error("target must be int32 or int64") }
        guard x.rank >= 2, t.shape == [x.shape[0]] + Array(x.shape[2...]) else {
            throw n.error("target shape \(t.shape) does not match input \(x.shape)")
        }
        if n.hasInput(2) {
            let w = try n.input(2)
            guard w.shape == [x.shape[1]], w.dtype == x.dtype else { throw n.error("weight must be [C] of the input type") }
        }
        let r = try n.string("reduction", default: "mean")
        let red: Int
        switch r {
        case "none": red = 0
        case "sum": red = 1
        case "mean": red = 2
        default: throw n.error("reduction '\(KilnError.printable(r))' is not none, sum or mean")
        }
        let ignore = try n.int("ignore_index").map { Int64($0) }
        return Layout(n: x.shape[0], c: x.shape[1], d: x.shape[2...].reduce(1, *), reduction: red, ignore: ignore,
                      output: red == 0 ? t.shape : [])
    }

    /// Emits the NLL kernel reading log-probabilities from `logp`.
    static func lowerNLL(_ n: NodeContext, _ b: inout LoweringBuilder, logp: KernelArg, _ l: Layout) throws {
        let x = try n.input(0), t = try n.input(1)
        // ignore_index absent: a value no target equals (targets outside [0, C) contribute 0 anyway)
        let ignore = l.ignore ?? Int64.min
        b.call("kiln_nllloss_\(x.dtype.kernelSuffix)_\(t.dtype.kernelSuffix)", source: "kiln_loss",
               [logp, .input(try n.inputID(1)), n.hasInput(2) ? .input(try n.inputID(2)) : .null,
                .output(try n.outputID(0)), .int(l.n), .int(l.c), .int(l.d), .int64(ignore), .int(l.reduction)],
               macs: l.n * l.d)
    }
}
