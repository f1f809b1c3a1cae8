extension OperatorTable {
    /// Shape and data movement: views, Transpose, Concat, Split, Slice, Gather, Pad, Expand, Tile, Resize, Shape...
    static let dataMovement: [Operator.Type] = [
        Flatten.self, Squeeze.self, Unsqueeze.self, Dropout.self,
        Shape.self, Size.self, ConstantOfShape.self, RangeOp.self, EyeLike.self,
        Transpose.self, Concat.self, Split.self, Slice.self,
        Gather.self, GatherElements.self, GatherND.self, Scatter.self, ScatterElements.self, ScatterND.self,
        Pad.self, Expand.self, Tile.self, Trilu.self, OneHot.self, DepthToSpace.self, SpaceToDepth.self,
        CumSum.self, ReverseSequence.self, CenterCropPad.self, Compress.self, TopK.self,
        Upsample.self, Resize.self,
    ]
}
