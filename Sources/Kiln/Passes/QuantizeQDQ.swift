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

    // MARK: Conv

    /// Real bias values (float or dequantized int32), or nil when the input is something else.
    func realBias(_ v: ValueID?, count: Int) -> [Double]?? {
        guard let v else { return .some(nil) }
        if let bq = dequantized(v), let bd = constant(bq.value), bq.dtype == .int32, bd.count == count || bd.count == 1 {
            let s = bq.quant.scale, z = bq.quant.zeroPoint
            return .some((0..<count).map { i in
                let k = bd.count == 1 ? 0 : i
                let sk = s.count == 1 ? 0 : i
                return Double(bd.int64(at: k) - Int64(z[sk])) * Double(s[sk])
            })
        }
        if let c = constant(v), c.dtype.isFloat, c.count == count || c.count == 1 {
            return .some((0..<count).map { c.double(at: c.count == 1 ? 0 : $0) })
        }
        return nil
    }

    /// A bias in accumulator units (scale accScale[m]): the int32 bias itself when its scale is accScale, else
    /// the real value divided by accScale, rounded.
    func accumulatorBias(_ v: ValueID?, accScales: [Double]) -> [Int64]?? {
        let m = accScales.count
        if let v, let bq = dequantized(v), let bd = constant(bq.value), bq.dtype == .int32, bd.count == m,
           bq.quant.zeroPoint.allSatisfy({ $0 == 0 }) {
            let exact = (0..<m).allSatisfy { i in
                let s = Double(bq.quant.scale.count == 1 ? bq.quant.scale[0] : bq.quant.scale[i])
                return abs(s / accScales[i] - 1) < 1e-6
            }
            if exact { return .some(bd.int64s) }
        }
        guard let real = realBias(v, count: m) else { return nil }
        guard let r = real else { return .some(nil) }
        return .some((0..<m).map { i in
            let q = (r[i] / accScales[i]).rounded(.toNearestOrEven)
            return q.isFinite ? Int64(Swift.max(Swift.min(q, 4e18), -4e18)) : 0
        })
    }

    func biasValue(_ bias: [Int64], scales: [Double], name: String) -> ValueID {
        let v = g.addValue(name: name, constant: TensorData(dtype: .int32, shape: [bias.count],
                                                             int64s: bias.map { Swift.min(Swift.max($0, Int64(Int32.min)), Int64(Int32.max)) }))
        pendingQuant[v.id] = QuantParams(scale: scales.map { Float($0) }, zeroPoint: [Int](repeating: 0, count: scales.count),
                                         axis: scales.count > 1 ? 0 : nil)
        return v.id
    }

    func rewriteConv(_ c: Node) -> Bool {
        guard let x = dequantized(input(c, 0)), constant(x.value) == nil, let xq = x.perTensor,
              Quantization.activationTypes.contains(x.dtype), let xt = type(x.value), xt.rank == 3 || xt.rank == 4,
              let w = dequantized(input(c, 1)), let wd = constant(w.value), wd.dtype == .int8 || wd.dtype == .uint8,
              wd.shape.count == xt.rank, w.quant.axis == nil || w.quant.axis == 0,
              let out = quantizedOutput(c.outputs.first ?? nil), out.y.dtype == x.dtype else { return false }
        let M = wd.shape[0]
        let wScales = w.quant.scale.count == 1 ? [Float](repeating: w.quant.scale[0], count: M) : w.quant.scale
        guard wScales.count == M else { return false }
        let accScales = wScales.map { Double(xq.scale) * Double($0) }
        guard let biasOpt = accumulatorBias(input(c, 2), accScales: accScales) else { return false }
        // Resolve auto_pad into explicit pads.
        guard let f = try? QuantizedConv.geometry(ctx(c), x: xt.shape, w: wd.shape).1 else { return false }
        var attrs: [String: Attribute] = ["strides": .ints(f.strides), "pads": .ints(f.pads),
                                          "dilations": .ints(f.dilations), "group": .int((try? ctx(c).int("group", default: 1)) ?? 1)]
        attrs["kernel_shape"] = .ints(f.kernel)
        let biasID = biasOpt.map { biasValue($0, scales: accScales, name: c.name + "_bias_q") }
        pendingQuant[w.value] = w.quant
        pendingQuant[x.value] = x.quant
        pendingQuant[out.y.value] = out.y.quant
        let nodes = channelsLastWrap(x: x, y: out.y, name: c.name, rank: xt.rank) { xin, yout in
            node("QConv", domain: "kiln", c.name, [xin, w.value, biasID], [yout], attrs, act: out.act)
        }
        return commit(remove: [c] + out.removed, add: nodes, quant: pendingQuant)
    }

    // MARK: MatMul / Gemm

    /// Builds a `kiln::QGemm` from x [.., K] and weights given as [N][K] values.
    func makeGemm(name: String, x: QTensor, xq: QuantizedOps.TensorQuant, weights: [Int64], wType: DType, n N: Int, k K: Int,
                  wScales: [Float], wZeroPoints: [Int], bias: ValueID??, out: OutputChain, remove: [Node],
                  alpha: Double = 1) -> Bool {
        let accScales = wScales.map { Double(xq.scale) * Double($0) * alpha }
        let biasID: ValueID?
        switch bias {
        case .none: biasID = nil
        case .some(let v):
            guard let bopt = accumulatorBias(v, accScales: accScales) else { return false }
            biasID = bopt.map { biasValue($0, scales: accScales, name: name + "_bias_q") }
        }
        let wv = g.addValue(name: name + "_weights_nk", constant: TensorData(dtype: wType, shape: [N, K], int64s: weights))
        pendingQuant[wv.id] = QuantParams(scale: wScales.map { Float(Double($0) * alpha) }, zeroPoint: wZeroPoints,
                                          axis: wScales.count > 1 || wZeroPoints.count > 1 ? 0 : nil)
        pendingQuant[x.value] = x.quant
        pendingQuant[out.y.value] = out.y.quant
        let gm = node("QGemm", domain: "kiln", name, [x.value, wv.id, biasID], [out.y.value], act: out.act)
        return commit(remove: remove + out.removed, add: [gm], quant: pendingQuant)
    }

    /// Per-output scales and zero points of weights quantized per tensor or along `axis`.
    func perOutput(_ q: QuantParams, axis: Int, n: Int) -> (scales: [Float], zps: [Int])? {
        if q.scale.count == 1 { return ([Float](repeating: q.scale[0], count: n), q.zeroPoint.count == 1 ? [q.zeroPoint[0]] : q.zeroPoint) }
        guard q.axis == axis, q.scale.count == n else { return nil }
        return (q.scale, q.zeroPoint)
    }

    func rewriteMatMul(_ mm: Node) -> Bool {
        guard let x = dequantized(input(mm, 0)), constant(x.value) == nil, let xq = x.perTensor,
              Quantization.activationTypes.contains(x.dtype),
              let w = dequantized(input(mm, 1)), let wd = constant(w.value), wd.dtype == .int8 || wd.dtype == .uint8,
              wd.shape.count == 2, let o = mm.outputs.first ?? nil else { return false }
        let K = wd.shape[0], N = wd.shape[1]
        guard let (scales, zps) = perOutput(w.quant, axis: 1, n: N) else { return false }
        // An Add of a [N] bias right after the MatMul belongs to it.
        var remove = [mm]
        var bias: ValueID?? = .none
        var tail = o
        let cs = consumers(o)
        if cs.count == 1, cs[0].opType == "Add", isDefault(cs[0]), !g.outputs.contains(o), let ao = cs[0].outputs.first ?? nil {
            let other = cs[0].inputs.first { $0 != o } ?? nil
            if let other, let ot = type(other), ot.count == N, ot.shape.last == N, realBias(other, count: N) != nil {
                bias = .some(other)
                remove.append(cs[0])
                tail = ao
            }
        }
        guard let out = quantizedOutput(tail), out.y.dtype == x.dtype else { return false }
        var wt = [Int64](repeating: 0, count: N * K)
        for k in 0..<K { for j in 0..<N { wt[j * K + k] = wd.int64(at: k * N + j) } }
        return makeGemm(name: mm.name, x: x, xq: xq, weights: wt, wType: wd.dtype, n: N, k: K, wScales: scales,
                        wZeroPoints: zps, bias: bias, out: out, remove: remove)
    }

    func rewriteGemm(_ gm: Node) -> Bool {
        let c = ctx(gm)
        guard (try? c.int("transA", default: 0)) == 0,
              let x = dequantized(input(gm, 0)), constant(x.value) == nil, let xq = x.perTensor,
              Quantization.activationTypes.contains(x.dtype), type(x.value)?.rank == 2,
              let w = dequantized(input(gm, 1)), let wd = constant(w.value), wd.dtype == .int8 || wd.dtype == .uint8,
              wd.shape.count == 2, let out = quantizedOutput(gm.outputs.first ?? nil), out.y.dtype == x.dtype,
              let alpha = try? c.float("alpha", default: 1), let beta = try? c.float("beta", default: 1),
              alpha > 0 else { return false }
        let transB = ((try? c.int("transB", default: 0)) ?? 0) != 0
        let K = transB ? wd.shape[1] : wd.shape[0], N = transB ? wd.shape[0] : wd.shape[1]
        guard let (scales, zps) = perOutput(w.quant, axis: transB ? 0 : 1, n: N) else { return false }
        var wt = [Int64](repeating: 0, count: N * K)
        for k in 0..<K { for j in 0..<N { wt[j * K + k] = wd.int64(at: transB ? j * K + k : k * N + j) } }
        var bias: ValueID?? = .none
        if let cv = input(gm, 2) {
            guard let ct = type(cv), ct.count == N || ct.count == 1, beta == 1 else { return false }
            bias = .some(cv)
        }
        return makeGemm(name: gm.name, x: x, xq: xq, weights: wt, wType: wd.dtype, n: N, k: K, wScales: scales,
                        wZeroPoints: zps, bias: bias, out: out, remove: [gm], alpha: Double(alpha))
    }

    // MARK: Add / Mul

    func rewriteBinary(_ n: Node) -> Bool {
        guard n.inputs.count == 2, let a = dequantized(input(n, 0)), let b = dequantized(input(n, 1)),
              a.perTensor != nil, b.perTensor != nil, a.dtype == b.dtype, Quantization.activationTypes.contains(a.dtype),
              let out = quantizedOutput(n.outputs.first ?? nil), out.y.dtype == a.dtype else { return false }
        pendingQuant[a.value] = a.quant
        pendingQuant[b.value] = b.quant
        pendingQuant[out.y.value] = out.y.quant
        let q = node(n.opType == "Add" ? "QAdd" : "QMul", domain: "kiln", n.name, [a.value, b.value], [out.y.value], act: out.act)
        return commit(remove: [n] + out.removed, add: [q], quant: pendingQuant)
    }

    // MARK: pools

    func rewritePool(_ p: Node) -> Bool {
        guard let x = dequantized(input(p, 0)), x.perTensor != nil, Quantization.activationTypes.contains(x.dtype),
              let xt = type(x.value), xt.rank == 3 || xt.rank == 4,
              !(p.outputs.count > 1 && p.outputs[1] != nil),
              let out = quantizedOutput(p.outputs.first ?? nil), out.y.dtype == x.dtype else { return false }
        let c = ctx(p)
        let isMax = p.opType.hasSuffix("MaxPool")
        var attrs: [String: Attribute] = [:]
        if p.opType.hasPrefix("Global") {
            attrs["global"] = .int(1)
        } else {
            guard let k = try? c.ints("kernel_shape"), k.count == xt.rank - 2, var f = try? SpatialFilter(c, kernel: k) else { return false }
            let ceil = ((try? c.int("ceil_mode", default: 0)) ?? 0) != 0
            guard (try? f.outputSize(Array(xt.shape[2...]), ceilMode: ceil, c)) != nil else { return false }
            attrs = ["kernel_shape": .ints(k), "strides": .ints(f.strides), "pads": .ints(f.pads),
                     "dilations": .ints(f.dilations), "ceil_mode": .int(ceil ? 1 : 0)]
            if !isMax { attrs["count_include_pad"] = .int((try? c.int("count_include_pad", default: 0)) ?? 0) }
        }
        pendingQuant[x.value] = x.quant
        pendingQuant[out.y.value] = out.y.quant
        let nodes = channelsLastWrap(x: x, y: out.y, name: p.name, rank: xt.rank) { xin, yout in
            node(isMax ? "QMaxPool" : "QAveragePool", domain: "kiln", p.name, [xin], [yout], attrs, act: out.act)
        }
        return commit(remove: [p] + out.removed, add: nodes, quant: pendingQuant)
    }

    /// MaxPool directly on integer data (QOperator models): the same codes, on the channels-last kernel.
    func rewriteIntegerMaxPool(_ p: Node) -> Bool {
        guard let xv = input(p, 0), let xt = type(xv), Quantization.activationTypes.contains(xt.dtype), xt.rank == 3 || xt.rank == 4,
              let yv = p.outputs.first ?? nil, !(p.outputs.count > 1 && p.outputs[1] != nil) else { return false }
        let q = g.value(xv).quant ?? QuantParams(scale: [1], zeroPoint: [0])
        guard q.scale.count == 1 else { return false }
        let x = QTensor(value: xv, dtype: xt.dtype, quant: q)
        let y = QTensor(value: yv, dtype: xt.dtype, quant: g.value(yv).quant ?? q)
        guard y.quant == q else { return false }
        let c = ctx(p)
        var attrs: [String: Attribute] = ["global": .int(1)]
        if p.opType == "MaxPool" {
            guard let k = try? c.ints("kernel_shape"), k.count == xt.rank - 2, var f = try? SpatialFilter(c, kernel: k) else { return false }
            let ceil = ((try? c.int("ceil_mode", default: 0)) ?? 0) != 0
            guard (try? f.outputSize(Array(xt.shape[2...]), ceilMode: ceil, c)) != nil else { return false }
            attrs = ["kernel_shape": .ints(k), "strides": .ints(f.strides), "pads": .ints(f.pads),
                     "dilations": .ints(f.dilations), "ceil_mode": .int(ceil ? 1 : 0)]
        }
        if g.value(xv).quant != nil {
            pendingQuant[yv] = q
        }
        let nodes = channelsLastWrap(x: x, y: y, name: p.name, rank: xt.rank) { xin, yout in
            node("QMaxPool", domain: "kiln", p.name, [xin], [yout], attrs)
        }
        if g.value(xv).quant == nil {   // parameters unknown: the layout copies carry none either
            pendingQuant = pendingQuant.filter { $0.key != nodes[0].outputs[0]! && $0.key != nodes[1].outputs[0]! }
        }
        return commit(remove: [p], add: nodes, quant: pendingQuant)
    }

    // MARK: Softmax

    func rewriteSoftmax(_ s: Node) -> Bool {
        guard let x = dequantized(input(s, 0)), x.perTensor != nil, Quantization.activationTypes.contains(x.dtype),
              let xt = type(x.value), xt.rank >= 1,
              let out = quantizedOutput(s.outputs.first ?? nil, allowActivation: false), out.y.dtype == x.dtype else { return false }
        let c = ctx(s)
        let axis = (try? c.int("axis", default: c.opset >= 13 ? -1 : 1)) ?? 1
        guard (axis < 0 ? axis + xt.rank : axis) == xt.rank - 1 else { return false }
        pendingQuant[x.value] = x.quant
        pendingQuant[out.y.value] = out.y.quant
        let q = node("QSoftmax", domain: "kiln", s.name, [x.value], [out.y.value])
        return commit(remove: [s] + out.removed, add: [q], quant: pendingQuant)
    }

    // MARK: element-wise tables

    /// Evaluates the float node `n` (input `at` replaced by `values`, other inputs constant) at compile time.
    func evaluate(_ n: Node, at: Int, values: [Float]) -> [Float]? {
        let mg = Graph(sourceFile: g.sourceFile)
        mg.opsets = g.opsets
        var ins: [ValueID?] = []
        for (i, v) in n.inputs.enumerated() {
            if i == at {
                ins.append(mg.addValue(name: "x", constant: TensorData(dtype: .float32, shape: [values.count],
                                                                      doubles: values.map { Double($0) })).id)
            } else if let v {
                guard let c = constant(v) else { return nil }
                ins.append(mg.addValue(name: g.value(v).name, constant: c).id)
            } else {
                ins.append(nil)
            }
        }
        let y = mg.addValue(name: "y")
        let outs: [ValueID?] = [y.id] + n.outputs.dropFirst().map { _ in nil }
        let mn = mg.addNode(name: n.name, opType: n.opType, domain: n.domain, attributes: n.attributes, inputs: ins, outputs: outs)
        mg.nodes = [mn]
        mg.outputs = [y.id]
        guard (try? InferAndFold.run(mg)) != nil, let r = mg.value(y.id).constant, r.count == values.count,
              r.dtype == .float32 else { return nil }
        return (0..<r.count).map { Float(r.double(at: $0)) }
    }

    func rewriteElementwise(_ n: Node) -> Bool {
        // exactly one quantized run-time input; the others constant scalars
        var at: Int? = nil
        for (i, v) in n.inputs.enumerated() {
            guard let v else { continue }
            if let c = constant(v) {
                guard c.count == 1 else { return false }
            } else if at == nil {
                at = i
            } else {
                return false
            }
        }
        guard let at, let x = dequantized(input(n, at)), let xq = x.perTensor,
              let out = quantizedOutput(n.outputs.first ?? nil, allowActivation: true), let yq = out.y.perTensor,
              n.outputs.dropFirst().allSatisfy({ $0 == nil || consumers($0!).isEmpty && !g.outputs.contains($0!) }) else { return false }
        pendingQuant[x.value] = x.quant
        pendingQuant[out.y.value] = out.y.quant
        if x.dtype.size == 1 && out.y.dtype.size == 1 {
            let clamp = Quantization.clamp(out.act, y: out.y.quant, out.y.dtype)
            let lo = Quantization.range(x.dtype).lo
            let codes = (0..<256).map { Float(lo + $0 - xq.zeroPoint) * xq.scale }
            guard let values = evaluate(n, at: at, values: codes) else { return false }
            let t = QuantizedKernels.table(x: x.dtype, xq: xq, y: out.y.dtype, yq: yq) { _ in values }
            let clamped = TensorData(dtype: t.dtype, shape: t.shape,
                                     int64s: t.int64s.map { Swift.min(Swift.max($0, Int64(clamp.lo)), Int64(clamp.hi)) })
            let q = node("QTable", domain: "kiln", n.name, [x.value], [out.y.value], ["table": .tensor(clamped)])
            return commit(remove: [n] + out.removed, add: [q], quant: pendingQuant)
        }
        // 16-bit: Relu / Clip become a requantization with a clamp
        guard at == 0, let act = activation(n), out.act == nil else { return false }
        let q = node("Requantize", domain: "kiln", n.name, [x.value], [out.y.value], ["to": .int(out.y.dtype.rawValue)], act: act)
        return commit(remove: [n] + out.removed, add: [q], quant: pendingQuant)
    }

    // MARK: data movement

    func rewriteDataMovement(_ n: Node) -> Bool {
        guard let x = dequantized(input(n, 0)), let xq = x.perTensor,
              n.inputs.dropFirst().allSatisfy({ $0 == nil || constant($0) != nil }),
              n.outputs.dropFirst().allSatisfy({ $0 == nil || consumers($0!).isEmpty && !g.outputs.contains($0!) }),
              let out = quantizedOutput(n.outputs.first ?? nil, allowActivation: false), out.y.perTensor != nil else { return false }
        let c = ctx(n)
        var inputs = n.inputs
        inputs[0] = x.value
        var attrs = n.attributes
        if n.opType == "Resize" || n.opType == "Upsample" {
            guard ((try? c.string("mode", default: "nearest")) ?? "") == "nearest" else { return false }
        }
        if n.opType == "Pad" {
            let mode = (try? c.string("mode", default: "constant")) ?? "constant"
            if mode == "constant" {
                let value: Float
                if c.opset < 11 { value = (try? c.float("value", default: 0)) ?? 0 } else {
                    value = constant(input(n, 2)).map { Float($0.double(at: 0)) } ?? 0
                }
                let qv = Quantization.quantize(value / xq.scale, zeroPoint: xq.zeroPoint, x.dtype)
                if c.opset < 11 {
                    attrs["value"] = .float(Float(qv))
                } else {
                    while inputs.count < 3 { inputs.append(nil) }
                    inputs[2] = g.addValue(name: n.name + "_pad_q", constant: TensorData(dtype: x.dtype, shape: [], int64s: [Int64(qv)])).id
                }
            }
        }
        pendingQuant[x.value] = x.quant
        pendingQuant[out.y.value] = out.y.quant
        let same = x.dtype == out.y.dtype && x.quant == out.y.quant
        let mid = same ? out.y.value : newValue(g.value(out.y.value).name + "_unscaled")
        let outs: [ValueID?] = [mid] + n.outputs.dropFirst().map { _ in nil }
        let moved = g.addNode(name: n.name, opType: n.opType, domain: n.domain, attributes: attrs, inputs: inputs, outputs: outs)
        var add = [moved]
        if !same {
            pendingQuant[mid] = x.quant
            add.append(node("Requantize", domain: "kiln", n.name + "_requantize", [mid], [out.y.value], ["to": .int(out.y.dtype.rawValue)]))
        }
        return commit(remove: [n] + out.removed, add: add, quant: pendingQuant)
    }

    // MARK: Concat

    func rewriteConcat(_ n: Node) -> Bool {
        guard !n.inputs.isEmpty, let out = quantizedOutput(n.outputs.first ?? nil, allowActivation: false),
              out.y.perTensor != nil, let yt = type(n.inputs[0]!) else { return false }
        var xs: [QTensor] = []
        for v in n.inputs {
            guard let x = dequantized(v), x.perTensor != nil, Quantization.quantTypes.contains(x.dtype) else { return false }
            xs.append(x)
        }
        guard let a = try? ctx(n).axis(try ctx(n).int("axis", default: 1), rank: yt.rank) else { return false }
        for x in xs { pendingQuant[x.value] = x.quant }
        pendingQuant[out.y.value] = out.y.quant
        let plain = xs.allSatisfy { $0.dtype == out.y.dtype && $0.quant == out.y.quant }
        let q = node(plain ? "Concat" : "QConcat", domain: plain ? "" : "kiln", n.name, xs.map { $0.value }, [out.y.value],
                     ["axis": .int(a)])
        return commit(remove: [n] + out.removed, add: [q], quant: pendingQuant)
    }

    // MARK: DequantizeLinear → QuantizeLinear

    func rewriteRequantize(_ q: Node) -> Bool {
        guard let x = dequantized(input(q, 0)), let xq = x.perTensor, constant(x.value) == nil,
              let y = q.outputs.first ?? nil, let yt = type(y), Quantization.quantTypes.contains(yt.dtype),
              let yp = params(q, dataRank: yt.rank), yp.scale.count == 1 else { return false }
        let yq = QuantizedOps.TensorQuant(scale: yp.scale[0], zeroPoint: yp.zeroPoint[0])
        pendingQuant[x.value] = x.quant
        pendingQuant[y] = yp
        if x.dtype.size == 1 && yt.dtype.size == 1 {
            if x.dtype == yt.dtype && xq == yq && !g.outputs.contains(y) {
                // the same codes: readers of y read x
                g.replaceUses(of: y, with: x.value)
                g.value(x.value).quant = x.quant
                g.nodes.removeAll { $0.id == q.id }
                return true
            }
            let t = QuantizedKernels.table(x: x.dtype, xq: xq, y: yt.dtype, yq: yq) { $0 }
            return commit(remove: [q], add: [node("QTable", domain: "kiln", q.name, [x.value], [y], ["table": .tensor(t)])],
                          quant: pendingQuant)
        }
        return commit(remove: [q], add: [node("Requantize", domain: "kiln", q.name, [x.value], [y], ["to": .int(yt.dtype.rawValue)])],
                      quant: pendingQuant)
    }

    // MARK: QLinear operators

    /// Constant per-tensor or per-axis parameters from a scale input and an optional zero-point input.
    func constQuant(_ n: Node, scale: Int, zp: Int, axis: Int? = nil) -> QuantParams? {
        guard let s = constant(input(n, scale)), s.dtype.isFloat else { return nil }
        var z: TensorData? = nil
        if let zv = input(n, zp) {
            guard let c = constant(zv) else { return nil }
            z = c
        }
        if let z, z.count != s.count && z.count != 1 { return nil }
        let scales = Quantization.floats(s)
        var zps = z?.ints ?? [0]
        if zps.count == 1 && scales.count > 1 { zps = [Int](repeating: zps[0], count: scales.count) }
        return QuantParams(scale: scales, zeroPoint: zps.count == scales.count ? zps : [zps[0]], axis: scales.count > 1 ? axis : nil)
    }

    func qtensor(_ n: Node, value: Int, scale: Int, zp: Int) -> QTensor? {
        guard let v = input(n, value), let t = type(v), let q = constQuant(n, scale: scale, zp: zp), q.scale.count == 1 else { return nil }
        return QTensor(value: v, dtype: t.dtype, quant: q)
    }

    func output(_ n: Node, scale: Int, zp: Int) -> QTensor? {
        guard let y = n.outputs.first ?? nil, let t = type(y), let q = constQuant(n, scale: scale, zp: zp), q.scale.count == 1 else { return nil }
        return QTensor(value: y, dtype: t.dtype, quant: q)
    }

    /// Rewrites the ONNX / com.microsoft quantized operators (constant parameters) into the kiln:: integer operators
    /// so that the channels-last pass can fold their layout transposes; nil when `n` is not one of them.
    func rewriteQLinear(_ n: Node) -> Bool? {
        let op = n.qualifiedOp
        switch op {
        case "QLinearConv":
            guard let x = qtensor(n, value: 0, scale: 1, zp: 2), let y = output(n, scale: 6, zp: 7), x.dtype == y.dtype,
                  let xq = x.perTensor, let xt = type(x.value), xt.rank == 3 || xt.rank == 4,
                  let w = input(n, 3), let wd = constant(w), let wq = constQuant(n, scale: 4, zp: 5, axis: 0),
                  let f = try? QuantizedConv.geometry(ctx(n), x: xt.shape, w: wd.shape).1 else { return false }
            var bias: ValueID? = nil
            if let bv = input(n, 8) {
                guard let bd = constant(bv), bd.dtype == .int32 else { return false }
                bias = bv
                let accScales = (0..<wd.shape[0]).map { Float(Double(xq.scale) * Double(wq.scale.count == 1 ? wq.scale[0] : wq.scale[$0])) }
                pendingQuant[bv] = QuantParams(scale: accScales, zeroPoint: [Int](repeating: 0, count: accScales.count), axis: 0)
            }
            let attrs: [String: Attribute] = ["strides": .ints(f.strides), "pads": .ints(f.pads), "dilations": .ints(f.dilations),
                                              "group": .int((try? ctx(n).int("group", default: 1)) ?? 1), "kernel_shape": .ints(f.kernel)]
            pendingQuant[w] = wq
            pendingQuant[x.value] = x.quant
            pendingQuant[y.value] = y.quant
            let nodes = channelsLastWrap(x: x, y: y, name: n.name, rank: xt.rank) { xin, yout in
                node("QConv", domain: "kiln", n.name, [xin, w, bias], [yout], attrs)
            }
            return commit(remove: [n], add: nodes, quant: pendingQuant)
        case "com.microsoft::QLinearAdd", "com.microsoft::QLinearMul":
            guard let a = qtensor(n, value: 0, scale: 1, zp: 2), let b = qtensor(n, value: 3, scale: 4, zp: 5),
                  let y = output(n, scale: 6, zp: 7) else { return false }
            pendingQuant[a.value] = a.quant
            pendingQuant[b.value] = b.quant
            pendingQuant[y.value] = y.quant
            let q = node(op.hasSuffix("Add") ? "QAdd" : "QMul", domain: "kiln", n.name, [a.value, b.value], [y.value])
            return commit(remove: [n], add: [q], quant: pendingQuant)
        case "com.microsoft::QLinearSigmoid", "com.microsoft::QLinearLeakyRelu":
            guard let x = qtensor(n, value: 0, scale: 1, zp: 2), let y = output(n, scale: 3, zp: 4),
                  let xq = x.perTensor, let yq = y.perTensor, x.dtype.size == 1 else { return false }
            let alpha = (try? ctx(n).float("alpha", default: 0.01)) ?? 0.01
            let sigmoid = op.hasSuffix("Sigmoid")
            let t = QuantizedKernels.table(x: x.dtype, xq: xq, y: y.dtype, yq: yq) { v in
                v.map { sigmoid ? 1 / (1 + exp(-$0)) : ($0 >= 0 ? $0 : alpha * $0) }
            }
            pendingQuant[x.value] = x.quant
            pendingQuant[y.value] = y.quant
            return commit(remove: [n], add: [node("QTable", domain: "kiln", n.name, [x.value], [y.value], ["table": .tensor(t)])],
                          quant: pendingQuant)
        case "com.microsoft::QLinearConcat":
            guard let y = output(n, scale: 0, zp: 1), let yt = type(y.value), n.inputs.count >= 5, (n.inputs.count - 2) % 3 == 0,
                  let a0 = try? ctx(n).int("axis"), let a = try? ctx(n).axis(a0, rank: yt.rank) else { return false }
            var xs: [QTensor] = []
            for k in stride(from: 2, to: n.inputs.count, by: 3) {
                guard let x = qtensor(n, value: k, scale: k + 1, zp: k + 2) else { return false }
                xs.append(x)
            }
            for x in xs { pendingQuant[x.value] = x.quant }
            pendingQuant[y.value] = y.quant
            let plain = xs.allSatisfy { $0.dtype == y.dtype && $0.quant == y.quant }
            let q = node(plain ? "Concat" : "QConcat", domain: plain ? "" : "kiln", n.name, xs.map { $0.value }, [y.value], ["axis": .int(a)])
            return commit(remove: [n], add: [q], quant: pendingQuant)
        case "com.microsoft::QLinearAveragePool", "com.microsoft::QLinearGlobalAveragePool":
            guard let x = qtensor(n, value: 0, scale: 1, zp: 2), let y = output(n, scale: 3, zp: 4), x.dtype == y.dtype,
                  let xt = type(x.value), xt.rank == 3 || xt.rank == 4 else { return false }
            let c = ctx(n)
            let last = ((try? c.int("channels_last", default: 0)) ?? 0) != 0
            var attrs: [String: Attribute] = [:]
            if op.hasSuffix("GlobalAveragePool") {
                attrs["global"] = .int(1)
            } else {
                let spatial = last ? Array(xt.shape[1..<(xt.rank - 1)]) : Array(xt.shape[2...])
                guard let k = try? c.ints("kernel_shape"), k.count == spatial.count, var f = try? SpatialFilter(c, kernel: k) else { return false }
                let ceil = ((try? c.int("ceil_mode", default: 0)) ?? 0) != 0
                guard (try? f.outputSize(spatial, ceilMode: ceil, c)) != nil else { return false }
                attrs = ["kernel_shape": .ints(k), "strides": .ints(f.strides), "pads": .ints(f.pads),
                         "dilations": .ints(f.dilations), "ceil_mode": .int(ceil ? 1 : 0),
                         "count_include_pad": .int((try? c.int("count_include_pad", default: 0)) ?? 0)]
            }
            pendingQuant[x.value] = x.quant
            pendingQuant[y.value] = y.quant
            if last {
                return commit(remove: [n], add: [node("QAveragePool", domain: "kiln", n.name, [x.value], [y.value], attrs)], quant: pendingQuant)
            }
            let nodes = channelsLastWrap(x: x, y: y, name: n.name, rank: xt.rank) { xin, yout in
                node("QAveragePool", domain: "kiln", n.name, [xin], [yout], attrs)
            }
            return commit(remove: [n], add: nodes, quant: pendingQuant)
        default:
            return nil
        }
    }

    // MARK: annotation

    static let views: Set<String> = ["Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Identity", "Slice",
                                     "Gather", "Pad", "Resize", "Upsample", "DepthToSpace", "SpaceToDepth", "Expand",
                                     "Tile", "Concat", "Split", "Dropout"]

    /// Records the parameters of every tensor a remaining QuantizeLinear writes or DequantizeLinear reads, and
    /// carries per-tensor parameters across integer data movement (forwards and backwards).
    func annotate() {
        for n in g.nodes where isDefault(n) {
            if n.opType == "DequantizeLinear", let x = input(n, 0), let t = type(x), g.value(x).quant == nil,
               let q = params(n, dataRank: t.rank) {
                g.value(x).quant = q
            }
            if n.opType == "QuantizeLinear", let y = n.outputs.first ?? nil, let t = type(y), g.value(y).quant == nil,
               let q = params(n, dataRank: t.rank) {
                g.value(y).quant = q
            }
        }
        var changed = true
        while changed {
            changed = false
            for n in g.nodes where isDefault(n) && QDQRewriter.views.contains(n.opType) {
                guard let x = input(n, 0), let xt = type(x), !xt.dtype.isFloat else { continue }
                let outs = n.outputs.compactMap { $0 }
                if let q = g.value(x).quant, q.scale.count == 1 {
                    for o in outs where g.value(o).quant == nil && type(o)?.dtype == xt.dtype {
                        g.value(o).quant = q
                        changed = true
                    }
                } else if n.opType != "Concat", let o = outs.first, let q = g.value(o).quant, q.scale.count == 1,
                          type(o)?.dtype == xt.dtype {
                    g.value(x).quant = q
                    changed = true
                }
            }
        }
    }
}
