import XCTest
@testable import Kiln

/// Fusion passes: each test builds a small graph twice, runs shape inference only on one copy and the whole
/// pipeline on the other, then checks the fused node list and evaluates both with a small reference interpreter.
final class FusionTests: XCTestCase {
    // MARK: graph building

    struct Built { var g: Graph; var x: ValueID; var out: ValueID }

    static func const(_ g: Graph, _ name: String, _ shape: [Int], _ v: [Double]) -> ValueID {
        g.addValue(name: name, constant: TensorData(dtype: .float32, shape: shape, doubles: v)).id
    }
    static func seq(_ n: Int, _ scale: Double, _ off: Double) -> [Double] {
        (0..<n).map { Double(($0 * 7) % 11) * scale + off }
    }
    static func value(_ g: Graph, _ name: String) -> ValueID { g.addValue(name: name).id }

    /// x [1,2,3,3] -> Conv(3x3, pad 1, 4 out, bias) -> BatchNormalization -> Relu
    static func convBNRelu() -> Built {
        let g = Graph(sourceFile: "test"); g.opsets[""] = 17
        let x = g.addValue(name: "x", type: TensorType(.float32, [1, 2, 3, 3])).id
        let w = const(g, "w", [4, 2, 3, 3], seq(72, 0.1, -0.5)), b = const(g, "b", [4], [0.1, -0.2, 0.3, 0.0])
        let c = value(g, "c"), n = value(g, "n"), r = value(g, "r")
        g.nodes.append(g.addNode(name: "conv", opType: "Conv", attributes: ["pads": .ints([1, 1, 1, 1])], inputs: [x, w, b], outputs: [c]))
        let s = const(g, "s", [4], [1, 2, 0.5, -1]), bb = const(g, "bb", [4], [0, 1, -1, 0.5])
        let m = const(g, "m", [4], [0.1, 0.2, 0.3, 0.4]), v = const(g, "v", [4], [1, 0.5, 2, 0.25])
        g.nodes.append(g.addNode(name: "bn", opType: "BatchNormalization", inputs: [c, s, bb, m, v], outputs: [n]))
        g.nodes.append(g.addNode(name: "relu", opType: "Relu", inputs: [n], outputs: [r]))
        g.inputs = [x]; g.outputs = [r]
        return Built(g: g, x: x, out: r)
    }

    func testConvBatchNormReluFoldsIntoOneConv() throws {
        let (ref, fused) = try pair(Self.convBNRelu)
        XCTAssertEqual(fused.g.nodes.map(\.opType), ["Conv"])
        XCTAssertEqual(fused.g.nodes[0].fusedActivation, ActivationSpec(.relu))
        XCTAssertEqual(fused.g.nodes[0].outputs[0], fused.out, "the fused node writes the graph output value")
        try assertSameResults(ref, fused)
    }

    /// Conv without bias -> Add [1,4,1,1] -> Clip(0, 6) with constant bound inputs (opset 13)
    static func convAddClip() -> Built {
        let g = Graph(sourceFile: "test"); g.opsets[""] = 13
        let x = g.addValue(name: "x", type: TensorType(.float32, [1, 2, 3, 3])).id
        let w = const(g, "w", [4, 2, 1, 1], seq(8, 0.9, -2.5))
        // Types set by hand: Clip belongs to another operator family, so this test runs the fusion passes alone.
        let t = TensorType(.float32, [1, 4, 3, 3])
        let c = g.addValue(name: "c", type: t).id, a = g.addValue(name: "a", type: t).id, r = g.addValue(name: "r", type: t).id
        g.nodes.append(g.addNode(name: "conv", opType: "Conv", inputs: [x, w], outputs: [c]))
        let d = const(g, "d", [1, 4, 1, 1], [0.5, -0.5, 1, 2])
        g.nodes.append(g.addNode(name: "add", opType: "Add", inputs: [d, c], outputs: [a]))
        let lo = g.addValue(name: "lo", constant: .scalar(0, .float32)).id, hi = g.addValue(name: "hi", constant: .scalar(6, .float32)).id
        g.nodes.append(g.addNode(name: "clip", opType: "Clip", inputs: [a, lo, hi], outputs: [r]))
        g.inputs = [x]; g.outputs = [r]
        return Built(g: g, x: x, out: r)
    }

    func testConvBiasAddAndClipFuse() throws {
        let ref = Self.convAddClip(), fused = Self.convAddClip()
        for pass in [FoldBatchNorm.run, FoldBiasAdd.run, FuseActivation.run] { try pass(fused.g) }
        XCTAssertEqual(fused.g.nodes.map(\.opType), ["Conv"])
        XCTAssertEqual(fused.g.nodes[0].inputs.count, 3)
        XCTAssertEqual(fused.g.nodes[0].fusedActivation, ActivationSpec(.clip, min: 0, max: 6))
        try assertSameResults(ref, fused)
    }

    /// MatMul(x [3,5], B [5,4]) -> Add [4] -> Relu  becomes one Gemm with a fused Relu
    static func matmulAddRelu() -> Built {
        let g = Graph(sourceFile: "test"); g.opsets[""] = 13
        let x = g.addValue(name: "x", type: TensorType(.float32, [3, 5])).id
        let w = const(g, "w", [5, 4], seq(20, 0.3, -1.2))
        let m = value(g, "m"), a = value(g, "a"), r = value(g, "r")
        g.nodes.append(g.addNode(name: "mm", opType: "MatMul", inputs: [x, w], outputs: [m]))
        let d = const(g, "d", [4], [0.5, -0.5, 1, -2])
        g.nodes.append(g.addNode(name: "add", opType: "Add", inputs: [m, d], outputs: [a]))
        g.nodes.append(g.addNode(name: "relu", opType: "Relu", inputs: [a], outputs: [r]))
        g.inputs = [x]; g.outputs = [r]
        return Built(g: g, x: x, out: r)
    }

    func testMatMulAddBecomesGemm() throws {
        let (ref, fused) = try pair(Self.matmulAddRelu)
        XCTAssertEqual(fused.g.nodes.map(\.opType), ["Gemm"])
        XCTAssertEqual(fused.g.nodes[0].fusedActivation, ActivationSpec(.relu))
        try assertSameResults(ref, fused)
    }

    /// Gemm(x, B^T, C) -> BatchNormalization over the columns
    static func gemmBN() -> Built {
        let g = Graph(sourceFile: "test"); g.opsets[""] = 15
        let x = g.addValue(name: "x", type: TensorType(.float32, [2, 3])).id
        let w = const(g, "w", [4, 3], seq(12, 0.4, -1)), cc = const(g, "c", [4], [1, 2, 3, 4])
        let y = value(g, "y"), n = value(g, "n")
        g.nodes.append(g.addNode(name: "gemm", opType: "Gemm", attributes: ["transB": .int(1), "beta": .float(0.5), "alpha": .float(2)],
                                 inputs: [x, w, cc], outputs: [y]))
        let s = const(g, "s", [4], [1, 2, 0.5, -1]), bb = const(g, "bb", [4], [0, 1, -1, 0.5])
        let m = const(g, "m", [4], [0.1, 0.2, 0.3, 0.4]), v = const(g, "v", [4], [1, 0.5, 2, 0.25])
        g.nodes.append(g.addNode(name: "bn", opType: "BatchNormalization", inputs: [y, s, bb, m, v], outputs: [n]))
        g.inputs = [x]; g.outputs = [n]
        return Built(g: g, x: x, out: n)
    }

    func testGemmBatchNormFolds() throws {
        let (ref, fused) = try pair(Self.gemmBN)
        XCTAssertEqual(fused.g.nodes.map(\.opType), ["Gemm"])
        try assertSameResults(ref, fused)
    }

    /// ConvTranspose(x [1,2,2,2], W [2,3,2,2]) -> BatchNormalization
    static func convTransposeBN() -> Built {
        let g = Graph(sourceFile: "test"); g.opsets[""] = 17
        let x = g.addValue(name: "x", type: TensorType(.float32, [1, 2, 2, 2])).id
        let w = const(g, "w", [2, 3, 2, 2], seq(24, 0.2, -1))
        let y = value(g, "y"), n = value(g, "n")
        g.nodes.append(g.addNode(name: "ct", opType: "ConvTranspose", inputs: [x, w], outputs: [y]))
        let s = const(g, "s", [3], [1, 2, 0.5]), bb = const(g, "bb", [3], [0, 1, -1])
        let m = const(g, "m", [3], [0.1, 0.2, 0.3]), v = const(g, "v", [3], [1, 0.5, 2])
        g.nodes.append(g.addNode(name: "bn", opType: "BatchNormalization", inputs: [y, s, bb, m, v], outputs: [n]))
        g.inputs = [x]; g.outputs = [n]
        return Built(g: g, x: x, out: n)
    }

    func testConvTransposeBatchNormFolds() throws {
        let (ref, fused) = try pair(Self.convTransposeBN)
        XCTAssertEqual(fused.g.nodes.map(\.opType), ["ConvTranspose"])
        try assertSameResults(ref, fused)
    }

    /// The Conv output is also a graph output: nothing may be folded into it.
    func testNoFoldWhenIntermediateIsObserved() throws {
        let b = Self.convBNRelu()
        let conv = b.g.nodes[0].outputs[0]!
        b.g.outputs.append(conv)
        try Pipeline.run(b.g)
        XCTAssertEqual(b.g.nodes.map(\.opType), ["Conv", "BatchNormalization", "Relu"])
    }

    // MARK: reference evaluation

    func pair(_ make: () -> Built) throws -> (Built, Built) {
        let ref = make(), fused = make()
        try InferAndFold.run(ref.g)
        try Pipeline.run(fused.g)
        return (ref, fused)
    }

    func assertSameResults(_ a: Built, _ b: Built, file: StaticString = #filePath, line: UInt = #line) throws {
        let t = a.g.value(a.x).type!
        let input = (0..<t.count).map { Double(($0 * 5) % 13) * 0.25 - 1.5 }
        let ya = try Self.evaluate(a.g, input: [a.x: input])[a.out]!
        let yb = try Self.evaluate(b.g, input: [b.x: input])[b.out]!
        XCTAssertEqual(ya.count, yb.count, file: file, line: line)
        for (p, q) in zip(ya, yb) { XCTAssertEqual(p, q, accuracy: 1e-4 * max(1, abs(p)), file: file, line: line) }
    }

    static func ints(_ n: Node, _ k: String, _ d: [Int]) -> [Int] {
        if case .ints(let v)? = n.attributes[k] { return v }
        return d
    }

    /// Evaluates the ops these tests use, in Double, honouring `fusedActivation`.
    static func evaluate(_ g: Graph, input: [ValueID: [Double]]) throws -> [ValueID: [Double]] {
        var vals = input
        func v(_ id: ValueID?) -> [Double] { guard let id else { return [] }; return vals[id] ?? g.value(id).constant!.doubles }
        func shape(_ id: ValueID?) -> [Int] { g.value(id!).type!.shape }
        for n in g.nodes {
            let out = n.outputs[0]!
            let ys = shape(out)
            var y: [Double]
            switch n.opType {
            case "Conv":
                let x = v(n.inputs[0]), w = v(n.inputs[1]), xs = shape(n.inputs[0]), ws = shape(n.inputs[1])
                let b = n.inputs.count > 2 ? v(n.inputs[2]) : []
                let pads = ints(n, "pads", [0, 0, 0, 0])
                y = []
                for m in 0..<ys[1] { for oh in 0..<ys[2] { for ow in 0..<ys[3] {
                    var acc = b.isEmpty ? 0 : b[m]
                    for c in 0..<xs[1] { for kh in 0..<ws[2] { for kw in 0..<ws[3] {
                        let ih = oh - pads[0] + kh, iw = ow - pads[1] + kw
                        if ih < 0 || iw < 0 || ih >= xs[2] || iw >= xs[3] { continue }
                        acc += x[(c * xs[2] + ih) * xs[3] + iw] * w[((m * ws[1] + c) * ws[2] + kh) * ws[3] + kw]
                    } } }
                    y.append(acc)
                } } }
            case "ConvTranspose":
                let x = v(n.inputs[0]), w = v(n.inputs[1]), xs = shape(n.inputs[0]), ws = shape(n.inputs[1])
                let b = n.inputs.count > 2 ? v(n.inputs[2]) : []
                y = [Double](repeating: 0, count: ys.reduce(1, *))
                for c in 0..<xs[1] { for i in 0..<xs[2] { for j in 0..<xs[3] { for m in 0..<ws[1] { for kh in 0..<ws[2] { for kw in 0..<ws[3] {
                    y[(m * ys[2] + i + kh) * ys[3] + j + kw] += x[(c * xs[2] + i) * xs[3] + j] * w[((c * ws[1] + m) * ws[2] + kh) * ws[3] + kw]
                } } } } } }
                if !b.isEmpty { for k in 0..<y.count { y[k] += b[k / (ys[2] * ys[3])] } }
            case "BatchNormalization":
                let x = v(n.inputs[0]), s = v(n.inputs[1]), bb = v(n.inputs[2]), m = v(n.inputs[3]), vr = v(n.inputs[4])
                let inner = ys[2...].reduce(1, *)
                y = x.enumerated().map { (i, e) in let c = (i / inner) % ys[1]; return (e - m[c]) / (vr[c] + 1e-5).squareRoot() * s[c] + bb[c] }
            case "Add":
                let maps = Broadcast.indexMaps([shape(n.inputs[0]), shape(n.inputs[1])], to: ys)
                let a = v(n.inputs[0]), b = v(n.inputs[1])
                y = (0..<ys.reduce(1, *)).map { a[maps[0][$0]] + b[maps[1][$0]] }
            case "Relu": y = v(n.inputs[0]).map { max($0, 0) }
            case "Clip":
                let lo = v(n.inputs[1])[0], hi = v(n.inputs[2])[0]
                y = v(n.inputs[0]).map { min(max($0, lo), hi) }
            case "Gemm", "MatMul":
                var ta = false, tb = false, alpha = 1.0, beta = 1.0
                if n.opType == "Gemm" {
                    if case .int(let t)? = n.attributes["transA"] { ta = t != 0 }
                    if case .int(let t)? = n.attributes["transB"] { tb = t != 0 }
                    if case .float(let f)? = n.attributes["alpha"] { alpha = Double(f) }
                    if case .float(let f)? = n.attributes["beta"] { beta = Double(f) }
                }
                let a = v(n.inputs[0]), b = v(n.inputs[1]), as_ = shape(n.inputs[0]), bs = shape(n.inputs[1])
                let k = ta ? as_[0] : as_[1]
                let cmap = n.inputs.count > 2 ? Broadcast.indexMaps([shape(n.inputs[2])], to: ys)[0] : []
                let cv = n.inputs.count > 2 ? v(n.inputs[2]) : []
                y = []
                for i in 0..<ys[0] { for j in 0..<ys[1] {
                    var acc = 0.0
                    for q in 0..<k { acc += a[ta ? q * as_[1] + i : i * as_[1] + q] * b[tb ? j * bs[1] + q : q * bs[1] + j] }
                    var r = alpha * acc
                    if !cv.isEmpty { r += beta * cv[cmap[i * ys[1] + j]] }
                    y.append(r)
                } }
            default:
                throw KilnError.unsupported("test interpreter: \(n.opType)")
            }
            if let act = n.fusedActivation {
                y = y.map { act.kind == .relu ? max($0, 0) : min(max($0, Double(act.min)), Double(act.max)) }
            }
            vals[out] = y
        }
        return vals
    }
}
