import XCTest
import ONNX
@testable import Kiln

/// Shape and data-movement operators: folding of exporter shape chains, index maps and their lowering, and the
/// compile-time tables of Slice, Pad and Resize.
final class DataMovementTests: XCTestCase {
    // MARK: ONNX model building

    func tensor(_ name: String, _ v: [Int64], dims: [Int64]) -> Onnx_TensorProto {
        var t = Onnx_TensorProto()
        t.name = name
        t.dataType = 7
        t.dims = dims
        t.int64Data = v
        return t
    }

    func valueInfo(_ name: String, _ elem: Int32, _ shape: [Int64]) -> Onnx_ValueInfoProto {
        var s = Onnx_TensorShapeProto()
        s.dim = shape.map { var d = Onnx_TensorShapeProto.Dimension(); d.dimValue = $0; return d }
        var tt = Onnx_TypeProto.Tensor()
        tt.elemType = elem
        tt.shape = s
        var tp = Onnx_TypeProto()
        tp.tensorType = tt
        var v = Onnx_ValueInfoProto()
        v.name = name
        v.type = tp
        return v
    }

    func node(_ op: String, _ ins: [String], _ outs: [String], ints: [String: Int64] = [:]) -> Onnx_NodeProto {
        var n = Onnx_NodeProto()
        n.opType = op
        n.name = outs[0]
        n.input = ins
        n.output = outs
        for (k, v) in ints.sorted(by: { $0.key < $1.key }) {
            var a = Onnx_AttributeProto()
            a.name = k
            a.type = .int
            a.i = v
            n.attribute.append(a)
        }
        return n
    }

    func model(_ nodes: [Onnx_NodeProto], initializers: [Onnx_TensorProto], inputs: [Onnx_ValueInfoProto],
               outputs: [Onnx_ValueInfoProto], opset: Int64) -> Onnx_ModelProto {
        var g = Onnx_GraphProto()
        g.name = "g"
        g.node = nodes
        g.initializer = initializers
        g.input = inputs
        g.output = outputs
        var o = Onnx_OperatorSetIdProto()
        o.version = opset
        var m = Onnx_ModelProto()
        m.irVersion = 8
        m.opsetImport = [o]
        m.graph = g
        return m
    }

    /// PyTorch's `x.view(x.size(0), -1)` exports as Shape→Gather→Unsqueeze→Concat→Reshape; `x.flatten(1)` of a
    /// sliced shape as Shape→Slice→Concat. Both must fold to a bare Reshape.
    func testPyTorchShapeChainFoldsAway() throws {
        let nodes = [
            node("Shape", ["x"], ["s"]),
            node("Gather", ["s", "zero"], ["n"], ints: ["axis": 0]),
            node("Unsqueeze", ["n", "axes0"], ["n1"]),
            node("Concat", ["n1", "minus1"], ["target"], ints: ["axis": 0]),
            node("Reshape", ["x", "target"], ["y"]),
            node("Shape", ["x"], ["s2"]),
            node("Slice", ["s2", "start0", "end1"], ["head"]),
            node("Size", ["x"], ["count"]),
            node("Unsqueeze", ["count", "axes0"], ["count1"]),
            node("Concat", ["head", "count1"], ["target2"], ints: ["axis": 0]),
            node("Transpose", ["x"], ["xt"]),
            node("Shape", ["xt"], ["s3"]),
            node("ConstantOfShape", ["s3"], ["zeros"]),
            node("Expand", ["one", "s3"], ["ones"]),
            node("Squeeze", ["n1", "axes0"], ["n2"]),
            node("Range", ["zero", "n2", "one"], ["r"]),
            node("Flatten", ["r"], ["rf"], ints: ["axis": 0]),
        ]
        let inits = [
            tensor("zero", [0], dims: []), tensor("axes0", [0], dims: [1]), tensor("minus1", [-1], dims: [1]),
            tensor("start0", [0], dims: [1]), tensor("end1", [1], dims: [1]), tensor("one", [1], dims: []),
        ]
        let m = model(nodes, initializers: inits, inputs: [valueInfo("x", 1, [2, 3, 4])],
                      outputs: [valueInfo("y", 1, [2, 12]), valueInfo("zeros", 1, [4, 3, 2]), valueInfo("ones", 7, [4, 3, 2]),
                                valueInfo("rf", 7, [1, 2]), valueInfo("target2", 7, [2])],
                      opset: 13)
        let g = try ModelImporter.importModel(m, file: "chain.onnx", baseDirectory: nil)
        try Pipeline.run(g)
        let ops = g.nodes.map(\.opType)
        XCTAssertEqual(ops, ["Reshape"], "only the Reshape of the run-time input may remain, got \(ops)")
        let y = g.value(g.outputs[0])
        XCTAssertEqual(y.type, TensorType(.float32, [2, 12]))
        XCTAssertEqual(g.value(g.outputs[1]).constant?.doubles, [Double](repeating: 0, count: 24))
        XCTAssertEqual(g.value(g.outputs[2]).constant?.int64s, [Int64](repeating: 1, count: 24))
        XCTAssertEqual(g.value(g.outputs[3]).constant?.int64s, [0, 1])
        XCTAssertEqual(g.value(g.outputs[4]).constant?.int64s, [2, 24])
    }

    // MARK: graph helpers

    func graph(opset: Int = 18) -> Graph {
        let g = Graph(sourceFile: "test")
        g.opsets = ["": opset]
        return g
    }

    /// Adds a node with a run-time input `x` of type `x` and constant inputs; returns its context after inference.
    func context(_ g: Graph, _ op: String, x: TensorType, constants: [TensorData?], attributes: [String: Attribute] = [:]) throws -> NodeContext {
        var inputs: [ValueID?] = [g.addValue(name: "x", type: x).id]
        for (i, c) in constants.enumerated() { inputs.append(c.map { g.addValue(name: "c\(i)", constant: $0).id }) }
        let y = g.addValue(name: "y")
        let n = g.addNode(name: op, opType: op, attributes: attributes, inputs: inputs, outputs: [y.id])
        g.nodes.append(n)
        try InferAndFold.run(g)
        return NodeContext(graph: g, node: n)
    }

    func lowered(_ ctx: NodeContext) throws -> [KernelCall] {
        guard let op = OperatorTable.lookup(ctx.node) else { throw KilnError.bad("no op") }
        var b = LoweringBuilder(graph: ctx.graph)
        try op.lower(ctx, &b)
        return b.calls
    }

    // MARK: index maps

    func testTransposeToChannelsLastMergesDims() throws {
        let g = graph()
        let ctx = try context(g, "Transpose", x: TensorType(.float32, [1, 8, 4, 4]), constants: [], attributes: ["perm": .ints([0, 2, 3, 1])])
        XCTAssertEqual(try ctx.output(0).shape, [1, 4, 4, 8])
        let calls = try lowered(ctx)
        XCTAssertEqual(calls.count, 1)
        XCTAssertEqual(calls[0].function, "kiln_strided_b32")
        // H and W merge into one dim of 16 (stride 1), channels stride 16.
        XCTAssertEqual(Array(calls[0].args[2...]), [.int(2), .ints([16, 8]), .ints([1, 16]), .int(0)])
    }

    func testSliceOfWholeInnerRowsIsOneBlockCopy() throws {
        let g = graph()
        let ctx = try context(g, "Slice", x: TensorType(.int8, [4, 3, 5]),
                              constants: [.vector([1]), .vector([3])])  // x[1:3]
        XCTAssertEqual(try ctx.output(0).shape, [2, 3, 5])
        let calls = try lowered(ctx)
        XCTAssertEqual(calls.map(\.function), ["kiln_copy_block"])
        XCTAssertEqual(calls[0].args[1], .int(15))   // byte offset of row 1
        XCTAssertEqual(calls[0].args[7], .int(30))   // 2 x 3 x 5 bytes
    }

    func testSliceClampsLikeTheSpec() throws {
        // Negative step from far beyond the end to far before the start: the whole dim reversed.
        let g = graph()
        let big = Int64.max, small = Int64.min
        let ctx = try context(g, "Slice", x: TensorType(.float32, [5]),
                              constants: [.vector([big]), .vector([small]), .vector([0]), .vector([-2])])
        XCTAssertEqual(try ctx.output(0).shape, [3])
        let x = TensorData(dtype: .float32, shape: [5], doubles: [0, 1, 2, 3, 4])
        let y = try Slice.map(ctx, x.type).apply(x, outShape: [3])
        XCTAssertEqual(y.doubles, [4, 2, 0])
        // Start beyond the end with a positive step: empty.
        let g2 = graph()
        let ctx2 = try context(g2, "Slice", x: TensorType(.float32, [5]), constants: [.vector([7]), .vector([9])])
        XCTAssertEqual(try ctx2.output(0).shape, [0])
        XCTAssertEqual(try lowered(ctx2), [])
    }

    func testPadModesAndNegativePads() throws {
        let x = TensorData(dtype: .int32, shape: [4], int64s: [1, 2, 3, 4])
        func pad(_ mode: String, _ pads: [Int64]) throws -> [Int64] {
            let g = graph(opset: 19)
            let ctx = try context(g, "Pad", x: x.type, constants: [.vector(pads)], attributes: ["mode": .string(mode)])
            return try Pad.map(ctx, x.type).apply(x, fill: [9, 0, 0, 0], outShape: try ctx.output(0).shape).int64s
        }
        XCTAssertEqual(try pad("constant", [2, 1]), [9, 9, 1, 2, 3, 4, 9])
        XCTAssertEqual(try pad("edge", [2, 1]), [1, 1, 1, 2, 3, 4, 4])
        XCTAssertEqual(try pad("reflect", [5, 1]), [2, 3, 4, 3, 2, 1, 2, 3, 4, 3])
        XCTAssertEqual(try pad("wrap", [3, 2]), [2, 3, 4, 1, 2, 3, 4, 1, 2])
        XCTAssertEqual(try pad("constant", [-1, 2]), [2, 3, 4, 9, 9])
        // Crop first, then reflect the kept [2, 3].
        XCTAssertEqual(try pad("reflect", [-1, -1]), [2, 3])
        XCTAssertEqual(try pad("reflect", [1, -1]), [2, 1, 2, 3])
    }

    func testTileUsesTablesAndExpandUsesZeroStrides() throws {
        let g = graph(opset: 13)
        let ctx = try context(g, "Tile", x: TensorType(.uint8, [2, 3]), constants: [.vector([1, 2])])
        XCTAssertEqual(try ctx.output(0).shape, [2, 6])
        XCTAssertEqual(try lowered(ctx).map(\.function), ["kiln_remap_b8"])
        let g2 = graph(opset: 13)
        let ctx2 = try context(g2, "Expand", x: TensorType(.float16, [3, 1]), constants: [.vector([2, 1, 4])])
        XCTAssertEqual(try ctx2.output(0).shape, [2, 3, 4])
        let calls = try lowered(ctx2)
        XCTAssertEqual(calls.map(\.function), ["kiln_strided_b16"])
        XCTAssertEqual(Array(calls[0].args[2...]), [.int(3), .ints([2, 3, 4]), .ints([0, 1, 0]), .int(0)])
    }

    // MARK: resize tables

    func testLinearHalfPixelTaps() throws {
        var o = Interpolation.Options()
        o.mode = .linear
        let axis = Interpolation.Axis(inSize: 2, outSize: 4, scale: 2, roi: (0, 1), resized: true)
        let t = Interpolation.taps(axis, o)
        XCTAssertEqual(t.count, 2)
        XCTAssertEqual(t.index, [[0, 0], [0, 1], [0, 1], [1, 1]])
        XCTAssertEqual(t.weight, [[0.25, 0.75], [0.75, 0.25], [0.25, 0.75], [0.75, 0.25]])
    }

    func testNearestModes() throws {
        var o = Interpolation.Options()
        o.coordinate = "asymmetric"
        let axis = Interpolation.Axis(inSize: 4, outSize: 8, scale: 2, roi: (0, 1), resized: true)
        func pick(_ mode: String) -> [Int] {
            o.nearestMode = mode
            return Interpolation.nearestMap([axis], o).tables[0]
        }
        XCTAssertEqual(pick("floor"), [0, 0, 1, 1, 2, 2, 3, 3])
        XCTAssertEqual(pick("ceil"), [0, 1, 1, 2, 2, 3, 3, 3])
        XCTAssertEqual(pick("round_prefer_floor"), [0, 0, 1, 1, 2, 2, 3, 3])
        XCTAssertEqual(pick("round_prefer_ceil"), [0, 1, 1, 2, 2, 3, 3, 3])
    }

    // MARK: robustness

    /// Model-controlled values at the extremes must produce errors, never traps: every op of the family is fed
    /// random shapes and constant inputs drawn from {min, -big, -1, 0, 1, 2, big, max}, then inferred, folded
    /// and lowered.
    func testExtremeValuesNeverCrash() throws {
        var rng = SplitMix64(seed: 7)
        let picks: [Int64] = [.min, -(1 << 40), -3, -1, 0, 1, 2, 3, 1 << 40, .max]
        func value() -> Int64 { picks[Int(rng.next() % UInt64(picks.count))] }
        func vector(_ n: Int) -> TensorData { .vector((0..<n).map { _ in value() }) }
        let specs: [(op: String, opset: Int, inputs: Int, attrs: [String: Attribute])] = [
            ("Slice", 13, 4, [:]), ("Pad", 19, 1, ["mode": .string("reflect")]), ("Pad", 19, 1, ["mode": .string("wrap")]),
            ("Pad", 19, 1, ["mode": .string("edge")]), ("Pad", 19, 1, [:]), ("Split", 18, 1, [:]), ("Tile", 13, 1, [:]),
            ("Expand", 13, 1, [:]), ("Squeeze", 13, 1, [:]), ("Unsqueeze", 13, 1, [:]), ("Reshape", 14, 1, [:]),
            ("Trilu", 14, 1, [:]), ("CumSum", 14, 1, [:]), ("TopK", 11, 1, [:]), ("CenterCropPad", 18, 1, [:]),
            ("ConstantOfShape", 20, 0, [:]), ("Resize", 19, 3, ["mode": .string("linear"), "antialias": .int(1)]),
            ("Resize", 19, 3, ["mode": .string("cubic"), "coordinate_transformation_mode": .string("align_corners")]),
            ("Gather", 13, 1, ["axis": .int(-1)]), ("Shape", 19, 0, ["start": .int(Int.min), "end": .int(Int.max)]),
            ("EyeLike", 22, 0, ["k": .int(Int.max)]), ("Flatten", 13, 0, ["axis": .int(Int.min)]),
            ("DepthToSpace", 13, 0, ["blocksize": .int(Int.max)]), ("Transpose", 13, 0, ["perm": .ints([Int.max, 0])]),
        ]
        var succeeded = 0
        for trial in 0..<400 {
            let spec = specs[trial % specs.count]
            let rank = Int(rng.next() % 4) + 1
            let shape = (0..<rank).map { _ in Int(rng.next() % 4) }
            let g = graph(opset: spec.opset)
            var consts: [TensorData?] = []
            for i in 0..<spec.inputs {
                if spec.op == "Resize" && i < 2 { consts.append(nil); continue }
                if spec.op == "Resize" {
                    consts.append(TensorData(dtype: .float32, shape: [rank], doubles: (0..<rank).map { _ in [0.0, 1e-30, 0.5, 3, 1e30, .nan][Int(rng.next() % 6)] }))
                    continue
                }
                consts.append(rng.next() % 2 == 0 ? vector(rank) : vector(Int(rng.next() % 3)))
            }
            let x = spec.op == "ConstantOfShape" ? TensorType(.int64, [rank]) : TensorType(.float32, shape)
            do {
                var inputs: [ValueID?] = []
                if spec.op == "ConstantOfShape" { inputs.append(g.addValue(name: "x", constant: vector(rank)).id) }
                else { inputs.append(g.addValue(name: "x", type: x).id) }
                for (i, c) in consts.enumerated() { inputs.append(c.map { g.addValue(name: "c\(i)", constant: $0).id }) }
                let outs = (0..<(spec.op == "Split" ? 2 : spec.op == "TopK" ? 2 : 1)).map { g.addValue(name: "y\($0)").id }
                let node = g.addNode(name: spec.op, opType: spec.op, attributes: spec.attrs, inputs: inputs, outputs: outs)
                g.nodes.append(node)
                try InferAndFold.run(g)
                if g.value(outs[0]).constant == nil {
                    _ = try lowered(NodeContext(graph: g, node: node))
                }
                succeeded += 1
            } catch is KilnError {
                continue
            }
        }
        XCTAssertGreaterThan(succeeded, 40, "too few trials got past validation to exercise folding and lowering")
    }
}
