/// Text form of the graph IR for `--dump-after` and debugging: one line per node, constants summarized.
public enum IRPrinter {
    public static func print(_ g: Graph, after pass: String) -> String {
        var out = "# IR after \(pass): \(g.nodes.count) nodes, opset \(g.opset)\n"
        func v(_ id: ValueID?) -> String {
            guard let id else { return "_" }
            let val = g.value(id)
            let t = val.type.map { "\($0)" } ?? "?"
            return "%\(id):\(t)" + (val.constant != nil ? "=const" : "")
        }
        for i in g.inputs { out += "input \(v(i)) '\(KilnError.printable(g.value(i).name))'\n" }
        for n in g.nodes {
            var attrs = n.attributes.keys.sorted().map { "\($0)" }.joined(separator: ",")
            if let a = n.fusedActivation { attrs += (attrs.isEmpty ? "" : ",") + "fused=\(a.kind)" }
            out += "\(n.outputs.map(v).joined(separator: ", ")) = \(n.qualifiedOp)(\(n.inputs.map(v).joined(separator: ", ")))"
            out += " '\(KilnError.printable(n.name))'" + (attrs.isEmpty ? "" : " {\(attrs)}") + "\n"
        }
        for o in g.outputs { out += "output \(v(o)) '\(KilnError.printable(g.value(o).name))'\n" }
        return out
    }
}
