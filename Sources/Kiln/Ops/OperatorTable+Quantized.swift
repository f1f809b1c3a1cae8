extension OperatorTable {
    /// Quantized inference: QuantizeLinear/DequantizeLinear, the QLinear* and *Integer operators, the com.microsoft
    /// quantized contrib operators, and the Kiln-internal integer operators the QDQ pass produces.
    static let quantized: [Operator.Type] = [
        QuantizeLinear.self, DequantizeLinear.self,
    ]
}
