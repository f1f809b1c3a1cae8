/// The `channels-last` pass: removes the layout Transposes around the channels-last integer kernels so that no
/// transpose runs per inference where it can be folded.
///
/// `quantize-qdq` wraps every `kiln::QConv` / `QAveragePool` / `QMaxPool` in NCHW→NHWC and NHWC→NCHW Transposes
/// (the graph stays correct at every step); exporters add their own (tf2onnx starts TFLite models with an
/// NHWC→NCHW Transpose of the input). Repeated until nothing changes:
///
/// 1. Transpose(Transpose(x, p), q) → Transpose(x, p∘q); an identity Transpose disappears (its readers read x).
/// 2. A Transpose that only moves size-1 dims is a Reshape (a view: no kernel, no copy).
/// 3. A Transpose is sunk below layout-agnostic integer operators (`kiln::QAdd`/`QMul` whose operands are both
///    transposed alike, `QTable`, `Requantize`, Concat/`QConcat` with the axis remapped) when everything reading
///    their result is a Transpose or another such operator, so it meets the inverse Transpose and cancels.
public enum ChannelsLast {
    public static func run(_ g: Graph) throws {
        var changed = true
        var rounds = 0
        while changed && rounds < 1000 {
            changed = false
            rounds += 1
            // One index per round, kept current by every rewrite, so a round costs O(nodes), not O(nodes²).
            let ix = UseIndex(g)
            for n in g.nodes where isTranspose(n) && ix.isLive(n) {
                if try foldPair(g, ix, n) || removeIdentity(g, ix, n) || toReshape(g, ix, n) || sink(g, ix, n) { changed = true }
            }
            g.nodes = ix.applied(to: g.nodes)
            try DeadCodeElimination.run(g)
        }
    }

    /// Who produces and who reads each value during one round of the pass. Rewrites go through it; node
    /// replacements are recorded and applied to `Graph.nodes` in one sweep at the end of the round, in place of
    /// the node they replace, so the order stays topological.
    final class UseIndex {
        private var producers: [ValueID: Node] = [:]
        private var readers: [ValueID: [Node]] = [:]
        private var replacements: [ObjectIdentifier: [Node]] = [:]

        init(_ g: Graph) {
            for n in g.nodes {
                for case let o? in n.outputs { producers[o] = n }
                for case let i? in n.inputs { addReader(n, of: i) }
            }
        }

        func producer(_ v: ValueID) -> Node? { producers[v] }
        func consumers(_ v: ValueID) -> [Node] { readers[v] ?? [] }
        func isLive(_ n: Node) -> Bool { replacements[ObjectIdentifier(n)] == nil }

        private func addReader(_ n: Node, of v: ValueID) {
            if !(readers[v] ?? []).contains(where: { $0 === n }) { readers[v, default: []].append(n) }
        }
        private func dropReader(_ n: Node, of v: ValueID) {
            readers[v]?.removeAll { $0 === n }
        }

        /// `n.inputs[i] = v`.
        func setInput(_ n: Node, _ i: Int, _ v: ValueID) {
            let old = n.inputs[i]
            n.inputs[i] = v
            if let old, !n.inputs.contains(old) { dropReader(n, of: old) }
            addReader(n, of: v)
        }

        /// Every reader of `old` reads `new` instead.
        func replaceUses(of old: ValueID, with new: ValueID) {
            for r in readers[old] ?? [] {
                r.inputs = r.inputs.map { $0 == old ? new : $0 }
                addReader(r, of: new)
            }
            readers[old] = nil
        }

        /// `old` leaves the graph; `new` (already built, in order) take its place.
        func replace(_ old: Node, with new: [Node]) {
            for case let i? in old.inputs { dropReader(old, of: i) }
            for case let o? in old.outputs where producers[o] === old { producers[o] = nil }
            for n in new {
                for case let o? in n.outputs { producers[o] = n }
                for case let i? in n.inputs { addReader(n, of: i) }
            }
            replacements[ObjectIdentifier(old)] = new
        }

        func applied(to nodes: [Node]) -> [Node] {
            replacements.isEmpty ? nodes : nodes.flatMap { replacements[ObjectIdentifier($0)] ?? [$0] }
        }
    }

    static func isTranspose(_ n: Node) -> Bool {
        n.opType == "Transpose" && (n.domain.isEmpty || n.domain == "ai.onnx") && n.inputs.count == 1 && n.outputs.count == 1
    }

    static func perm(_ g: Graph, _ n: Node) -> [Int]? {
        guard let x = n.inputs[0], let t = g.value(x).type else { return nil }
        if case .ints(let p)? = n.attributes["perm"], p.count == t.rank, Set(p) == Set(0..<t.rank) { return p }
        if n.attributes["perm"] == nil { return Array((0..<t.rank).reversed()) }
        return nil
    }

    /// Transpose(Transpose(x, p), q) reads x directly with the composed permutation.
    static func foldPair(_ g: Graph, _ ix: UseIndex, _ n: Node) throws -> Bool {
        guard let t = n.inputs[0], let inner = ix.producer(t), isTranspose(inner), let x = inner.inputs[0],
              let p = perm(g, inner), let q = perm(g, n) else { return false }
        ix.setInput(n, 0, x)
        n.attributes["perm"] = .ints(q.map { p[$0] })
        return true
    }

    static func removeIdentity(_ g: Graph, _ ix: UseIndex, _ n: Node) -> Bool {
        guard let p = perm(g, n), p == Array(0..<p.count), let x = n.inputs[0], let y = n.outputs[0],
              !g.outputs.contains(y) else { return false }
        ix.replaceUses(of: y, with: x)
        ix.replace(n, with: [])
        return true
    }

    /// Size-1 dims moving around the others: same bytes, new shape.
    static func toReshape(_ g: Graph, _ ix: UseIndex, _ n: Node) -> Bool {
        guard let p = perm(g, n), let x = n.inputs[0], let xt = g.value(x).type, let y = n.outputs[0],
              let yt = g.value(y).type else { return false }
        let moved = p.filter { xt.shape[$0] != 1 }
        guard moved == moved.sorted() else { return false }
        let shape = g.addValue(name: g.value(y).name + "_shape", constant: .vector(yt.shape.map { Int64($0) }))
        let old = g.opset < 5
        let r = g.addNode(name: n.name, opType: "Reshape", attributes: old ? ["shape": .ints(yt.shape)] : [:],
                          inputs: old ? [x] : [x, shape.id], outputs: [y])
        ix.replace(n, with: [r])
        return true
    }

    static let agnostic: Set<String> = ["kiln::QAdd", "kiln::QMul", "kiln::QTable", "kiln::Requantize", "Concat", "kiln::QConcat",
                                        "Pad", "Resize"]

    /// Pad and Resize take per-dim constants (pads; roi, scales, sizes) that follow the permutation.
    static func permutedInputs(_ g: Graph, _ u: Node, _ p: [Int], source: ValueID) -> [ValueID?]? {
        let r = p.count
        let inv = (0..<r).map { i in p.firstIndex(of: i)! }
        func permute(_ v: ValueID?, pairs: Bool) -> ValueID?? {
            guard let v else { return .some(nil) }
            guard let c = g.value(v).constant else { return nil }
            if c.count == 0 { return .some(v) }
            let vals = c.int64s.isEmpty ? [] : (0..<c.count).map { c.double(at: $0) }
            let n = pairs ? 2 * r : r
            guard c.shape.count == 1, c.count == n else { return nil }
            var out = [Double](repeating: 0, count: n)
            for d in 0..<r {
                out[d] = vals[inv[d]]
                if pairs { out[d + r] = vals[inv[d] + r] }
            }
            return .some(g.addValue(name: g.value(v).name + "_perm", constant: TensorData(dtype: c.dtype, shape: c.shape, doubles: out)).id)
        }
        var ins: [ValueID?] = [source]
        if u.opType == "Pad" {
            guard u.attributes["pads"] == nil, u.inputs.count <= 3, u.inputs.count >= 2 else { return nil }  // opset >= 11, no axes
            guard let pads = permute(u.inputs[1], pairs: true) else { return nil }
            ins.append(pads)
            if u.inputs.count > 2 { ins.append(u.inputs[2]) }
            return ins
        }
        // Resize: X, roi, scales, sizes (opset >= 11, no axes attribute)
        guard u.attributes["axes"] == nil, u.inputs.count >= 3 else { return nil }
        for (i, v) in u.inputs.enumerated().dropFirst() {
            guard let pv = permute(v, pairs: i == 1) else { return nil }
            ins.append(pv)
        }
        return ins
    }

    /// Whether everything reading `v` is a Transpose or a layout-agnostic operator (so sinking a Transpose into
    /// `v`'s producer can end in a cancellation rather than in more copies).
    static func sinkTarget(_ g: Graph, _ ix: UseIndex, _ v: ValueID) -> Bool {
        guard !g.outputs.contains(v) else { return false }
        let cs = ix.consumers(v)
        return !cs.isEmpty && cs.allSatisfy { isTranspose($0) || agnostic.contains($0.qualifiedOp) }
    }

    static func sink(_ g: Graph, _ ix: UseIndex, _ t: Node) throws -> Bool {
        guard let p = perm(g, t), let tOut = t.outputs[0] else { return false }
        for u in ix.consumers(tOut) where agnostic.contains(u.qualifiedOp) {
            guard let uo = u.outputs.first ?? nil, u.outputs.count == 1, sinkTarget(g, ix, uo) else { continue }
            // every run-time operand must be a Transpose with the same permutation
            // (element-wise operands must also agree in shape: no broadcasting across the permutation)
            let concat = u.opType == "Concat" || u.opType == "QConcat"
            var newInputs: [ValueID?] = []
            var ok = true
            for v in u.inputs {
                guard let v, let pn = ix.producer(v), isTranspose(pn), perm(g, pn) == p, let src = pn.inputs[0],
                      concat || g.value(v).type?.shape == g.value(tOut).type?.shape else { ok = false; break }
                newInputs.append(src)
            }
            if u.opType == "Pad" || u.opType == "Resize" {
                guard let pn = u.inputs.first.flatMap({ $0 }).flatMap({ ix.producer($0) }), isTranspose(pn), perm(g, pn) == p,
                      let src = pn.inputs[0], let ins = permutedInputs(g, u, p, source: src) else { continue }
                newInputs = ins
                ok = true
            }
            guard ok, let srcType = g.value(newInputs[0]!).type, let outType = g.value(uo).type else { continue }
            var attrs = u.attributes
            if concat {
                guard case .int(let a)? = u.attributes["axis"] else { continue }
                let axis = a < 0 ? a + p.count : a
                guard axis >= 0 && axis < p.count else { continue }
                attrs["axis"] = .int(p[axis])
            }
            // u(T(x)) → T(u(x)): the new u works in the source layout.
            let inv = (0..<p.count).map { i in p.firstIndex(of: i)! }
            let mid = g.addValue(name: g.value(uo).name + "_sunk", type: TensorType(outType.dtype, inv.map { outType.shape[$0] }))
            mid.quant = g.value(uo).quant
            guard mid.type!.rank == srcType.rank else { continue }
            let nu = g.addNode(name: u.name, opType: u.opType, domain: u.domain, attributes: attrs, inputs: newInputs, outputs: [mid.id])
            nu.fusedActivation = u.fusedActivation
            let nt = g.addNode(name: u.name + "_transpose", opType: "Transpose", attributes: ["perm": .ints(p)],
                               inputs: [mid.id], outputs: [uo])
            guard let op = OperatorTable.lookup(nu), let types = try? op.infer(NodeContext(graph: g, node: nu)),
                  types.first == mid.type else {
                g.value(uo).producer = u.id
                continue
            }
            ix.replace(u, with: [nu, nt])
            return true
        }
        return false
    }
}
