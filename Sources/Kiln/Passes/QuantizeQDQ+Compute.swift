import Foundation

/// Rewrites of the compute operators: Conv, MatMul/Gemm, Add/Mul, pools, Softmax (see `QuantizeQDQ`).
extension QDQRewriter {
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

}
