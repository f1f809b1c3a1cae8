import Foundation
import ONNX

extension Scope {
    /// Converts a node's attributes. Duplicate names and payloads that do not match the declared type are errors.
    func importAttributes(_ np: Onnx_NodeProto, node: Node) throws -> [String: Attribute] {
        var out: [String: Attribute] = [:]
        for a in np.attribute {
            func fail(_ m: String) -> KilnError { KilnError(.badInput, m, file: file, node: node.name, op: node.opType) }
            if out[a.name] != nil { throw fail("attribute '\(KilnError.printable(a.name))' is given twice") }
            if !a.refAttrName.isEmpty {
                throw KilnError(.unsupported, "attribute '\(KilnError.printable(a.name))' refers to a function attribute", file: file, node: node.name, op: node.opType)
            }
            let what = "attribute '\(KilnError.printable(a.name))'"
            // Old exporters leave `type` unset; infer it from the one populated field.
            var kind = a.type
            if kind == .undefined {
                if a.hasF { kind = .float } else if a.hasI { kind = .int } else if a.hasS { kind = .string }
                else if a.hasT { kind = .tensor } else if a.hasG { kind = .graph } else if !a.floats.isEmpty { kind = .floats }
                else if !a.ints.isEmpty { kind = .ints } else if !a.strings.isEmpty { kind = .strings } else if !a.graphs.isEmpty { kind = .graphs }
            }
            switch kind {
            case .int: out[a.name] = .int(Int(clamping: a.i))
            case .float: out[a.name] = .float(a.f)
            case .string: out[a.name] = .string(String(decoding: a.s, as: UTF8.self))
            case .ints: out[a.name] = .ints(a.ints.map { Int(clamping: $0) })
            case .floats: out[a.name] = .floats(a.floats)
            case .strings: out[a.name] = .strings(a.strings.map { String(decoding: $0, as: UTF8.self) })
            case .tensor:
                out[a.name] = .tensor(try TensorProtoCoding.decode(a.t, baseDirectory: baseDirectory, file: file, what: "node '\(KilnError.printable(node.name))' \(what)"))
            case .graph: out[a.name] = .graph(try importSubgraph(a.g, node: node))
            case .graphs: out[a.name] = .graphs(try a.graphs.map { try importSubgraph($0, node: node) })
            case .sparseTensor, .sparseTensors: out[a.name] = .unsupported("SPARSE_TENSOR")
            case .typeProto, .typeProtos: out[a.name] = .unsupported("TYPE_PROTO")
            case .tensors: out[a.name] = .unsupported("TENSORS")
            case .undefined: throw fail("\(what) has no type and no value")
            }
        }
        return out
    }

    /// Subgraphs (If/Loop/Scan bodies) are imported into their own Graph; names from the enclosing scope that
    /// they use become the subgraph's `outerReferences`, resolved by the control-flow operators.
    func importSubgraph(_ gp: Onnx_GraphProto, node: Node) throws -> Graph {
        let sub = Graph(sourceFile: file)
        sub.opsets = graph.opsets
        var inner = Scope(graph: sub, file: file, baseDirectory: baseDirectory)
        inner.outer = self.byName.merging(self.outer) { a, _ in a }
        inner.isSubgraph = true
        try inner.importGraph(gp, options: ImportOptions(), functions: [])
        return sub
    }
}
