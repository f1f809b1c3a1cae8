import XCTest
@testable import Kiln

/// Quantized inference: fixed-point multipliers, parameter layouts, output clamps, the quantize-qdq and
/// channels-last passes on small QDQ graphs, and compile-time folding of QuantizeLinear/DequantizeLinear.
final class QuantizedTests: XCTestCase {
    // MARK: multipliers

    func testMultiplierEncoding() throws {
        let half = try XCTUnwrap(FixedPointMultiplier.encode(0.5))
        XCTAssertEqual(half, FixedPointMultiplier(m: 1 << 30, shift: 31))
        XCTAssertEqual(FixedPointMultiplier.encode(1), FixedPointMultiplier(m: 1 << 30, shift: 30))
        XCTAssertEqual(FixedPointMultiplier.encode(-0.75), FixedPointMultiplier(m: -(3 << 29), shift: 31))
        XCTAssertEqual(FixedPointMultiplier.encode(0), FixedPointMultiplier(m: 0, shift: 1))
        // 1 - 2^-40 rounds up to 2^31 · 2^-31 and is renormalized
        XCTAssertEqual(FixedPointMultiplier.encode(1 - pow(2, -40)), FixedPointMultiplier(m: 1 << 30, shift: 30))
        XCTAssertNil(FixedPointMultiplier.encode(pow(2, 30)))
        XCTAssertNil(FixedPointMultiplier.encode(.nan))
        XCTAssertEqual(FixedPointMultiplier.encode(1e-60), FixedPointMultiplier(m: 0, shift: 1))
        for r in [0.0037, 0.9999, 1.7, 123.456, 3.3e-9] {
            let f = try XCTUnwrap(FixedPointMultiplier.encode(r))
            XCTAssertTrue((1 << 30)...((1 << 31) - 1) ~= abs(f.m), "\(r) → \(f)")
            XCTAssertEqual(f.value, r, accuracy: r * pow(2, -30))
        }
        // half to even on exact ties; saturation at ±2^30
        XCTAssertEqual(half.apply(3), 2)
        XCTAssertEqual(half.apply(5), 2)
        XCTAssertEqual(half.apply(-3), -2)
        XCTAssertEqual(try XCTUnwrap(FixedPointMultiplier.encode(4)).apply(Int64(Int32.max)), 1 << 30)
        XCTAssertEqual(Quantization.roundShift(Int64(1) << 40, 70), 0)
    }

    func testQuantizeValueAndClamp() {
        XCTAssertEqual(Quantization.quantize(2.5, zeroPoint: 0, .int8), 2)
        XCTAssertEqual(Quantization.quantize(-2.5, zeroPoint: 3, .int8), 1)
        XCTAssertEqual(Quantization.quantize(1e9, zeroPoint: 0, .uint8), 255)
        XCTAssertEqual(Quantization.quantize(.nan, zeroPoint: 300, .uint8), 255)
        let y = QuantParams(scale: [0.05], zeroPoint: [-20])
        XCTAssertTrue(Quantization.clamp(nil, y: y, .int8) == (-128, 127))
        XCTAssertTrue(Quantization.clamp(ActivationSpec(.relu), y: y, .int8) == (-20, 127))
        // Relu6: 6 / 0.05 = 120 → -20 + 120 = 100
        XCTAssertTrue(Quantization.clamp(ActivationSpec(.clip, min: 0, max: 6), y: y, .int8) == (-20, 100))
        // Clip with min > max is max everywhere
        XCTAssertTrue(Quantization.clamp(ActivationSpec(.clip, min: 1, max: 0), y: y, .int8) == (-20, -20))
    }

    func testGranularityIndexes() throws {
        let g = Graph(sourceFile: "t")
        g.opsets = ["": 21]
        let n = g.addNode(name: "q", opType: "QuantizeLinear", attributes: ["axis": .int(1), "block_size": .int(2)],
                          inputs: [], outputs: [])
        let ctx = NodeContext(graph: g, node: n)
        let blocked = try Quantization.granularity(ctx, x: [2, 3], scale: [2, 2], zeroPoint: nil)
        XCTAssertEqual((0..<6).map(blocked.scaleIndex), [0, 0, 1, 2, 2, 3])
        let perAxis = try Quantization.granularity(NodeContext(graph: g, node: g.addNode(name: "a", opType: "QuantizeLinear",
                                                     attributes: ["axis": .int(1)], inputs: [], outputs: [])),
                                                   x: [2, 3, 2], scale: [3], zeroPoint: [3])
        XCTAssertEqual((0..<12).map(perAxis.scaleIndex), [0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2])
        XCTAssertEqual(try Quantization.granularity(ctx, x: [4], scale: [], zeroPoint: [1]).params, [1, 1, 4, 1, 0, 0, 0])
        XCTAssertThrowsError(try Quantization.granularity(ctx, x: [2, 3], scale: [2, 3], zeroPoint: nil))
    }

    // MARK: folding

    func testQuantizeDequantizeFold() throws {
        var b = ModelBuilder(opset: 13)
        b.initializer("w", TensorData(dtype: .float32, shape: [4], doubles: [-1, 0.26, 0.75, 100]))
        b.initializer("s", TensorData(dtype: .float32, shape: [], doubles: [0.5]))
        b.initializer("z", TensorData(dtype: .int8, shape: [], int64s: [3]))
        b.input("x", .float32, [4])
        b.node("QuantizeLinear", ["w", "s", "z"], ["q"])
        b.node("DequantizeLinear", ["q", "s", "z"], ["d"])
        b.node("Add", ["x", "d"], ["y"])
        b.output("y", .float32, [4])
        let g = try ModelImporter.load(path: try b.write())
        try Pipeline.run(g)
        // Q(w) = [1, 4, 5 (1.5 → 2), 127]; DQ → [-1, 0.5, 1, 62]
        let add = try XCTUnwrap(g.nodes.first { $0.opType == "Add" })
        XCTAssertEqual(g.value(add.inputs[1]!).constant?.doubles, [-1, 0.5, 1, 62])
    }

    // MARK: passes

    /// int8 NHWC input → Transpose(NHWC→NCHW) → DQ → Conv (per-channel int8 weights, int32 bias) → Relu → Q →
    /// DQ → Transpose(NCHW→NHWC) → Q: the exporter's transposes and the pass's layout transposes all cancel.
    func qdqConvModel() -> ModelBuilder {
        var b = ModelBuilder(opset: 13)
        b.input("x", .int8, [1, 4, 4, 2])
        b.initializer("xs", TensorData(dtype: .float32, shape: [], doubles: [0.1]))
        b.initializer("xz", TensorData(dtype: .int8, shape: [], int64s: [-3]))
        b.initializer("w", TensorData(dtype: .int8, shape: [3, 2, 1, 1], int64s: [1, -2, 3, -4, 5, 6]))
        b.initializer("ws", TensorData(dtype: .float32, shape: [3], doubles: [0.01, 0.02, 0.03]))
        b.initializer("wz", TensorData(dtype: .int8, shape: [3], int64s: [0, 0, 0]))
        b.initializer("bias", TensorData(dtype: .int32, shape: [3], int64s: [10, -20, 30]))
        b.initializer("bs", TensorData(dtype: .float32, shape: [3], doubles: [0.001, 0.002, 0.003]))
        b.initializer("bz", TensorData(dtype: .int32, shape: [3], int64s: [0, 0, 0]))
        b.initializer("ys", TensorData(dtype: .float32, shape: [], doubles: [0.05]))
        b.initializer("yz", TensorData(dtype: .int8, shape: [], int64s: [-128]))
        b.node("Transpose", ["x"], ["xt"], ints: ["perm": [0, 3, 1, 2]])
        b.node("DequantizeLinear", ["xt", "xs", "xz"], ["xf"])
        b.node("DequantizeLinear", ["w", "ws", "wz"], ["wf"], int: ["axis": 0])
        b.node("DequantizeLinear", ["bias", "bs", "bz"], ["bf"], int: ["axis": 0])
        b.node("Conv", ["xf", "wf", "bf"], ["c"], name: "conv", ints: ["kernel_shape": [1, 1]])
        b.node("Relu", ["c"], ["r"])
        b.node("QuantizeLinear", ["r", "ys", "yz"], ["q"])
        b.node("DequantizeLinear", ["q", "ys", "yz"], ["qf"])
        b.node("Transpose", ["qf"], ["qt"], ints: ["perm": [0, 2, 3, 1]])
        b.node("QuantizeLinear", ["qt", "ys", "yz"], ["y"])
        b.output("y", .int8, [1, 4, 4, 3])
        return b
    }

    func testQDQConvBecomesOneIntegerKernel() throws {
        let compiled = try Compiler.compile(path: try qdqConvModel().write(), options: CompileOptions(target: .host))
        let s = compiled.schedule
        XCTAssertEqual(s.steps.map(\.opType), ["kiln::QConv"])
        let conv = try XCTUnwrap(s.graph.nodes.first)
        XCTAssertEqual(conv.fusedActivation?.kind, .relu)
        let g = s.graph
        XCTAssertEqual(g.value(g.outputs[0]).quant, QuantParams(scale: [0.05], zeroPoint: [-128]))
        XCTAssertEqual(g.value(g.inputs[0]).quant, QuantParams(scale: [0.1], zeroPoint: [-3]))
        XCTAssertEqual(g.value(conv.inputs[1]!).quant?.scale.count, 3)
        XCTAssertTrue(Inspector.report(compiled).contains("q(scale 0.05, zp -128)"))
    }

    func testChannelsLastFoldsTransposePairsAndReshapes() throws {
        let g = Graph(sourceFile: "t")
        g.opsets = ["": 13]
        let x = g.addValue(name: "x", type: TensorType(.int8, [1, 5, 1, 7]))
        let a = g.addValue(name: "a"), b2 = g.addValue(name: "b"), c = g.addValue(name: "c")
        g.inputs = [x.id]
        g.nodes = [
            g.addNode(name: "t1", opType: "Transpose", attributes: ["perm": .ints([0, 3, 1, 2])], inputs: [x.id], outputs: [a.id]),
            g.addNode(name: "t2", opType: "Transpose", attributes: ["perm": .ints([0, 2, 3, 1])], inputs: [a.id], outputs: [b2.id]),
            // moves only the size-1 dim: a reshape
            g.addNode(name: "t3", opType: "Transpose", attributes: ["perm": .ints([0, 2, 1, 3])], inputs: [b2.id], outputs: [c.id]),
        ]
        g.outputs = [c.id]
        try InferAndFold.run(g)
        try ChannelsLast.run(g)
        try DeadCodeElimination.run(g)
        XCTAssertEqual(g.nodes.map(\.opType), ["Reshape"])
        XCTAssertEqual(g.nodes[0].inputs[0], x.id)
        XCTAssertEqual(g.value(c.id).type, TensorType(.int8, [1, 1, 5, 7]))
    }

    func testUnmatchedGroupsStayFloat() throws {
        // DequantizeLinear with a zero point computed at run time is left alone (no integer rewrite).
        var b = ModelBuilder(opset: 13)
        b.input("x", .int8, [4])
        b.input("z", .int8, [])
        b.initializer("s", TensorData(dtype: .float32, shape: [], doubles: [0.5]))
        b.node("DequantizeLinear", ["x", "s", "z"], ["f"])
        b.node("QuantizeLinear", ["f", "s"], ["y"])
        b.output("y", .uint8, [4])
        let c = try Compiler.compile(path: try b.write(), options: CompileOptions(target: .host))
        XCTAssertEqual(c.schedule.steps.map(\.opType), ["DequantizeLinear", "QuantizeLinear"])
    }
}
