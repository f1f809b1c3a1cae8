/// LSTM: long short-term memory layer (opsets 1, 7, 14, 22): directions, activations, clip, input_forget,
/// peepholes, sequence_lens, initial_h/initial_c and layout; see `RecurrentLayer` and `kiln_lstm.h`.
public enum LSTM: Operator {
    public static let opType = "LSTM"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try RecurrentLayer(n, cell: .lstm).outputTypes(n)
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try RecurrentLayer(n, cell: .lstm).lower(n, &b)
    }
}
