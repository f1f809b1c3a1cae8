extension OperatorTable {
    /// Transformer and vision operators (Attention, RotaryEmbedding, GridSample, RoiAlign...), BitCast, TensorScatter,
    /// TfIdfVectorizer, ai.onnx.ml and ai.onnx.preview operators.
    static let misc: [Operator.Type] = [
        Attention.self, RotaryEmbedding.self, LinearAttention.self, CausalConvWithState.self, FlexAttention.self,
        GridSample.self, AffineGrid.self, RoiAlign.self, MaxUnpool.self, DeformConv.self,
        BitCast.self, TensorScatter.self, TfIdfVectorizer.self,
        Binarizer.self, ArrayFeatureExtractor.self, TreeEnsemble.self,
        NonZero.self, OptionalHasElement.self, OptionalGetElement.self,
        NonMaxSuppression.self, Unique.self, ImageDecoder.self,
    ]
}
