extension OperatorTable {
    /// Quantized inference: QuantizeLinear/DequantizeLinear, the QLinear* and *Integer operators, the com.microsoft
    /// quantized contrib operators, and the Kiln-internal integer operators (domain "kiln") the quantize-qdq pass
    /// produces.
    static let quantized: [Operator.Type] = [
        QuantizeLinear.self, DequantizeLinear.self, DynamicQuantizeLinear.self,
        QLinearConv.self, QLinearMatMul.self, ConvInteger.self, MatMulInteger.self,
        // com.microsoft contrib operators
        QLinearAdd.self, QLinearMul.self, QLinearAveragePool.self, QLinearGlobalAveragePool.self, QLinearConcat.self,
        QLinearSigmoid.self, QLinearLeakyRelu.self,
        // Kiln-internal integer operators
        QConv.self, QGemm.self, QAdd.self, QMul.self, QAveragePool.self, QMaxPool.self, QSoftmax.self, QTable.self,
        Requantize.self, QConcat.self,
    ]
}
