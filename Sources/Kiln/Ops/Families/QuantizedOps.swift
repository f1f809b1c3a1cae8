/// Helpers of the Kiln-internal quantized operators (`kiln::Q*`), which read quantization parameters from
/// `Value.quant` (filled by the quantize-qdq pass) rather than from scale / zero-point inputs.
public enum QuantizedOps {
    public struct TensorQuant: Equatable {
        public var scale: Float
        public var zeroPoint: Int
    }

    static func perTensor(_ n: NodeContext, _ v: ValueID, _ what: String) throws -> TensorQuant {
        guard let q = n.graph.value(v).quant else { throw n.error("internal: \(what) has no quantization parameters") }
        guard q.scale.count == 1, q.zeroPoint.count == 1 else { throw n.unsupported("\(what) must be quantized per tensor") }
        return TensorQuant(scale: q.scale[0], zeroPoint: q.zeroPoint[0])
    }

    /// Per-tensor parameters of input `i`.
    public static func tensorQuant(_ n: NodeContext, input i: Int) throws -> TensorQuant {
        try perTensor(n, try n.inputID(i), "input \(i)")
    }
    /// Per-tensor parameters of output `i`.
    public static func tensorQuant(_ n: NodeContext, output i: Int) throws -> TensorQuant {
        try perTensor(n, try n.outputID(i), "output \(i)")
    }

    /// The output clamp of node `n` (its type's range narrowed by a fused Relu/Clip).
    public static func clamp(_ n: NodeContext, _ qy: TensorQuant, _ t: DType) -> (lo: Int, hi: Int) {
        Quantization.clamp(n.node.fusedActivation, y: QuantParams(scale: [qy.scale], zeroPoint: [qy.zeroPoint]), t)
    }
}
