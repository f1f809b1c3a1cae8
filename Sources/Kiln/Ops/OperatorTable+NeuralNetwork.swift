extension OperatorTable {
    /// Convolutions, matrix products, pooling, normalization, softmax, reductions.
    static let neuralNetwork: [Operator.Type] = [
        Conv.self, ConvTranspose.self,
        Gemm.self, MatMul.self, Einsum.self,
        MaxPool.self, AveragePool.self, LpPool.self, GlobalAveragePool.self, GlobalMaxPool.self,
        BatchNormalization.self, InstanceNormalization.self, LayerNormalization.self, GroupNormalization.self,
        RMSNormalization.self, MeanVarianceNormalization.self, LpNormalization.self, LRN.self,
        ReduceSum.self, ReduceMean.self, ReduceMax.self, ReduceMin.self, ReduceProd.self,
        ReduceL1.self, ReduceL2.self, ReduceLogSum.self, ReduceLogSumExp.self, ReduceSumSquare.self,
        ArgMax.self, ArgMin.self,
        Softmax.self, LogSoftmax.self, Hardmax.self,
        NegativeLogLikelihoodLoss.self, SoftmaxCrossEntropyLoss.self,
    ]
}
