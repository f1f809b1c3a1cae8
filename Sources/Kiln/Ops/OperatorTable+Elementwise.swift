extension OperatorTable {
    /// Unary and binary element-wise math, comparisons, logic, Where, Cast.
    static let elementwise: [Operator.Type] = [
        Add.self,
        Relu.self,
    ]
}
