/// GRU: gated recurrent unit layer (opsets 1, 3, 7, 14, 22): directions, activations, clip,
/// linear_before_reset (from opset 3), sequence_lens, initial_h and layout; see `RecurrentLayer` and `kiln_gru.h`.
public enum GRU: Operator {
    public static let opType = "GRU"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try RecurrentLayer(n, cell: .gru).outputTypes(n)
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try RecurrentLayer(n, cell: .gru).lower(n, &b)
    }
}
