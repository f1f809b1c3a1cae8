extension OperatorTable {
    /// Recurrent layers.
    static let recurrent: [Operator.Type] = [
    ]
}
