/// RNN: simple recurrent layer (opsets 1, 7, 14, 22): directions, activations, clip, sequence_lens,
/// initial_h and layout; see `RecurrentLayer` and `kiln_rnn.h`.
public enum RNN: Operator {
    public static let opType = "RNN"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try RecurrentLayer(n, cell: .rnn).outputTypes(n)
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try RecurrentLayer(n, cell: .rnn).lower(n, &b)
    }
}
