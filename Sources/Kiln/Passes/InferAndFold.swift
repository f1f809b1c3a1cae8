/// Shape inference and constant folding in one walk over the topologically ordered nodes: a node's output types
/// may depend on constant inputs (Reshape's shape), and those constants are often produced by folding earlier
/// nodes (PyTorch's Shape→Gather→Concat→Reshape chains), so the two cannot be separate passes.
public enum InferAndFold {
    /// Folded results larger than this stay run-time computations unless their inputs were at least as large:
    /// folding must not turn a cheap ConstantOfShape or Expand into kilobytes of flash.
    public static let maxFoldGrowthBytes = 64 * 1024
    /// Largest dim of a tensor without elements.
    public static let maxEmptyDim = 1 << 16

    public static func run(_ g: Graph) throws {
        for node in g.nodes { try inferNode(g, node) }
        try checkDeclaredOutputs(g)
    }

    /// Infers (and where possible folds) one node whose input types are known: the step `run` takes for every
    /// node in order. Passes that rewrite the graph before it is fully typed call it node by node.
    public static func inferNode(_ g: Graph, _ node: Node) throws {
        guard let op = OperatorTable.lookup(node) else {
            let what = node.domain.isEmpty ? "operator" : "operator in domain '\(KilnError.printable(node.domain))'"
            throw KilnError(.unsupported, "\(what) is not supported", file: g.sourceFile, node: node.name, op: node.qualifiedOp)
        }
        let ctx = NodeContext(graph: g, node: node)
        for (i, v) in node.inputs.enumerated() {
            if let id = v, g.value(id).type == nil { throw ctx.error("type of input \(i) is unknown") }
        }
        let types = try op.infer(ctx)
        guard types.count >= node.outputs.filter({ $0 != nil }).count || types.count == node.outputs.count else {
            throw ctx.error("the node has \(node.outputs.count) outputs, the operator produces \(types.count)")
        }
        for (i, out) in node.outputs.enumerated() {
            guard let id = out, i < types.count else { continue }
            let t = types[i]
            guard let count = t.shape.checkedElementCount(limit: TensorProtoCoding.maxElements) else {
                throw ctx.error("output \(i) would have shape \(t.shape), which is negative or too large")
            }
            // Kernels and folding index tensors per dim: an empty tensor must not carry a giant dim.
            if count == 0, let big = t.shape.first(where: { $0 > maxEmptyDim }) {
                throw ctx.unsupported("output \(i) would have shape \(t.shape): no elements, but a dim of \(big) (more than \(maxEmptyDim))")
            }
            g.setType(id, t)
        }
        // The size check comes before folding too: a tiny model must not make the compiler compute (and hold)
        // a gigabyte-sized ConstantOfShape, Expand, Tile or Range that would only be refused afterwards.
        if let inputs = ctx.constantInputs ?? (op.foldsFromTypes ? [] : nil),
           foldable(inputs, outputs: node.outputs.prefix(types.count).compactMap { $0.flatMap { g.value($0).type } }, op),
           let folded = try op.fold(ctx) {
            let inBytes = inputs.reduce(0) { $0 + ($1?.bytes.count ?? 0) }
            let outBytes = folded.reduce(0) { $0 + $1.bytes.count }
            if outBytes <= max(maxFoldGrowthBytes, inBytes) || op.aliasesInput {
                for (i, out) in node.outputs.enumerated() {
                    guard let id = out, i < folded.count else { continue }
                    guard folded[i].type == g.value(id).type else {
                        throw ctx.error("internal: folded output \(i) is \(folded[i].type), inferred \(g.value(id).type!)")
                    }
                    g.setConstant(id, folded[i])
                }
            }
        }
    }

    static func foldable(_ inputs: [TensorData?], outputs: [TensorType], _ op: Operator.Type) -> Bool {
        if op.aliasesInput { return true }
        let inBytes = inputs.reduce(0) { $0 + ($1?.bytes.count ?? 0) }
        let outBytes = outputs.reduce(0) { $0 + $1.bytes }
        return outBytes <= max(maxFoldGrowthBytes, inBytes)
    }

    static func checkDeclaredOutputs(_ g: Graph) throws {
        for (id, declared) in g.declaredOutputTypes {
            guard let t = g.value(id).type else { continue }
            if t != declared {
                throw KilnError.bad("graph output '\(KilnError.printable(g.value(id).name))' is declared \(declared) but computes \(t)", file: g.sourceFile)
            }
        }
    }
}

/// Removes nodes that no longer contribute to a graph output: folded nodes, and nodes whose outputs are unused.
public enum DeadCodeElimination {
    public static func run(_ g: Graph) throws {
        var needed = Set(g.outputs)
        var kept: [Node] = []
        for node in g.nodes.reversed() {
            let useful = node.outputs.contains { o in o.map { needed.contains($0) && g.value($0).constant == nil } ?? false }
            guard useful else { continue }
            kept.append(node)
            for case let i? in node.inputs where g.value(i).constant == nil { needed.insert(i) }
        }
        g.nodes = kept.reversed()
    }
}
