import Foundation

/// Rewrites of element-wise tables, data movement, Concat, requantization and the QLinear operators, and the final
/// annotation of quantization parameters (see `QuantizeQDQ`).
extension QDQRewriter {
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
