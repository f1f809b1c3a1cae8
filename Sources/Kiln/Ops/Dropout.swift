/// Dropout in inference: a view (output = input, no copy); the optional mask is all true (all ones of the input
/// type before opset 10), written by a fill kernel. Training mode (opset 12's `training_mode` input set to
/// true) is supported only with a ratio of 0 (nothing dropped); otherwise the output is random.
public enum Dropout: Operator {
    public static let opType = "Dropout"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        if n.opset >= 12 && n.hasInput(2) {
            let t = try n.requireConstant(2, "training_mode")
            guard t.count == 1 else { throw n.error("training_mode must be a scalar") }
            if t.int64(at: 0) != 0 {
                // Training with ratio 0 drops nothing: still the identity. Any other ratio is random.
                let ratio = n.hasInput(1) ? try n.requireConstant(1, "ratio") : nil
                guard let r = ratio, r.count == 1, r.double(at: 0) == 0 else {
                    throw n.unsupported("training mode is not supported (Kiln compiles inference)")
                }
            }
        }
        var out = [x]
        if n.outputCount > 1 { out.append(TensorType(maskType(n, x), x.shape)) }
        return out
    }

    static func maskType(_ n: NodeContext, _ x: TensorType) -> DType { n.opset >= 10 ? .bool : x.dtype }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        var out = [x]
        if n.outputCount > 1 {
            let t = TensorType(maskType(n, x.type), x.shape)
            out.append(TensorData(dtype: t.dtype, shape: t.shape, doubles: [Double](repeating: 1, count: t.count)))
        }
        return out
    }

    /// Only the mask: output 0 shares the input's buffer (the scheduler lowers views for their other outputs).
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        guard n.hasOutput(1) else { return }
        let m = try n.output(1)
        let one = DataMovement.scalarConstant(&b, TensorData(dtype: m.dtype, shape: [], doubles: [1]).bytes, m.dtype,
                                              name: "\(n.name)_one")
        b.call("kiln_fill_\(DataMovement.width(m.dtype))", source: "kiln_fill",
               [.output(try n.outputID(1)), .int(m.count), .input(one)])
    }
}
