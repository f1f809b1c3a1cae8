/// Fusion passes that run after shape inference and folding: fold BatchNormalization into the preceding
/// Conv/ConvTranspose/Gemm, fold a following constant bias Add into Conv/Gemm (MatMul + Add becomes Gemm), and
/// fuse a following Relu or constant-bound Clip into Conv/ConvTranspose/Gemm/MatMul (`Node.fusedActivation`).
/// Each rewrite makes the producer write the consumer's output value, so graph outputs keep their value ids.
enum FusionSupport {
    /// Uses of every value: node inputs, graph outputs, and references from subgraphs (which cannot be rewired).
    static func useCounts(_ g: Graph) -> [ValueID: Int] {
        var uses: [ValueID: Int] = [:]
        for n in g.nodes {
            for case let i? in n.inputs { uses[i, default: 0] += 1 }
            for a in n.attributes.values {
                let subs: [Graph]
                switch a {
                case .graph(let s): subs = [s]
                case .graphs(let s): subs = s
                default: subs = []
                }
                for s in subs { for outer in s.outerReferences.values { uses[outer, default: 0] += 2 } }
            }
        }
        for o in g.outputs { uses[o, default: 0] += 2 }
        return uses
    }

    /// The node producing `v` if `v` is used exactly once (by the node about to be merged into it).
    static func soleProducer(_ g: Graph, _ v: ValueID, _ byID: [NodeID: Node], _ uses: [ValueID: Int]) -> Node? {
        guard uses[v] == 1, g.value(v).constant == nil, let pid = g.value(v).producer, let p = byID[pid],
              p.outputs.first == v, p.outputs.dropFirst().allSatisfy({ $0 == nil || uses[$0!] == nil }) else { return nil }
        return p
    }

    /// `producer` takes over `consumer`'s output 0; `consumer` is dropped.
    static func merge(_ g: Graph, _ producer: Node, into consumer: Node) {
        guard let out = consumer.outputs.first ?? nil else { return }
        producer.outputs[0] = out
        g.value(out).producer = producer.id
        g.nodes.removeAll { $0 === consumer }
    }

    static func isDefaultDomain(_ n: Node) -> Bool { n.domain.isEmpty || n.domain == "ai.onnx" }

    static func float32Constant(_ g: Graph, _ v: ValueID?) -> TensorData? {
        guard let v, let c = g.value(v).constant, c.dtype == .float32 else { return nil }
        return c
    }

    static func intAttr(_ n: Node, _ name: String, _ d: Int) -> Int {
        if case .int(let v)? = n.attributes[name] { return v }
        return d
    }
    static func floatAttr(_ n: Node, _ name: String, _ d: Float) -> Float {
        switch n.attributes[name] {
        case .float(let v)?: return v
        case .int(let v)?: return Float(v)
        default: return d
        }
    }

    static func tensor(_ shape: [Int], _ v: [Double]) -> TensorData { TensorData(dtype: .float32, shape: shape, doubles: v) }

    /// Per-channel values of a constant `d` broadcast over an output of shape `out` whose channel dim is
    /// `axis`, or nil when `d` varies along another dim or would grow the output.
    static func perChannel(_ d: TensorData, out: [Int], axis: Int) -> [Double]? {
        guard d.shape.count <= out.count, Broadcast.shape([d.shape, out]) == out else { return nil }
        let pad = out.count - d.shape.count
        for (i, s) in d.shape.enumerated() where s != 1 && i + pad != axis { return nil }
        let channels = out[axis]
        let v = d.doubles
        if d.count == 1 { return [Double](repeating: v[0], count: channels) }
        return v.count == channels ? v : nil
    }
}

/// Folds an inference BatchNormalization into the Conv, ConvTranspose or Gemm that feeds it (constant weights).
public enum FoldBatchNorm {
    public static func run(_ g: Graph) throws {
        var changed = true
        while changed {
            changed = false
            let byID = Dictionary(uniqueKeysWithValues: g.nodes.map { ($0.id, $0) })
            let uses = FusionSupport.useCounts(g)
            for bn in g.nodes where bn.opType == "BatchNormalization" && FusionSupport.isDefaultDomain(bn) {
                if try fold(g, bn, byID, uses) { changed = true; break }
            }
        }
    }

    static func fold(_ g: Graph, _ bn: Node, _ byID: [NodeID: Node], _ uses: [ValueID: Int]) throws -> Bool {
        guard bn.inputs.count == 5, bn.outputs.dropFirst().allSatisfy({ $0 == nil || uses[$0!] == nil }),
              FusionSupport.intAttr(bn, "training_mode", 0) == 0, FusionSupport.intAttr(bn, "spatial", 1) == 1,
              let x = bn.inputs[0], let out = bn.outputs.first ?? nil, g.value(out).type?.dtype == .float32,
              let s = FusionSupport.float32Constant(g, bn.inputs[1]), let bb = FusionSupport.float32Constant(g, bn.inputs[2]),
              let mean = FusionSupport.float32Constant(g, bn.inputs[3]), let vr = FusionSupport.float32Constant(g, bn.inputs[4]),
              let p = FusionSupport.soleProducer(g, x, byID, uses), FusionSupport.isDefaultDomain(p),
              p.fusedActivation == nil, let xt = g.value(x).type, xt.rank >= 2 else { return false }
        let c = xt.shape[1]
        guard s.count == c, bb.count == c, mean.count == c, vr.count == c else { return false }
        let eps = Double(FusionSupport.floatAttr(bn, "epsilon", 1e-5))
        let sv = s.doubles, bv = bb.doubles, mv = mean.doubles, vv = vr.doubles
        let a = (0..<c).map { sv[$0] / (vv[$0] + eps).squareRoot() }
        switch p.opType {
        case "Conv", "ConvTranspose":
            guard let w = FusionSupport.float32Constant(g, p.inputs.count > 1 ? p.inputs[1] : nil), w.shape.count >= 3 else { return false }
            var old = [Double](repeating: 0, count: c)
            if p.inputs.count > 2, let bid = p.inputs[2] {
                guard let bias = FusionSupport.float32Constant(g, bid), bias.count == c else { return false }
                old = bias.doubles
            }
            var wv = w.doubles
            let per = w.shape[2...].reduce(1, *)
            if p.opType == "Conv" {
                guard w.shape[0] == c else { return false }
                for m in 0..<c { for k in 0..<(w.count / c) { wv[m * (w.count / c) + k] *= a[m] } }
            } else {
                let group = FusionSupport.intAttr(p, "group", 1)
                let mg = w.shape[1], cin = w.shape[0]
                guard group > 0, cin % group == 0, mg * group == c else { return false }
                let cg = cin / group
                for ci in 0..<cin { for j in 0..<mg { for k in 0..<per { wv[(ci * mg + j) * per + k] *= a[(ci / cg) * mg + j] } } }
            }
            let nb = (0..<c).map { (old[$0] - mv[$0]) * a[$0] + bv[$0] }
            let wID = g.addValue(name: "\(p.name)_w_bn", constant: FusionSupport.tensor(w.shape, wv)).id
            let bID = g.addValue(name: "\(p.name)_b_bn", constant: FusionSupport.tensor([c], nb)).id
            p.inputs = [p.inputs[0], wID, bID]
        case "Gemm":
            guard let bw = FusionSupport.float32Constant(g, p.inputs.count > 1 ? p.inputs[1] : nil), bw.shape.count == 2,
                  xt.rank == 2 else { return false }
            let transB = FusionSupport.intAttr(p, "transB", 0) != 0
            let beta = Double(FusionSupport.floatAttr(p, "beta", 1))
            var cv = [Double](repeating: 0, count: c)
            if p.inputs.count > 2, let cid = p.inputs[2] {
                guard let ct = FusionSupport.float32Constant(g, cid),
                      let per = FusionSupport.perChannel(ct, out: xt.shape, axis: 1) else { return false }
                cv = per.map { $0 * beta }
            }
            var wv = bw.doubles
            let rows = bw.shape[0], cols = bw.shape[1]
            for r in 0..<rows { for q in 0..<cols { wv[r * cols + q] *= a[transB ? r : q] } }
            let nc = (0..<c).map { (cv[$0] - mv[$0]) * a[$0] + bv[$0] }
            let wID = g.addValue(name: "\(p.name)_B_bn", constant: FusionSupport.tensor(bw.shape, wv)).id
            let cID = g.addValue(name: "\(p.name)_C_bn", constant: FusionSupport.tensor([c], nc)).id
            p.inputs = [p.inputs[0], wID, cID]
            p.attributes["beta"] = .float(1)
        default:
            return false
        }
        FusionSupport.merge(g, p, into: bn)
        return true
    }
}

/// Folds `Add(y, constant)` into the Conv or Gemm producing y when the constant is per output channel, and turns
/// `Add(MatMul(A, B), constant)` with 2-D A and B into `Gemm(A, B, constant)`.
public enum FoldBiasAdd {
    public static func run(_ g: Graph) throws {
        var changed = true
        while changed {
            changed = false
            let byID = Dictionary(uniqueKeysWithValues: g.nodes.map { ($0.id, $0) })
            let uses = FusionSupport.useCounts(g)
            for add in g.nodes where add.opType == "Add" && FusionSupport.isDefaultDomain(add) && add.inputs.count == 2 {
                if fold(g, add, byID, uses) { changed = true; break }
            }
        }
    }

    static func fold(_ g: Graph, _ add: Node, _ byID: [NodeID: Node], _ uses: [ValueID: Int]) -> Bool {
        guard let out = add.outputs.first ?? nil, let ot = g.value(out).type, ot.dtype == .float32 else { return false }
        for side in 0..<2 {
            guard let y = add.inputs[side], let d = FusionSupport.float32Constant(g, add.inputs[1 - side]),
                  let p = FusionSupport.soleProducer(g, y, byID, uses), FusionSupport.isDefaultDomain(p),
                  p.fusedActivation == nil, g.value(y).type == ot else { continue }
            switch p.opType {
            case "Conv", "ConvTranspose":
                guard ot.rank >= 3, let per = FusionSupport.perChannel(d, out: ot.shape, axis: 1) else { continue }
                var old = [Double](repeating: 0, count: per.count)
                if p.inputs.count > 2, let bid = p.inputs[2] {
                    guard let bias = FusionSupport.float32Constant(g, bid) else { continue }
                    old = bias.doubles
                }
                let bID = g.addValue(name: "\(p.name)_b_add", constant: FusionSupport.tensor([per.count], zip(old, per).map(+))).id
                p.inputs = [p.inputs[0], p.inputs[1], bID]
            case "Gemm":
                guard ot.rank == 2, d.shape.count <= 2 else { continue }
                let beta = Double(FusionSupport.floatAttr(p, "beta", 1))
                var cShape = d.shape, cVals = d.doubles
                if p.inputs.count > 2, let cid = p.inputs[2] {
                    guard let ct = FusionSupport.float32Constant(g, cid), let s = Broadcast.shape([ct.shape, d.shape]) else { continue }
                    let maps = Broadcast.indexMaps([ct.shape, d.shape], to: s)
                    let cv = ct.doubles, dv = d.doubles
                    cShape = s
                    cVals = (0..<s.reduce(1, *)).map { beta * cv[maps[0][$0]] + dv[maps[1][$0]] }
                }
                let cID = g.addValue(name: "\(p.name)_C_add", constant: FusionSupport.tensor(cShape, cVals)).id
                p.inputs = [p.inputs[0], p.inputs[1], cID]
                p.attributes["beta"] = .float(1)
            case "MatMul":
                guard p.inputs.count == 2, let a = p.inputs[0], let b = p.inputs[1],
                      g.value(a).type?.rank == 2, g.value(b).type?.rank == 2, d.shape.count <= 2 else { continue }
                p.opType = "Gemm"
                p.attributes = [:]
                p.inputs = [a, b, add.inputs[1 - side]]
            default:
                continue
            }
            FusionSupport.merge(g, p, into: add)
            return true
        }
        return false
    }
}

/// Fuses `Relu` and `Clip` with constant bounds into the Conv, ConvTranspose, Gemm or MatMul producing their input.
public enum FuseActivation {
    static let producers: Set<String> = ["Conv", "ConvTranspose", "Gemm", "MatMul"]

    public static func run(_ g: Graph) throws {
        var changed = true
        while changed {
            changed = false
            let byID = Dictionary(uniqueKeysWithValues: g.nodes.map { ($0.id, $0) })
            let uses = FusionSupport.useCounts(g)
            for act in g.nodes where (act.opType == "Relu" || act.opType == "Clip") && FusionSupport.isDefaultDomain(act) {
                guard let x = act.inputs.first ?? nil, g.value(x).type?.dtype == .float32,
                      let p = FusionSupport.soleProducer(g, x, byID, uses), FusionSupport.isDefaultDomain(p),
                      producers.contains(p.opType), p.fusedActivation == nil, let spec = spec(g, act) else { continue }
                p.fusedActivation = spec
                FusionSupport.merge(g, p, into: act)
                changed = true
                break
            }
        }
    }

    static func spec(_ g: Graph, _ act: Node) -> ActivationSpec? {
        if act.opType == "Relu" { return ActivationSpec(.relu) }
        let opset = g.opsets[act.domain] ?? g.opset
        var lo = -Float.infinity, hi = Float.infinity
        if opset < 11 {
            lo = FusionSupport.floatAttr(act, "min", -Float.greatestFiniteMagnitude)
            hi = FusionSupport.floatAttr(act, "max", Float.greatestFiniteMagnitude)
        } else {
            for (i, slot) in [1, 2].enumerated() where act.inputs.count > slot {
                guard let v = act.inputs[slot] else { continue }
                guard let c = FusionSupport.float32Constant(g, v), c.count == 1 else { return nil }
                if i == 0 { lo = Float(c.double(at: 0)) } else { hi = Float(c.double(at: 0)) }
            }
        }
        guard !lo.isNaN, !hi.isNaN else { return nil }
        return ActivationSpec(.clip, min: lo, max: hi)
    }
}
