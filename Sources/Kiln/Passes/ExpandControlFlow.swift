/// Control-flow operators that `ExpandControlFlow` replaces by ordinary nodes (If, Loop, Scan).
public protocol ControlFlowOperator: Operator {
    /// Emits, through `x`, the nodes that compute the node's outputs (whose value ids must be kept: they are
    /// used by later nodes and may be graph outputs).
    static func expand(_ n: NodeContext, _ x: ControlFlowExpander) throws
}

/// Inlines If branches and unrolls Loop and Scan bodies into the enclosing graph, so that no subgraph is left for
/// the later passes, scheduling and memory planning (every value a body uses becomes an ordinary node input).
///
/// Nodes are visited in order and typed (and folded) as they are visited, with the same code as `infer-and-fold`,
/// because expansion depends on folded values: an If whose condition is constant keeps only the taken branch; a
/// Loop needs a constant trip count and a loop condition that folds to a constant after each iteration; a Scan
/// needs static scan lengths. Bodies are expanded recursively (control flow nested in a body is expanded per copy).
public enum ExpandControlFlow {
    /// Limits on unrolling: iterations of one Loop or Scan, and nodes one expansion may add.
    public static let maxIterations = 100_000
    public static let maxNodes = 200_000

    public static func run(_ g: Graph) throws {
        guard g.nodes.contains(where: { isControlFlow($0) || hasSubgraph($0) }) else { return }
        let x = ControlFlowExpander(graph: g)
        let nodes = g.nodes
        for node in nodes { try x.process(node) }
        g.nodes = x.emitted
        g.pendingNodes = [:]
    }

    static func isControlFlow(_ node: Node) -> Bool { OperatorTable.lookup(node) is ControlFlowOperator.Type }

    static func hasSubgraph(_ node: Node) -> Bool {
        node.attributes.values.contains {
            switch $0 { case .graph, .graphs: return true; default: return false }
        }
    }
}

/// The state of one expansion: the graph, the nodes emitted so far (typed and folded), and the operations the
/// control-flow operators build their expansion from.
public final class ControlFlowExpander {
    public let graph: Graph
    /// Output node list, in topological order.
    public private(set) var emitted: [Node] = []
    private var nodeByID: [NodeID: Node] = [:]
    private var addedNodes = 0
    /// Copies of body constants, shared by all copies of the body.
    private var copiedConstants: [ObjectIdentifier: [ValueID: ValueID]] = [:]
    /// For subgraph copies made by `rebase`: the outer references that already point into `graph`.
    private var resolvedReferences: [ObjectIdentifier: Set<ValueID>] = [:]
    /// Graphs used as keys above, kept alive so that their identifiers are never reused.
    private var retained: [Graph] = []
    private var usedPrefixes: Set<String> = []

    init(graph: Graph) { self.graph = graph }

    /// Types (and folds) an ordinary node and appends it; expands a control-flow node in its place.
    func process(_ node: Node) throws {
        if let op = OperatorTable.lookup(node) as? ControlFlowOperator.Type {
            try op.expand(NodeContext(graph: graph, node: node), self)
            return
        }
        let saved = graph.nodes
        graph.nodes = [node]
        defer { graph.nodes = saved }
        try InferAndFold.run(graph)
        emitted.append(node)
        nodeByID[node.id] = node
        graph.pendingNodes[node.id] = node
    }

    // MARK: building blocks for the operators

    /// A new value of the graph (typed when its producer is processed).
    public func newValue(_ name: String) -> ValueID { graph.addValue(name: name).id }

    /// A new compile-time constant.
    public func constant(_ data: TensorData, name: String) -> ValueID { graph.addValue(name: name, constant: data).id }

    /// Adds an ordinary node, types and folds it.
    @discardableResult
    public func emit(_ opType: String, domain: String = "", name: String, attributes: [String: Attribute] = [:],
                     inputs: [ValueID?], outputs: [ValueID?]) throws -> Node {
        try countNodes(1)
        let node = graph.addNode(name: name, opType: opType, domain: domain, attributes: attributes,
                                 inputs: inputs, outputs: outputs)
        try process(node)
        return node
    }

    /// Makes `output` (an output of the node being expanded) the value of `value`, keeping its id.
    public func bind(_ output: ValueID?, to value: ValueID, name: String) throws {
        guard let out = output else { return }
        try emit("Identity", name: name, inputs: [value], outputs: [out])
    }

    func countNodes(_ k: Int) throws {
        addedNodes += k
        if addedNodes > ExpandControlFlow.maxNodes {
            throw KilnError(.unsupported, "expanding control flow would add more than \(ExpandControlFlow.maxNodes) nodes",
                            file: graph.sourceFile)
        }
    }

    /// Number of nodes emitted so far; `truncate(to:)` drops what a probe emitted after it.
    public var mark: Int { emitted.count }
    public func truncate(to mark: Int) { emitted.removeSubrange(mark...) }

    /// The compile-time value of `id`, if it has one. A value computed only from graph inputs bound in
    /// `ImportOptions.bindings` (test data) is frozen: those inputs become constants and the nodes between
    /// are folded, as `NodeContext.requireConstant` does for a directly bound input.
    public func constantValue(_ id: ValueID) throws -> TensorData? {
        var visiting = Set<ValueID>()
        return try resolve(id, &visiting)
    }

    private func resolve(_ id: ValueID, _ visiting: inout Set<ValueID>) throws -> TensorData? {
        let v = graph.value(id)
        if let c = v.constant { return c }
        if let pos = graph.inputs.firstIndex(of: id) {
            guard let bound = graph.bindings[v.name], bound.type == v.type else { return nil }
            graph.setConstant(id, bound)
            graph.inputs.remove(at: pos)
            graph.frozenInputs.append(v.name)
            return bound
        }
        guard let p = v.producer, let node = nodeByID[p], visiting.insert(id).inserted else { return nil }
        for case let i? in node.inputs where try resolve(i, &visiting) == nil { return nil }
        guard let op = OperatorTable.lookup(node), let folded = try op.fold(NodeContext(graph: graph, node: node)) else {
            return nil
        }
        for (k, out) in node.outputs.enumerated() {
            guard let o = out, k < folded.count, folded[k].type == graph.value(o).type else { continue }
            graph.setConstant(o, folded[k])
        }
        return graph.value(id).constant
    }

    /// Copies `body` into the graph with its inputs bound to `inputs`, expands and types the copies, and returns
    /// the values of the body's outputs. Copied nodes and values are named `<node>/<label>/<name>`.
    public func inline(_ body: Graph, inputs: [ValueID], label: String, _ n: NodeContext) throws -> [ValueID] {
        guard inputs.count == body.inputs.count else {
            throw n.error("body has \(body.inputs.count) inputs, \(inputs.count) values are passed")
        }
        var prefix = "\(n.name)/\(label)/"
        var k = 2
        while usedPrefixes.contains(prefix) { prefix = "\(n.name)/\(label)#\(k)/"; k += 1 }
        usedPrefixes.insert(prefix)
        let bodyID = ObjectIdentifier(body)
        var map: [ValueID: ValueID] = [:]
        for (bv, v) in zip(body.inputs, inputs) { map[bv] = v }
        for (bv, ov) in body.outerReferences { map[bv] = ov }
        func mapped(_ bv: ValueID) throws -> ValueID {
            if let v = map[bv] { return v }
            let value = body.value(bv)
            guard let c = value.constant else {
                throw n.error("body value '\(KilnError.printable(value.name))' is used before it is computed")
            }
            if let v = copiedConstants[bodyID]?[bv] { map[bv] = v; return v }
            let v = constant(c, name: "\(n.name)/\(value.name)#\(graph.values.count)")
            if copiedConstants[bodyID] == nil { retained.append(body) }
            copiedConstants[bodyID, default: [:]][bv] = v
            map[bv] = v
            return v
        }
        try countNodes(body.nodes.count)
        for bn in body.nodes {
            let ins = try bn.inputs.map { try $0.map(mapped) }
            var outs: [ValueID?] = []
            for o in bn.outputs {
                guard let o = o else { outs.append(nil); continue }
                let v = newValue(prefix + body.value(o).name)
                map[o] = v
                outs.append(v)
            }
            var attrs = bn.attributes
            for (k, a) in attrs {
                switch a {
                case .graph(let sub): attrs[k] = .graph(try rebase(sub, scopes: [], body: body, map: map, n))
                case .graphs(let subs): attrs[k] = .graphs(try subs.map { try rebase($0, scopes: [], body: body, map: map, n) })
                default: break
                }
            }
            let node = graph.addNode(name: prefix + bn.name, opType: bn.opType, domain: bn.domain, attributes: attrs,
                                     inputs: ins, outputs: outs)
            node.fusedActivation = bn.fusedActivation
            try process(node)
        }
        return try body.outputs.map(mapped)
    }

    /// A copy of subgraph `sub` (nested in a node of `body`) whose references to `body`'s values point to their
    /// copies in the graph. Nested subgraphs record outer values by id in whichever enclosing graph defines the
    /// name (the importer merges scopes), so a reference is attributed to the nearest enclosing graph
    /// (`scopes`, innermost first, then `body`) whose value at that id carries the referenced name.
    func rebase(_ sub: Graph, scopes: [Graph], body: Graph, map: [ValueID: ValueID], _ n: NodeContext) throws -> Graph {
        let copy = Graph(sourceFile: sub.sourceFile)
        copy.opsets = sub.opsets
        for v in sub.values {
            let c = copy.addValue(name: v.name, type: v.type, constant: v.constant)
            c.quant = v.quant
        }
        copy.inputs = sub.inputs
        copy.outputs = sub.outputs
        copy.declaredOutputTypes = sub.declaredOutputTypes
        copy.bindings = sub.bindings
        var resolved = Set<ValueID>()
        let alreadyResolved = resolvedReferences[ObjectIdentifier(sub)] ?? []
        for (sv, ref) in sub.outerReferences {
            let name = sub.value(sv).name
            func names(_ g: Graph) -> Bool { ref < g.values.count && g.value(ref).name == name }
            if alreadyResolved.contains(sv) {
                copy.outerReferences[sv] = ref
                resolved.insert(sv)
            } else if scopes.contains(where: names) {
                copy.outerReferences[sv] = ref  // defined in an enclosing subgraph: rebased when that one is inlined
            } else if names(body), let v = map[ref] {
                copy.outerReferences[sv] = v
                resolved.insert(sv)
            } else if names(graph) {
                copy.outerReferences[sv] = ref
                resolved.insert(sv)
            } else {
                throw n.error("a subgraph uses '\(KilnError.printable(name))' before it is computed")
            }
        }
        resolvedReferences[ObjectIdentifier(copy)] = resolved
        retained.append(copy)
        for sn in sub.nodes {
            var attrs = sn.attributes
            for (k, a) in attrs {
                switch a {
                case .graph(let s): attrs[k] = .graph(try rebase(s, scopes: [sub] + scopes, body: body, map: map, n))
                case .graphs(let ss): attrs[k] = .graphs(try ss.map { try rebase($0, scopes: [sub] + scopes, body: body, map: map, n) })
                default: break
                }
            }
            let node = copy.addNode(name: sn.name, opType: sn.opType, domain: sn.domain, attributes: attrs,
                                    inputs: sn.inputs, outputs: sn.outputs)
            node.fusedActivation = sn.fusedActivation
            copy.nodes.append(node)
        }
        return copy
    }
}
