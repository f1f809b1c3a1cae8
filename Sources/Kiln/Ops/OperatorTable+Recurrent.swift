extension OperatorTable {
    /// Recurrent layers and control flow (If, Loop, Scan are expanded by the expand-control-flow pass into
    /// ordinary nodes and the internal kiln::Select / kiln::SliceAxis / kiln::Stack).
    static let recurrent: [Operator.Type] = [
        GRU.self,
        LSTM.self,
        RNN.self,
        If.self,
        Loop.self,
        Scan.self,
        KilnSelect.self,
        KilnSliceAxis.self,
        KilnStack.self,
        HannWindow.self,
        HammingWindow.self,
        BlackmanWindow.self,
        MelWeightMatrix.self,
        CumProd.self,
        Det.self,
        DFT.self,
        STFT.self,
        Col2Im.self,
    ]
}
