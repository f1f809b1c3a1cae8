import Foundation
import ONNX
import SwiftProtobuf

/// Options that change how a model is imported.
public struct ImportOptions {
    /// `--input-shape NAME=1x3x224x224`: pins the shape of a graph input (needed for symbolic dims).
    public var inputShapes: [String: [Int]] = [:]
    /// Values for graph inputs that may be frozen into constants when an operator needs its input at compile time
    /// (a Reshape whose target shape is a graph input, say). `kiln test` passes the test data here.
    public var bindings: [String: TensorData] = [:]
    public init() {}
}

/// Loads an `.onnx` file and imports it into the typed graph IR: resolves names, external data, opsets, input
/// types, and puts nodes in topological order. Shapes of intermediate values are inferred later by a pass.
public enum ModelImporter {
    /// Highest ai.onnx opset whose semantics Kiln implements (the pinned onnx package's).
    public static let maxOpset = 28
    /// Highest ONNX IR version Kiln reads (the pinned onnx package's `onnx.IR_VERSION`).
    public static let maxIRVersion = 14
    /// Protobuf messages are limited to 2 GiB; a bigger "model" is not one.
    public static let maxModelFileBytes: Int64 = 1 << 31

    public static func load(path: String, options: ImportOptions = ImportOptions()) throws -> Graph {
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw KilnError.bad("no such model file", file: path)
        }
        // Only regular files (after following symlinks: a linked model is fine): a FIFO or device would block or
        // never end.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)
        guard (attributes?[.type] as? FileAttributeType) == .typeRegular else {
            throw KilnError.bad("not a regular file", file: path)
        }
        if let size = (attributes?[.size] as? NSNumber)?.int64Value, size > maxModelFileBytes {
            throw KilnError.bad("the file has \(size) bytes; ONNX models are at most 2 GiB (larger weights go to external data)", file: path)
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw KilnError.bad("cannot read model file", file: path) }
        return try load(data: data, file: path, baseDirectory: url.deletingLastPathComponent(), options: options)
    }

    /// Decodes and imports a serialized model held in memory (`file` is only used in messages; external data is
    /// looked up in `baseDirectory`, and refused when it is nil). The fuzzer enters here.
    public static func load(data: Data, file: String, baseDirectory: URL?, options: ImportOptions = ImportOptions()) throws -> Graph {
        if data.isEmpty { throw KilnError.bad("file is empty, not an ONNX model", file: file) }
        let model: Onnx_ModelProto
        do {
            var opts = BinaryDecodingOptions()
            opts.messageDepthLimit = 64
            model = try Onnx_ModelProto(serializedBytes: data, options: opts)
        } catch {
            throw KilnError.bad("not an ONNX model (protobuf decoding failed: \(error))", file: file)
        }
        return try importModel(model, file: file, baseDirectory: baseDirectory, options: options)
    }

    public static func importModel(_ model: Onnx_ModelProto, file: String, baseDirectory: URL?,
                                   options: ImportOptions = ImportOptions()) throws -> Graph {
        guard model.hasGraph else { throw KilnError.bad("not an ONNX model: it has no graph", file: file) }
        guard model.irVersion >= 1 else { throw KilnError.bad("not an ONNX model: ir_version is missing", file: file) }
        guard model.irVersion <= maxIRVersion else {
            throw KilnError.unsupported("ONNX IR version \(model.irVersion) is newer than Kiln reads (up to \(maxIRVersion))", file: file)
        }
        var opsets: [String: Int] = [:]
        for o in model.opsetImport {
            let domain = o.domain == "ai.onnx" ? "" : o.domain
            opsets[domain] = Int(clamping: o.version)
        }
        if model.opsetImport.isEmpty { opsets[""] = 1 }  // IR version 1 models had an implicit opset 1
        if let v = opsets[""], v > maxOpset || v < 1 {
            throw KilnError.unsupported("ai.onnx opset \(v) is not supported (Kiln implements opsets 1 to \(maxOpset))", file: file)
        }
        let g = Graph(sourceFile: file)
        g.opsets = opsets
        g.bindings = options.bindings
        var scope = Scope(graph: g, file: file, baseDirectory: baseDirectory)
        try scope.importGraph(model.graph, options: options, functions: model.functions)
        return g
    }
}

/// Name resolution for one graph import.
struct Scope {
    let graph: Graph
    let file: String
    let baseDirectory: URL?
    var byName: [String: ValueID] = [:]
    /// Names visible from enclosing graphs (for subgraphs); values of the parent graph.
    var outer: [String: ValueID] = [:]
    /// Subgraph inputs may have unknown shapes; the control-flow operator that owns the body types them.
    var isSubgraph = false

    init(graph: Graph, file: String, baseDirectory: URL?) {
        self.graph = graph; self.file = file; self.baseDirectory = baseDirectory
    }

    func fail(_ m: String) -> KilnError { .bad(m, file: file) }

    mutating func define(_ name: String, _ v: Value, what: String) throws {
        if byName[name] != nil { throw fail("\(what) '\(KilnError.printable(name))' is defined more than once") }
        byName[name] = v.id
    }

    mutating func importGraph(_ gp: Onnx_GraphProto, options: ImportOptions, functions: [Onnx_FunctionProto]) throws {
        // Initializers are constants, including those also listed as graph inputs (ONNX IR < 4 style).
        for t in gp.initializer {
            let data = try TensorProtoCoding.decode(t, baseDirectory: baseDirectory, file: file,
                                                    what: "initializer '\(KilnError.printable(t.name))'")
            try define(t.name, graph.addValue(name: t.name, constant: data), what: "initializer")
        }
        if !gp.sparseInitializer.isEmpty { throw KilnError.unsupported("sparse initializers are not supported", file: file) }
        var inputNames = Set<String>()
        for vi in gp.input {
            // ONNX IR < 4 lists initializers among the inputs too: those stay constants.
            guard inputNames.insert(vi.name).inserted else { throw fail("graph input '\(KilnError.printable(vi.name))' is listed more than once") }
            if byName[vi.name] != nil { continue }
            if vi.name.isEmpty { throw fail("graph input has an empty name") }
            let t: TensorType? = isSubgraph ? (try? declaredType(vi)) ?? nil : try inputType(vi, pinned: options.inputShapes[vi.name])
            let v = graph.addValue(name: vi.name, type: t)
            try define(vi.name, v, what: "graph input")
            graph.inputs.append(v.id)
        }
        for name in options.inputShapes.keys where !gp.input.contains(where: { $0.name == name }) {
            throw fail("--input-shape names '\(KilnError.printable(name))', which is not a graph input")
        }

        // Every node output is defined before any input is resolved, so file order does not matter.
        var pending: [(Onnx_NodeProto, Node)] = []
        for (i, np) in gp.node.enumerated() {
            let name = np.name.isEmpty ? "\(np.opType)_\(i)" : np.name
            if np.opType.isEmpty { throw KilnError(.badInput, "node has an empty op_type", file: file, node: name, op: "") }
            var outs: [ValueID?] = []
            for o in np.output {
                if o.isEmpty { outs.append(nil); continue }
                let v = graph.addValue(name: o)
                if byName[o] != nil {
                    throw KilnError(.badInput, "output '\(KilnError.printable(o))' is already produced by another node, an input or an initializer",
                                    file: file, node: name, op: np.opType)
                }
                byName[o] = v.id
                outs.append(v.id)
            }
            let node = graph.addNode(name: name, opType: np.opType, domain: np.domain == "ai.onnx" ? "" : np.domain,
                                     attributes: [:], inputs: [], outputs: outs)
            pending.append((np, node))
        }
        for (np, node) in pending {
            var ins: [ValueID?] = []
            for i in np.input {
                if i.isEmpty { ins.append(nil); continue }
                if byName[i] == nil, let outerID = outer[i] {
                    let v = graph.addValue(name: i)
                    graph.outerReferences[v.id] = outerID
                    byName[i] = v.id
                }
                guard let id = byName[i] else {
                    throw KilnError(.badInput, "input '\(KilnError.printable(i))' is not defined by any node, input or initializer",
                                    file: file, node: node.name, op: node.opType)
                }
                ins.append(id)
            }
            node.inputs = ins
            node.attributes = try importAttributes(np, node: node)
        }
        graph.nodes = try topologicalOrder(pending.map { $0.1 })

        for vi in gp.output {
            if byName[vi.name] == nil, let outerID = outer[vi.name] {
                let v = graph.addValue(name: vi.name)
                graph.outerReferences[v.id] = outerID
                byName[vi.name] = v.id
            }
            guard let id = byName[vi.name] else { throw fail("graph output '\(KilnError.printable(vi.name))' is not produced by any node") }
            graph.outputs.append(id)
            // A declared static type is checked after shape inference; keep it on the side.
            if let declared = try? declaredType(vi) { graph.declaredOutputTypes[id] = declared }
        }
        if graph.outputs.isEmpty { throw fail("graph has no outputs") }
    }

    /// Kahn's algorithm, stable in file order; a leftover node means a cycle.
    func topologicalOrder(_ nodes: [Node]) throws -> [Node] {
        var producer: [ValueID: Int] = [:]
        for (i, n) in nodes.enumerated() { for case let o? in n.outputs { producer[o] = i } }
        var indegree = [Int](repeating: 0, count: nodes.count)
        var users = [[Int]](repeating: [], count: nodes.count)
        for (i, n) in nodes.enumerated() {
            for case let v? in n.inputs { if let p = producer[v] { indegree[i] += 1; users[p].append(i) } }
        }
        var ready = (0..<nodes.count).filter { indegree[$0] == 0 }.reversed().map { $0 }
        var order: [Node] = []
        // A min-heap would keep exact file order; a sorted stack is enough for the sizes ONNX graphs have.
        while let i = ready.popLast() {
            order.append(nodes[i])
            var released: [Int] = []
            for u in users[i] { indegree[u] -= 1; if indegree[u] == 0 { released.append(u) } }
            if !released.isEmpty { ready = (ready + released).sorted(by: >) }
        }
        if order.count != nodes.count {
            let stuck = nodes.enumerated().first { indegree[$0.offset] > 0 }!.element
            throw KilnError(.badInput, "the graph has a cycle through this node", file: file, node: stuck.name, op: stuck.opType)
        }
        return order
    }

    func declaredType(_ vi: Onnx_ValueInfoProto) throws -> TensorType? {
        guard vi.type.tensorType.hasElemType, let dt = DType(rawValue: Int(vi.type.tensorType.elemType)) else { return nil }
        guard vi.type.tensorType.hasShape else { return nil }
        var dims: [Int] = []
        for d in vi.type.tensorType.shape.dim {
            guard case .dimValue(let v)? = d.value else { return nil }
            dims.append(Int(clamping: v))
        }
        return TensorType(dt, dims)
    }

    func inputType(_ vi: Onnx_ValueInfoProto, pinned: [Int]?) throws -> TensorType {
        let shown = KilnError.printable(vi.name)
        guard case .tensorType(let tt)? = vi.type.value else {
            throw KilnError.unsupported("graph input '\(shown)' is not a tensor (sequences, maps and optionals are not supported)", file: file)
        }
        guard let dt = DType(rawValue: Int(tt.elemType)) else {
            throw KilnError.unsupported("graph input '\(shown)' has data type \(tt.elemType) (\(TensorProtoCoding.dtypeName(tt.elemType))), which is not supported", file: file)
        }
        if let p = pinned {
            if tt.hasShape && tt.shape.dim.count != p.count {
                throw fail("--input-shape for '\(shown)' has rank \(p.count), the model declares rank \(tt.shape.dim.count)")
            }
            for (k, d) in tt.shape.dim.enumerated() {
                if case .dimValue(let v)? = d.value, Int(clamping: v) != p[k] {
                    throw fail("--input-shape for '\(shown)' sets dim \(k) to \(p[k]), the model fixes it to \(v)")
                }
            }
            return try checked(TensorType(dt, p), shown)
        }
        guard tt.hasShape else { throw fail("graph input '\(shown)' has no shape; pin it with --input-shape \(shown)=DIMS") }
        var dims: [Int] = []
        for (k, d) in tt.shape.dim.enumerated() {
            switch d.value {
            case .dimValue(let v)?: dims.append(Int(clamping: v))
            case .dimParam(let s)?:
                throw fail("graph input '\(shown)' has symbolic dim \(k) '\(KilnError.printable(s))'; pin it with --input-shape \(shown)=DIMS")
            case nil:
                throw fail("graph input '\(shown)' has unknown dim \(k); pin it with --input-shape \(shown)=DIMS")
            }
        }
        return try checked(TensorType(dt, dims), shown)
    }

    func checked(_ t: TensorType, _ name: String) throws -> TensorType {
        guard t.shape.checkedElementCount(limit: TensorProtoCoding.maxElements) != nil else {
            throw fail("graph input '\(name)' has an invalid or too large shape \(t.shape)")
        }
        return t
    }
}
