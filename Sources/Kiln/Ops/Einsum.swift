/// Einsum with one or two operands (static shapes): explicit (`->`) and implicit output, ellipsis broadcasting,
/// repeated labels (diagonals). Runs on the strided `kiln_einsum` kernel.
public enum Einsum: Operator {
    public static let opType = "Einsum"

    /// Labels are ASCII codes for letters and 1000 + i for the i-th broadcast (ellipsis) dim.
    struct Spec {
        var operands: [[Int]]
        var output: [Int]
        var sizes: [Int: Int]
        var reduced: [Int]
    }

    static func tokens(_ term: Substring, _ n: NodeContext) throws -> [Int?] {
        var out: [Int?] = []  // nil marks the ellipsis
        var dots = 0
        for ch in term.unicodeScalars {
            if ch == "." { dots += 1; if dots == 3 { out.append(nil); dots = 0 }; continue }
            guard dots == 0 else { throw n.error("malformed ellipsis in the equation") }
            guard (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") else {
                throw n.error("equation contains '\(KilnError.printable(String(ch)))', which is not a letter")
            }
            out.append(Int(ch.value))
        }
        guard dots == 0, out.filter({ $0 == nil }).count <= 1 else { throw n.error("malformed ellipsis in the equation") }
        return out
    }

    static func spec(_ n: NodeContext) throws -> Spec {
        guard let eqRaw = try n.string("equation") else { throw n.error("equation is required") }
        let eq = eqRaw.filter { $0 != " " }
        let sides = eq.components(separatedBy: "->")
        guard sides.count <= 2 else { throw n.error("equation has more than one '->'") }
        let terms = sides[0].split(separator: ",", omittingEmptySubsequences: false)
        guard terms.count == n.inputCount, (1...2).contains(terms.count) else {
            if terms.count == n.inputCount { throw n.unsupported("Einsum with \(terms.count) operands") }
            throw n.error("equation has \(terms.count) operands, the node \(n.inputCount)")
        }
        let types = try (0..<n.inputCount).map { try n.input($0) }
        let toks = try terms.map { try tokens($0, n) }
        var ellRank: [Int] = []
        for (i, t) in toks.enumerated() {
            let letters = t.filter { $0 != nil }.count
            let hasEll = t.contains { $0 == nil }
            let e = types[i].rank - letters
            guard hasEll ? e >= 0 : e == 0 else { throw n.error("operand \(i) has rank \(types[i].rank), the equation \(letters) labels") }
            ellRank.append(hasEll ? e : 0)
        }
        let maxEll = ellRank.max() ?? 0
        var operands: [[Int]] = [], sizes: [Int: Int] = [:], order: [Int] = [], counts: [Int: Int] = [:]
        for (i, t) in toks.enumerated() {
            var labels: [Int] = []
            for tok in t {
                if let l = tok { labels.append(l) } else {
                    for j in 0..<ellRank[i] { labels.append(1000 + maxEll - ellRank[i] + j) }
                }
            }
            for (d, l) in labels.enumerated() {
                let s = types[i].shape[d]
                if let old = sizes[l], old != s {
                    guard l >= 1000, old == 1 || s == 1 else { throw n.error("label sizes \(old) and \(s) differ") }
                    sizes[l] = max(old, s)
                } else if sizes[l] == nil { sizes[l] = s; order.append(l) }
                counts[l, default: 0] += 1
            }
            operands.append(labels)
        }
        var output: [Int] = []
        if sides.count == 2 {
            for tok in try tokens(Substring(sides[1]), n) {
                if let l = tok {
                    guard sizes[l] != nil, !output.contains(l) else { throw n.error("output label is unknown or repeated") }
                    output.append(l)
                } else {
                    output += (0..<maxEll).map { 1000 + $0 }
                }
            }
        } else {
            output = (0..<maxEll).map { 1000 + $0 } + order.filter { $0 < 1000 && counts[$0] == 1 }.sorted()
        }
        for l in 1000..<(1000 + maxEll) where sizes[l] == nil { sizes[l] = 1 }
        let reduced = order.filter { !output.contains($0) }
        return Spec(operands: operands, output: output, sizes: sizes, reduced: reduced)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, MatrixProduct.types)
        for i in 0..<n.inputCount { try n.requireSameDType([x, try n.input(i)]) }
        let s = try spec(n)
        return [TensorType(x.dtype, s.output.map { s.sizes[$0] ?? 1 })]
    }

    /// Element strides of operand `i` for `labels` (summed over repeats, 0 for absent or broadcast dims).
    static func strides(_ s: Spec, _ i: Int, shape: [Int], labels: [Int]) -> [Int] {
        var rowMajor = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) { rowMajor[d] = acc; acc *= shape[d] }
        return labels.map { l in
            var st = 0
            for (d, ol) in s.operands[i].enumerated() where ol == l && !(shape[d] == 1 && (s.sizes[l] ?? 1) > 1) {
                st += rowMajor[d]
            }
            return st
        }
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let s = try spec(n)
        let x = try n.input(0), y = try n.output(0)
        if y.count == 0 { return }
        let oshape = s.output.map { s.sizes[$0] ?? 1 }, rshape = s.reduced.map { s.sizes[$0] ?? 1 }
        guard oshape.count <= 8, rshape.count <= 8 else { throw n.unsupported("Einsum with more than 8 output or summed labels") }
        let sao = strides(s, 0, shape: x.shape, labels: s.output), sar = strides(s, 0, shape: x.shape, labels: s.reduced)
        var bArg: KernelArg = .null, sbo = [Int](repeating: 0, count: oshape.count), sbr = [Int](repeating: 0, count: rshape.count)
        if n.inputCount == 2 {
            let z = try n.input(1)
            bArg = .input(try n.inputID(1))
            sbo = strides(s, 1, shape: z.shape, labels: s.output)
            sbr = strides(s, 1, shape: z.shape, labels: s.reduced)
        }
        b.call("kiln_einsum_\(x.dtype.kernelSuffix)", source: "kiln_einsum",
               [.input(try n.inputID(0)), bArg, .output(try n.outputID(0)), .int(oshape.count), .ints(oshape),
                .ints(sao), .ints(sbo), .int(rshape.count), .ints(rshape), .ints(sar), .ints(sbr)],
               macs: y.count * rshape.reduce(1, *))
    }
}
