import XCTest
@testable import Kiln

final class RecurrentTests: XCTestCase {
    /// Packed layout: per direction G*H rows [W row, R row, Wb + Rb], then Rbh when kept apart (GRU lbr=1).
    func testPackLayout() {
        // D=1, G=3, I=1, H=1
        let w: [Float] = [1, 2, 3], r: [Float] = [4, 5, 6], b: [Float] = [0.5, 0.25, 0.125, 1, 2, 4]
        XCTAssertEqual(RecurrentLayer.pack(w: w, r: r, b: b, directions: 1, gates: 3, input: 1, hidden: 1,
                                           separateRecurrentBias: false),
                       [1, 4, 1.5, 2, 5, 2.25, 3, 6, 4.125])
        XCTAssertEqual(RecurrentLayer.pack(w: w, r: r, b: b, directions: 1, gates: 3, input: 1, hidden: 1,
                                           separateRecurrentBias: true),
                       [1, 4, 1.5, 2, 5, 2.25, 3, 6, 0.125, 4])
        XCTAssertEqual(RecurrentLayer.pack(w: w, r: r, b: nil, directions: 1, gates: 3, input: 1, hidden: 1,
                                           separateRecurrentBias: true),
                       [1, 4, 0, 2, 5, 0, 3, 6, 0, 0])
        // two directions, G=1, I=2, H=1: blocks follow each other
        XCTAssertEqual(RecurrentLayer.pack(w: [1, 2, 3, 4], r: [5, 6], b: [1, 1, 2, 2], directions: 2, gates: 1,
                                           input: 2, hidden: 1, separateRecurrentBias: false),
                       [1, 2, 5, 2, 3, 4, 6, 4])
    }

    func gruGraph(constantWeights: Bool, attributes: [String: Attribute]) -> Graph {
        let g = Graph(sourceFile: "test.onnx")
        g.opsets = ["": 14]
        let D = 2, H = 4, I = 3, S = 5
        let x = g.addValue(name: "X", type: TensorType(.float32, [S, 1, I]))
        g.inputs = [x.id]
        func weight(_ name: String, _ shape: [Int]) -> Value {
            let n = shape.elementCount
            let data = TensorData(dtype: .float32, shape: shape, doubles: (0..<n).map { Double($0 % 7) * 0.125 })
            if constantWeights { return g.addValue(name: name, constant: data) }
            let v = g.addValue(name: name, type: data.type)
            g.inputs.append(v.id)
            return v
        }
        let w = weight("W", [D, 3 * H, I]), r = weight("R", [D, 3 * H, H]), b = weight("B", [D, 6 * H])
        let y = g.addValue(name: "Y"), yh = g.addValue(name: "Y_h")
        var attrs = attributes
        attrs["hidden_size"] = .int(H)
        attrs["direction"] = .string("bidirectional")
        g.nodes = [g.addNode(name: "gru", opType: "GRU", attributes: attrs, inputs: [x.id, w.id, r.id, b.id],
                             outputs: [y.id, yh.id])]
        g.outputs = [y.id, yh.id]
        return g
    }

    func testConstantWeightsArePackedAtCompileTime() throws {
        let g = gruGraph(constantWeights: true, attributes: ["linear_before_reset": .int(1)])
        try Pipeline.run(g)
        XCTAssertEqual(g.value(g.outputs[0]).type, TensorType(.float32, [5, 2, 1, 4]))
        XCTAssertEqual(g.value(g.outputs[1]).type, TensorType(.float32, [2, 1, 4]))
        let m = try ScheduleBuilder.build(g)
        XCTAssertEqual(m.steps.count, 1)
        let calls = m.steps[0].calls
        XCTAssertEqual(calls.map(\.function), ["kiln_gru_f32", "kiln_gru_f32"])
        guard case .input(let packed) = calls[0].args[1], let data = g.value(packed).constant else {
            return XCTFail("weights are not a packed constant")
        }
        // per direction: 3*H rows of I + H + 1 floats, plus Rbh
        XCTAssertEqual(data.count, 2 * (12 * 8 + 4))
    }

    func testRuntimeWeightsArePackedByAKernel() throws {
        let g = gruGraph(constantWeights: false, attributes: [:])
        try Pipeline.run(g)
        let m = try ScheduleBuilder.build(g)
        XCTAssertEqual(m.steps[0].calls.map(\.function), ["kiln_rnn_pack_f32", "kiln_gru_f32", "kiln_gru_f32"])
        XCTAssertEqual(m.steps[0].scratchBuffers.count, 2)
        XCTAssertEqual(m.buffers[m.steps[0].scratchBuffers[0]].bytes, 2 * 12 * 8 * 4)
    }

    /// Coefficients are consumed in order by the functions that take them; defaults follow the ONNX spec.
    func testActivationCoefficients() throws {
        let g = gruGraph(constantWeights: true, attributes: [
            "activations": .strings(["HardSigmoid", "Tanh", "LeakyRelu", "ScaledTanh"]),
            "activation_alpha": .floats([0.3, 0.7]), "activation_beta": .floats([0.6]),
        ])
        let layer = try RecurrentLayer(NodeContext(graph: g, node: g.nodes[0]), cell: .gru)
        XCTAssertEqual(layer.activations[0], [.init(kind: 7, alpha: 0.3, beta: 0.6), .init(kind: 1, alpha: 0, beta: 0)])
        XCTAssertEqual(layer.activations[1], [.init(kind: 4, alpha: 0.7, beta: 0), .init(kind: 6, alpha: 1, beta: 1)])
    }

    func testMalformedAttributes() {
        for attrs: [String: Attribute] in [["activations": .strings(["Sigmoid", "Tanh", "Tanh"])],
                                           ["activations": .strings(["Sigmoid", "Gelu"])],
                                           ["linear_before_reset": .int(2)], ["clip": .float(-1)],
                                           ["layout": .int(3)]] {
            let g = gruGraph(constantWeights: true, attributes: attrs)
            XCTAssertThrowsError(try Pipeline.run(g), "\(attrs)")
        }
    }

    // MARK: control flow

    /// body(i, cond, y) = (cond, y + x, relu(y + x)) with x from the enclosing graph.
    func loopGraph(trip: ValueID? = nil, tripValue: Int64 = 3, bindings: [String: TensorData] = [:]) -> Graph {
        let g = Graph(sourceFile: "test.onnx")
        g.opsets = ["": 17]
        g.bindings = bindings
        let y0 = g.addValue(name: "y0", type: TensorType(.float32, [2]))
        let x = g.addValue(name: "x", type: TensorType(.float32, [2]))
        g.inputs = [y0.id, x.id]
        let m: Value
        if bindings["M"] != nil {
            m = g.addValue(name: "M", type: TensorType(.int64, []))
            g.inputs.append(m.id)
        } else {
            m = g.addValue(name: "M", constant: TensorData(dtype: .int64, shape: [], int64s: [tripValue]))
        }
        let body = Graph(sourceFile: "test.onnx")
        body.opsets = g.opsets
        let i = body.addValue(name: "i"), c = body.addValue(name: "cond_in"), y = body.addValue(name: "y_in")
        body.inputs = [i.id, c.id, y.id]
        let xb = body.addValue(name: "x")
        body.outerReferences[xb.id] = x.id
        let co = body.addValue(name: "cond_out"), yo = body.addValue(name: "y_out"), so = body.addValue(name: "scan")
        body.nodes = [body.addNode(name: "id", opType: "Identity", inputs: [c.id], outputs: [co.id]),
                      body.addNode(name: "add", opType: "Add", inputs: [y.id, xb.id], outputs: [yo.id]),
                      body.addNode(name: "relu", opType: "Relu", inputs: [yo.id], outputs: [so.id])]
        body.outputs = [co.id, yo.id, so.id]
        let yf = g.addValue(name: "y"), sf = g.addValue(name: "s")
        g.nodes = [g.addNode(name: "loop", opType: "Loop", attributes: ["body": .graph(body)],
                             inputs: [m.id, nil, y0.id], outputs: [yf.id, sf.id])]
        g.outputs = [yf.id, sf.id]
        return g
    }

    func testLoopUnrolls() throws {
        let g = loopGraph()
        try Pipeline.run(g)
        XCTAssertFalse(g.nodes.contains { $0.opType == "Loop" })
        XCTAssertEqual(g.nodes.filter { $0.opType == "Add" }.count, 3)
        XCTAssertEqual(g.value(g.outputs[0]).type, TensorType(.float32, [2]))
        XCTAssertEqual(g.value(g.outputs[1]).type, TensorType(.float32, [3, 2]))
        XCTAssertTrue(g.nodes.contains { $0.domain == "kiln" && $0.opType == "Stack" })
        // every value a step reads is a graph input, a constant or computed by an earlier step
        var known = Set(g.inputs)
        for n in g.nodes {
            for case let i? in n.inputs { XCTAssertTrue(known.contains(i) || g.value(i).constant != nil, "\(n.name)") }
            for case let o? in n.outputs { known.insert(o) }
        }
    }

    func testLoopTripCountMustBeStatic() throws {
        // bound to test data: frozen
        let g = loopGraph(bindings: ["M": TensorData(dtype: .int64, shape: [], int64s: [2])])
        try Pipeline.run(g)
        XCTAssertEqual(g.value(g.outputs[1]).type, TensorType(.float32, [2, 2]))
        XCTAssertEqual(g.frozenInputs, ["M"])
        // not bound: unsupported
        let h = loopGraph(bindings: ["M": TensorData(dtype: .int64, shape: [], int64s: [2])])
        h.bindings = [:]
        XCTAssertThrowsError(try Pipeline.run(h)) { e in XCTAssertEqual((e as? KilnError)?.kind, .unsupported) }
        // too many iterations: unsupported
        XCTAssertThrowsError(try Pipeline.run(loopGraph(tripValue: 1_000_000))) { e in
            XCTAssertEqual((e as? KilnError)?.kind, .unsupported)
        }
    }

    func testIfRuntimeConditionSelects() throws {
        let g = Graph(sourceFile: "test.onnx")
        g.opsets = ["": 17]
        let cond = g.addValue(name: "cond", type: TensorType(.bool, []))
        let x = g.addValue(name: "x", type: TensorType(.float32, [3]))
        g.inputs = [cond.id, x.id]
        func branch(_ op: String) -> Graph {
            let b = Graph(sourceFile: "test.onnx")
            b.opsets = g.opsets
            let xb = b.addValue(name: "x"), o = b.addValue(name: "o_\(op)")
            b.outerReferences[xb.id] = x.id
            b.nodes = [b.addNode(name: op, opType: op, inputs: op == "Add" ? [xb.id, xb.id] : [xb.id], outputs: [o.id])]
            b.outputs = [o.id]
            return b
        }
        let y = g.addValue(name: "y")
        g.nodes = [g.addNode(name: "if", opType: "If", attributes: ["then_branch": .graph(branch("Add")),
                                                                    "else_branch": .graph(branch("Relu"))],
                             inputs: [cond.id], outputs: [y.id])]
        g.outputs = [y.id]
        try Pipeline.run(g)
        XCTAssertEqual(g.nodes.map(\.qualifiedOp).sorted(), ["Add", "Relu", "kiln::Select"])
        XCTAssertEqual(g.value(y.id).type, TensorType(.float32, [3]))
    }
}
