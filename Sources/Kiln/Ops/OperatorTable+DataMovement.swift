extension OperatorTable {
    /// Shape and data movement: views, Transpose, Concat, Split, Slice, Gather, Pad, Expand, Tile, Resize, Shape...
    static let dataMovement: [Operator.Type] = [
    ]
}
