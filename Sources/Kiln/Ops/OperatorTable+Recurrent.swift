extension OperatorTable {
    /// Recurrent layers.
    static let recurrent: [Operator.Type] = [
        GRU.self,
        LSTM.self,
        RNN.self,
    ]
}
