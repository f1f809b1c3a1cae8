import Foundation

/// The human-readable report of `kiln inspect`.
public enum Inspector {
    public static func report(_ c: CompiledModel) -> String {
        let m = c.schedule, g = m.graph
        var lines: [String] = []
        func t(_ v: ValueID) -> String { g.value(v).type.map { "\($0)" } ?? "?" }
        func q(_ v: ValueID) -> String {
            guard let qp = g.value(v).quant else { return "" }
            let s = qp.scale.count == 1 ? "\(qp.scale[0])" : "\(qp.scale.count) scales"
            let z = qp.zeroPoint.count == 1 ? "\(qp.zeroPoint[0])" : "\(qp.zeroPoint.count) zero points"
            return " q(scale \(s), zp \(z)\(qp.axis.map { ", axis \($0)" } ?? ""))"
        }
        for (i, v) in g.inputs.enumerated() { lines.append("input \(i)  '\(KilnError.printable(g.value(v).name))' \(t(v))\(q(v)) @\(m.offset(of: v) ?? 0)") }
        for (i, v) in g.outputs.enumerated() { lines.append("output \(i) '\(KilnError.printable(g.value(v).name))' \(t(v))\(q(v)) @\(m.offset(of: v) ?? 0)") }
        lines.append("")
        lines.append(pad("step", 5) + pad("op", 22) + pad("node", 28) + pad("output", 30) + pad("offset", 9) + pad("bytes", 10) + "MACs")
        for (i, s) in m.steps.enumerated() {
            let o = s.outputs.first
            lines.append(pad("\(i)", 5) + pad(s.opType, 22) + pad(KilnError.printable(s.nodeName, limit: 26), 28)
                         + pad(o.map { t($0) + q($0) } ?? "", 30) + pad(o.flatMap { m.offset(of: $0) }.map(String.init) ?? "", 9)
                         + pad(o.flatMap { g.value($0).type?.bytes }.map(String.init) ?? "", 10) + "\(s.macs)")
        }
        var opCounts: [String: Int] = [:]
        for s in m.steps { opCounts[s.opType, default: 0] += 1 }
        lines.append("")
        lines.append("ops: " + opCounts.keys.sorted().map { "\($0) \(opCounts[$0]!)" }.joined(separator: ", "))
        lines.append("parameters: \(m.weightsBytes) bytes in \(m.usedConstants.count) tensors")
        lines.append("MACs: \(m.totalMacs)")
        let arena = max(m.arenaBytes, m.alignment)
        let ratio = m.lowerBoundBytes > 0 ? Double(arena) / Double(m.lowerBoundBytes) : 1
        lines.append("arena: \(arena) bytes; lower bound \(m.lowerBoundBytes) bytes (\(String(format: "%.3f", ratio))x), \(m.buffers.count) buffers, alignment \(m.alignment)")
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
