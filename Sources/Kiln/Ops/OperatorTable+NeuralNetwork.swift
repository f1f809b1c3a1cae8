extension OperatorTable {
    /// Convolutions, matrix products, pooling, normalization, softmax, reductions.
    static let neuralNetwork: [Operator.Type] = [
        Conv.self,
        Gemm.self,
    ]
}
