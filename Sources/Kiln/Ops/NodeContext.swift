/// A node seen by its operator: typed access to attributes and inputs, and errors that name the node.
public struct NodeContext {
    public let graph: Graph
    public let node: Node

    public init(graph: Graph, node: Node) { self.graph = graph; self.node = node }

    /// ai.onnx opset version in force (for the node's own domain when it is not the default one).
    public var opset: Int { graph.opsets[node.domain] ?? graph.opset }
    public var name: String { node.name }

    // MARK: errors

    public func error(_ message: String) -> KilnError {
        KilnError(.badInput, message, file: graph.sourceFile, node: node.name, op: node.qualifiedOp)
    }
    public func unsupported(_ message: String) -> KilnError {
        KilnError(.unsupported, message, file: graph.sourceFile, node: node.name, op: node.qualifiedOp)
    }

    // MARK: inputs and outputs

    public var inputCount: Int { node.inputs.count }
    public var outputCount: Int { node.outputs.count }
    public func hasInput(_ i: Int) -> Bool { i < node.inputs.count && node.inputs[i] != nil }
    public func hasOutput(_ i: Int) -> Bool { i < node.outputs.count && node.outputs[i] != nil }

    public func inputID(_ i: Int) throws -> ValueID {
        guard i < node.inputs.count, let id = node.inputs[i] else { throw error("input \(i) is missing") }
        return id
    }
    public func outputID(_ i: Int) throws -> ValueID {
        guard i < node.outputs.count, let id = node.outputs[i] else { throw error("output \(i) is missing") }
        return id
    }

    public func input(_ i: Int) throws -> TensorType {
        let id = try inputID(i)
        guard let t = graph.value(id).type else { throw error("type of input \(i) is unknown") }
        return t
    }
    public func output(_ i: Int) throws -> TensorType {
        let id = try outputID(i)
        guard let t = graph.value(id).type else { throw error("type of output \(i) is unknown") }
        return t
    }

    /// Compile-time value of input `i`, if known.
    public func constant(_ i: Int) -> TensorData? {
        guard i < node.inputs.count, let id = node.inputs[i] else { return nil }
        return graph.value(id).constant
    }

    /// The value of an input that determines output shapes. A graph input bound in `ImportOptions.bindings` is
    /// frozen into a constant here; anything else computed at run time is an error, because Kiln plans memory
    /// statically.
    public func requireConstant(_ i: Int, _ what: String) throws -> TensorData {
        let id = try inputID(i)
        if let c = graph.value(id).constant { return c }
        var visiting = Set<ValueID>()
        if let c = try NodeContext.resolveFromBindings(id, graph, &visiting) { return c }
        throw unsupported("input \(i) ('\(what)') must be known at compile time, but it is computed at run time")
    }

    /// The value of `id` if it can be computed at compile time from constants and graph inputs bound in
    /// `ImportOptions.bindings` (test data given to `kiln run`/`kiln test`): those inputs are frozen into constants and
    /// the nodes between are folded. Used for shape-determining inputs computed from bound inputs (an exporter's
    /// `Sub(shape, 2)` feeding Pad, a Range limit computed from a graph input).
    static func resolveFromBindings(_ id: ValueID, _ graph: Graph, _ visiting: inout Set<ValueID>) throws -> TensorData? {
        let v = graph.value(id)
        if let c = v.constant { return c }
        if let pos = graph.inputs.firstIndex(of: id) {
            guard let bound = graph.bindings[v.name], bound.type == v.type else { return nil }
            graph.setConstant(id, bound)
            graph.inputs.remove(at: pos)
            graph.frozenInputs.append(v.name)
            return bound
        }
        guard !graph.bindings.isEmpty, let p = v.producer, visiting.insert(id).inserted,
              let node = graph.pendingNodes[p] ?? graph.nodes.first(where: { $0.id == p }) else { return nil }
        for case let input? in node.inputs where try resolveFromBindings(input, graph, &visiting) == nil { return nil }
        guard let op = OperatorTable.lookup(node), let folded = try op.fold(NodeContext(graph: graph, node: node)) else { return nil }
        for (k, out) in node.outputs.enumerated() {
            guard let o = out, k < folded.count, folded[k].type == graph.value(o).type else { continue }
            graph.setConstant(o, folded[k])
        }
        return graph.value(id).constant
    }

    /// All constant inputs, for `fold`; nil if any present input is not constant.
    public var constantInputs: [TensorData?]? {
        var out: [TensorData?] = []
        for i in node.inputs {
            guard let id = i else { out.append(nil); continue }
            guard let c = graph.value(id).constant else { return nil }
            out.append(c)
        }
        return out
    }

    // MARK: attributes

    public func has(_ name: String) -> Bool { node.attributes[name] != nil }

    private func wrongType(_ name: String, _ want: String, _ got: Attribute) -> KilnError {
        error("attribute '\(name)' must be \(want), the model gives \(got.kindName)")
    }

    public func int(_ name: String) throws -> Int? {
        guard let a = node.attributes[name] else { return nil }
        guard case .int(let v) = a else { throw wrongType(name, "INT", a) }
        return v
    }
    public func int(_ name: String, default d: Int) throws -> Int { try int(name) ?? d }

    public func float(_ name: String) throws -> Float? {
        guard let a = node.attributes[name] else { return nil }
        switch a {
        case .float(let v): return v
        case .int(let v): return Float(v)  // some exporters write integral floats as INT
        default: throw wrongType(name, "FLOAT", a)
        }
    }
    public func float(_ name: String, default d: Float) throws -> Float { try float(name) ?? d }

    public func string(_ name: String) throws -> String? {
        guard let a = node.attributes[name] else { return nil }
        guard case .string(let v) = a else { throw wrongType(name, "STRING", a) }
        return v
    }
    public func string(_ name: String, default d: String) throws -> String { try string(name) ?? d }

    public func ints(_ name: String) throws -> [Int]? {
        guard let a = node.attributes[name] else { return nil }
        switch a {
        case .ints(let v): return v
        case .int(let v): return [v]
        default: throw wrongType(name, "INTS", a)
        }
    }
    public func floats(_ name: String) throws -> [Float]? {
        guard let a = node.attributes[name] else { return nil }
        switch a {
        case .floats(let v): return v
        case .float(let v): return [v]
        default: throw wrongType(name, "FLOATS", a)
        }
    }
    public func strings(_ name: String) throws -> [String]? {
        guard let a = node.attributes[name] else { return nil }
        guard case .strings(let v) = a else { throw wrongType(name, "STRINGS", a) }
        return v
    }
    public func tensor(_ name: String) throws -> TensorData? {
        guard let a = node.attributes[name] else { return nil }
        guard case .tensor(let v) = a else { throw wrongType(name, "TENSOR", a) }
        return v
    }
    public func graphAttribute(_ name: String) throws -> Graph? {
        guard let a = node.attributes[name] else { return nil }
        guard case .graph(let v) = a else { throw wrongType(name, "GRAPH", a) }
        return v
    }

    // MARK: checks shared by many operators

    /// Normalizes a possibly negative axis against `rank`, or fails naming the attribute.
    public func axis(_ a: Int, rank: Int, what: String = "axis") throws -> Int {
        let r = a < 0 ? a + rank : a
        guard r >= 0 && r < Swift.max(rank, 1) else { throw error("\(what) \(a) is out of range for rank \(rank)") }
        return r
    }

    public func requireDType(_ t: TensorType, _ allowed: Set<DType>, _ what: String = "input") throws {
        guard allowed.contains(t.dtype) else { throw unsupported("\(what) type \(t.dtype.onnxName) is not supported") }
    }

    public func requireSameDType(_ types: [TensorType]) throws {
        guard let f = types.first else { return }
        for t in types where t.dtype != f.dtype {
            throw error("inputs have different types \(f.dtype.onnxName) and \(t.dtype.onnxName)")
        }
    }
}
