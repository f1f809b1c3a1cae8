import Foundation

/// The `quantize-qdq` pass: rewrites quantized subgraphs into integer operators and records every quantized
/// tensor's parameters in `Value.quant`.
///
/// QDQ models (onnxruntime's static quantizer, tf2onnx from TFLite) express integer inference as
/// DequantizeLinear → float operator (→ Relu/Clip) → QuantizeLinear. Where the float operator has an integer
/// form, the group becomes one `kiln::` operator that reads the integer inputs and writes the integer output:
///
/// | float op (inputs from DequantizeLinear) | integer form |
/// |---|---|
/// | Conv (int8 weights per tensor or per channel, int32 or float bias) | Transpose → `kiln::QConv` (NHWC) → Transpose |
/// | MatMul by constant weights (+ Add bias), Gemm | `kiln::QGemm` |
/// | Add, Mul of two quantized tensors | `kiln::QAdd`, `kiln::QMul` |
/// | AveragePool, GlobalAveragePool, MaxPool, GlobalMaxPool | Transpose → `kiln::QAveragePool` / `QMaxPool` → Transpose |
/// | Softmax over the last axis | `kiln::QSoftmax` |
/// | 8-bit element-wise ops (Sigmoid, Tanh, LeakyRelu, HardSwish, Relu, Clip, Exp..., Add/Mul/Div by a scalar) | `kiln::QTable` |
/// | Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Slice, Gather, Pad, nearest Resize, ... | the same op on integers (+ `kiln::Requantize` when the parameters change) |
/// | Concat | Concat on integers, or `kiln::QConcat` when inputs need requantizing |
/// | DequantizeLinear → QuantizeLinear | nothing (same parameters), `kiln::QTable` or `kiln::Requantize` |
///
/// A following Relu or Clip (constant bounds) becomes the integer op's `fusedActivation` (its output clamp).
/// Activations stay 8-bit (int8/uint8) or 16-bit (int16, with int8 weights: "16x8"); int32 biases are rescaled
/// to accumulator units when their scale is not exactly x_scale * w_scale. Convolutions and pools run on
/// channels-last data between Transposes that the `channels-last` pass folds away. Groups that do not match
/// (non-constant parameters, blocked quantization, unsupported types) are left to the float kernels.
public enum QuantizeQDQ {
    public static func run(_ g: Graph) throws {
        try QDQRewriter(g).run()
    }
}

final class QDQRewriter {
    let g: Graph
    var nodeByID: [NodeID: Node] = [:]

    init(_ g: Graph) { self.g = g }

    /// A quantized tensor: the integer value, its type and parameters.
    struct QTensor {
        var value: ValueID
        var dtype: DType
        var quant: QuantParams
        var perTensor: QuantizedOps.TensorQuant? {
            guard quant.scale.count == 1, quant.zeroPoint.count == 1 else { return nil }
            return QuantizedOps.TensorQuant(scale: quant.scale[0], zeroPoint: quant.zeroPoint[0])
        }
    }

    /// The QuantizeLinear that ends a group, with the activation nodes between it and the float op.
    struct OutputChain {
        var removed: [Node]
        var act: ActivationSpec?
        var y: QTensor
    }

    func run() throws {
        refresh()
        for node in g.nodes where nodeByID[node.id] != nil {
            inferIfPossible(node)
            if try rewrite(node) { refresh() }
        }
        annotate()
    }

    /// Types (and folds) a node when its inputs are typed. Errors are left for infer-and-fold to report: float
    /// operators Kiln has no float kernel for are fine as long as they sit inside a group this pass rewrites.
    func inferIfPossible(_ n: Node) {
        guard n.outputs.contains(where: { $0 != nil && g.value($0!).type == nil }),
              n.inputs.allSatisfy({ $0 == nil || g.value($0!).type != nil }) else { return }
        try? InferAndFold.inferNode(g, n)
    }

    func refresh() { nodeByID = Dictionary(uniqueKeysWithValues: g.nodes.map { ($0.id, $0) }) }

    // MARK: graph queries

    func producer(_ v: ValueID) -> Node? { g.value(v).producer.flatMap { nodeByID[$0] } }
    func consumers(_ v: ValueID) -> [Node] { g.nodes.filter { $0.inputs.contains(v) } }
    func isDefault(_ n: Node) -> Bool { n.domain.isEmpty || n.domain == "ai.onnx" }
    func constant(_ v: ValueID?) -> TensorData? { v.flatMap { g.value($0).constant } }
    func type(_ v: ValueID) -> TensorType? { g.value(v).type }
    func ctx(_ n: Node) -> NodeContext { NodeContext(graph: g, node: n) }
    func input(_ n: Node, _ i: Int) -> ValueID? { i < n.inputs.count ? n.inputs[i] : nil }

    /// Constant scale / zero point of a Q or DQ node (inputs 1 and 2), with the normalized axis.
    func params(_ n: Node, dataRank: Int) -> QuantParams? {
        guard let s = constant(input(n, 1)), s.dtype.isFloat else { return nil }
        let z = input(n, 2).map { constant($0) }
        if case .some(.none) = z { return nil }                 // zero point computed at run time
        if let zz = z ?? nil, zz.count != s.count { return nil }
        if s.count == 1 { return Quantization.params(scale: s, zeroPoint: z ?? nil, axis: nil) }
        guard s.shape.count == 1 else { return nil }          // blocked
        let c = ctx(n)
        if (try? c.int("block_size", default: 0)) ?? 1 != 0 { return nil }
        guard let a = try? c.axis(try c.int("axis", default: 1), rank: dataRank) else { return nil }
        return Quantization.params(scale: s, zeroPoint: z ?? nil, axis: a)
    }

    /// `v` is the float32 output of a DequantizeLinear with constant parameters.
    func dequantized(_ v: ValueID?) -> QTensor? {
        guard let v, let dq = producer(v), dq.opType == "DequantizeLinear", isDefault(dq), let x = input(dq, 0),
              let xt = type(x), type(v)?.dtype == .float32, let q = params(dq, dataRank: xt.rank) else { return nil }
        return QTensor(value: x, dtype: xt.dtype, quant: q)
    }

    /// Follows `v` through an optional Relu/Clip to the one QuantizeLinear (per-tensor, constant) that reads it.
    /// An activation a float fusion pass already folded into `v`'s producer counts as that Relu/Clip.
    func quantizedOutput(_ v: ValueID?, allowActivation: Bool = true) -> OutputChain? {
        guard var cur = v else { return nil }
        var removed: [Node] = []
        var act: ActivationSpec? = producer(cur)?.fusedActivation
        if act != nil && !allowActivation { return nil }
        while true {
            guard !g.outputs.contains(cur) else { return nil }
            let cs = consumers(cur)
            guard cs.count == 1, isDefault(cs[0]) else { return nil }
            let c = cs[0]
            if c.opType == "QuantizeLinear", c.inputs.first == cur, let y = c.outputs.first ?? nil,
               let dt = try? QuantizeLinear.outputDType(ctx(c)), let q = params(c, dataRank: type(y)?.rank ?? 0),
               q.scale.count == 1 {
                return OutputChain(removed: removed + [c], act: act, y: QTensor(value: y, dtype: dt, quant: q))
            }
            guard allowActivation, act == nil, c.inputs.first == cur, let a = activation(c), let o = c.outputs.first ?? nil else {
                return nil
            }
            act = a
            removed.append(c)
            cur = o
        }
    }

    /// Relu, or Clip with constant bounds, as an ActivationSpec.
    func activation(_ n: Node) -> ActivationSpec? {
        switch n.opType {
        case "Relu": return ActivationSpec(.relu, min: 0)
        case "Clip":
            let c = ctx(n)
            if c.opset < 11 {
                let lo = (try? c.float("min")) ?? nil, hi = (try? c.float("max")) ?? nil
                return ActivationSpec(.clip, min: lo ?? -.infinity, max: hi ?? .infinity)
            }
            var bounds: [Float] = [-.infinity, .infinity]
            for i in 1...2 where input(n, i) != nil {
                guard let t = constant(input(n, i)), t.count == 1, t.dtype.isFloat else { return nil }
                bounds[i - 1] = Float(t.double(at: 0))
            }
            return ActivationSpec(.clip, min: bounds[0], max: bounds[1])
        default: return nil
        }
    }

    // MARK: committing a rewrite

    /// Replaces `remove` by `add` (placed where the last removed node was), after inferring the new nodes'
    /// types and recording `quant`. Leaves the graph untouched and returns false when a new node rejects its
    /// inputs or a value already carries different parameters.
    func commit(remove: [Node], add: [Node], quant: [ValueID: QuantParams]) -> Bool {
        var savedProducers: [ValueID: NodeID?] = [:]
        for r in remove { for case let o? in r.outputs { savedProducers[o] = r.id } }
        func rollback() {
            for (v, p) in savedProducers { g.value(v).producer = p }
        }
        for (v, q) in quant {
            if let old = g.value(v).quant, old != q { rollback(); return false }
        }
        var typed: [ValueID] = []
        for n in add {
            guard let op = OperatorTable.lookup(n) else { rollback(); return false }
            let c = ctx(n)
            guard let types = try? op.infer(c) else {
                for v in typed { g.value(v).type = nil }
                rollback(); return false
            }
            for (i, o) in n.outputs.enumerated() {
                guard let o, i < types.count else { continue }
                if let t = type(o), savedProducers[o] != nil {
                    if t != types[i] { for v in typed { g.value(v).type = nil }; rollback(); return false }
                } else {
                    g.setType(o, types[i])
                    typed.append(o)
                }
            }
        }
        for (v, q) in quant { g.value(v).quant = q }
        let removeIDs = Set(remove.map(\.id))
        let at = g.nodes.lastIndex { removeIDs.contains($0.id) } ?? g.nodes.count
        var nodes = g.nodes
        nodes.insert(contentsOf: add, at: at + 1)
        nodes.removeAll { removeIDs.contains($0.id) }
        g.nodes = nodes
        return true
    }

    func newValue(_ base: String) -> ValueID { g.addValue(name: base).id }

    func node(_ op: String, domain: String = "", _ name: String, _ inputs: [ValueID?], _ outputs: [ValueID],
              _ attrs: [String: Attribute] = [:], act: ActivationSpec? = nil) -> Node {
        let n = g.addNode(name: name, opType: op, domain: domain, attributes: attrs, inputs: inputs, outputs: outputs)
        n.fusedActivation = act
        return n
    }

    /// Transposes around a channels-last op: x (channels-first) → [x_nhwc], y_nhwc → y.
    func channelsLastWrap(x: QTensor, y: QTensor, name: String, rank: Int, make: (ValueID, ValueID) -> Node) -> [Node] {
        let xt = newValue(g.value(x.value).name + "_nhwc")
        let yt = newValue(g.value(y.value).name + "_nhwc")
        let t1 = node("Transpose", name + "_to_nhwc", [x.value], [xt], ["perm": .ints(ChannelsLastCopy.toLast(rank))])
        let core = make(xt, yt)
        let t2 = node("Transpose", name + "_to_nchw", [yt], [y.value], ["perm": .ints(ChannelsLastCopy.toFirst(rank))])
        pendingQuant[xt] = x.quant
        pendingQuant[yt] = y.quant
        return [t1, core, t2]
    }
    var pendingQuant: [ValueID: QuantParams] = [:]

    // MARK: dispatch

    static let dataMovement: Set<String> = [
        "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Identity", "Slice", "Gather", "DepthToSpace",
        "SpaceToDepth", "Resize", "Upsample", "Pad", "Expand", "Tile", "Dropout",
    ]
    static let unary: Set<String> = [
        "Sigmoid", "Tanh", "Relu", "LeakyRelu", "Clip", "HardSigmoid", "HardSwish", "Elu", "Selu", "Celu", "Exp", "Log",
        "Softplus", "Softsign", "Gelu", "Mish", "Neg", "Abs", "Sqrt", "Erf", "ThresholdedRelu", "Shrink", "Sin", "Cos",
        "Atan", "Reciprocal", "Floor", "Ceil", "Round", "Sign", "PRelu",
        "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min",
    ]

    func rewrite(_ n: Node) throws -> Bool {
        pendingQuant = [:]
        if let done = rewriteQLinear(n) { return done }
        guard isDefault(n) else { return false }
        switch n.opType {
        case "Conv": return rewriteConv(n)
        case "MatMul": return rewriteMatMul(n)
        case "Gemm": return rewriteGemm(n)
        case "AveragePool", "GlobalAveragePool": return rewritePool(n)
        case "MaxPool", "GlobalMaxPool": return rewritePool(n) || rewriteIntegerMaxPool(n)
        case "Softmax": return rewriteSoftmax(n)
        case "Concat": return rewriteConcat(n)
        case "QuantizeLinear": return rewriteRequantize(n)
        default: break
        }
        if n.opType == "Add" || n.opType == "Mul", rewriteBinary(n) { return true }
        if QDQRewriter.unary.contains(n.opType), rewriteElementwise(n) { return true }
        if QDQRewriter.dataMovement.contains(n.opType) { return rewriteDataMovement(n) }
        return false
    }

}
