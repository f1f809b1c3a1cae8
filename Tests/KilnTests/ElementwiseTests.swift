import XCTest
@testable import Kiln

/// Shape inference and folding of the element-wise family, on one-node graphs with constant inputs.
final class ElementwiseTests: XCTestCase {
    /// Builds `op(inputs)` in a graph of the given opset, infers its output types and returns its context.
    func node(_ op: String, _ inputs: [TensorData?], opset: Int = 17, attributes: [String: Attribute] = [:],
              types: [TensorType]? = nil, outputs: Int = 1) throws -> (NodeContext, Operator.Type) {
        let g = Graph(sourceFile: "test.onnx")
        g.opsets[""] = opset
        var ids: [ValueID?] = []
        for (i, c) in inputs.enumerated() {
            if let c { ids.append(g.addValue(name: "in\(i)", constant: c).id) } else if let t = types?[i] {
                ids.append(g.addValue(name: "in\(i)", type: t).id)
            } else { ids.append(nil) }
        }
        let outs = (0..<outputs).map { g.addValue(name: "out\($0)").id }
        let n = g.addNode(name: "n", opType: op, attributes: attributes, inputs: ids, outputs: outs)
        g.nodes = [n]
        let ctx = NodeContext(graph: g, node: n)
        let impl = try XCTUnwrap(OperatorTable.lookup(n))
        for (i, t) in try impl.infer(ctx).enumerated() { g.setType(outs[i], t) }
        return (ctx, impl)
    }

    func fold(_ op: String, _ inputs: [TensorData?], opset: Int = 17, attributes: [String: Attribute] = [:]) throws -> TensorData {
        let (ctx, impl) = try node(op, inputs, opset: opset, attributes: attributes)
        return try XCTUnwrap(try impl.fold(ctx)?.first)
    }

    func ints(_ v: [Int64], _ t: DType = .int64, _ shape: [Int]? = nil) -> TensorData {
        TensorData(dtype: t, shape: shape ?? [v.count], int64s: v)
    }
    func floats(_ v: [Double], _ t: DType = .float32, _ shape: [Int]? = nil) -> TensorData {
        TensorData(dtype: t, shape: shape ?? [v.count], doubles: v)
    }

    func testBroadcastShapes() throws {
        let (ctx, _) = try node("Add", [nil, nil], types: [TensorType(.float32, [2, 1, 4]), TensorType(.float32, [3, 1])])
        XCTAssertEqual(try ctx.output(0).shape, [2, 3, 4])
        XCTAssertThrowsError(try node("Add", [nil, nil], types: [TensorType(.float32, [2, 3]), TensorType(.float32, [4])]))
        XCTAssertThrowsError(try node("Add", [nil, nil], types: [TensorType(.float32, [2]), TensorType(.int32, [2])]))
    }

    func testLegacyBroadcastAxis() throws {
        // Opset 6: B [3] aligned with A [2,3,4] at axis 1 behaves as [3,1].
        let a = floats((0..<24).map(Double.init), .float32, [2, 3, 4]), b = floats([100, 200, 300])
        let y = try fold("Add", [a, b], opset: 6, attributes: ["broadcast": .int(1), "axis": .int(1)])
        XCTAssertEqual(y.shape, [2, 3, 4])
        XCTAssertEqual(Array(y.doubles[0..<5]), [100, 101, 102, 103, 204])
        // Without axis, B matches A's trailing dims.
        let z = try fold("Mul", [a, floats([1, 0, 1, 0])], opset: 6, attributes: ["broadcast": .int(1)])
        XCTAssertEqual(Array(z.doubles[0..<4]), [0, 0, 2, 0])
        XCTAssertThrowsError(try fold("Add", [a, floats([1, 2])], opset: 6, attributes: ["broadcast": .int(1), "axis": .int(1)]))
    }

    func testIntegerArithmeticWraps() throws {
        XCTAssertEqual(try fold("Add", [ints([127, -128], .int8), ints([1, -1], .int8)]).int64s, [-128, 127])
        XCTAssertEqual(try fold("Div", [ints([Int64.min, 7, -7]), ints([-1, 0, 2])]).int64s, [Int64.min, 0, -3])
        XCTAssertEqual(try fold("Sub", [ints([1], .uint64), ints([2], .uint64)]).int64s, [-1])
        XCTAssertEqual(try fold("Div", [ints([-1], .uint64), ints([2], .uint64)]).int64s, [Int64.max])
    }

    func testModSemantics() throws {
        let a = ints([5, -5, 5, -5, 7], .int32), b = ints([3, 3, -3, -3, 0], .int32)
        XCTAssertEqual(try fold("Mod", [a, b]).int64s, [2, 1, -1, -2, 0])
        XCTAssertEqual(try fold("Mod", [a, b], attributes: ["fmod": .int(1)]).int64s, [2, -2, 2, -2, 0])
        let f = try fold("Mod", [floats([-5.5, 4]), floats([2, -2])])
        XCTAssertEqual(f.doubles[0], 0.5)
        XCTAssertEqual(f.doubles[1].sign, .minus)
        XCTAssertEqual(try fold("Mod", [floats([-5.5]), floats([2])], attributes: ["fmod": .int(1)]).doubles, [-1.5])
    }

    func testBitShift() throws {
        let l: [String: Attribute] = ["direction": .string("LEFT")], r: [String: Attribute] = ["direction": .string("RIGHT")]
        XCTAssertEqual(try fold("BitShift", [ints([1, 255, 3], .uint8), ints([7, 1, 8], .uint8)], attributes: l).int64s, [128, 254, 0])
        XCTAssertEqual(try fold("BitShift", [ints([-7, -7, 8], .int8), ints([1, 9, -1], .int8)], attributes: r).int64s, [-4, -1, 0])
        XCTAssertEqual(try fold("BitShift", [ints([3], .uint64), ints([-1], .uint64)], attributes: l).int64s, [0])
    }

    func testComparisonsAndLogic() throws {
        let y = try fold("Less", [ints([-1, 2], .int32), ints([0], .int32, [1])])
        XCTAssertEqual(y.dtype, .bool)
        XCTAssertEqual(y.int64s, [1, 0])
        XCTAssertEqual(try fold("Greater", [ints([-1], .uint64), ints([1], .uint64)]).int64s, [1])
        XCTAssertEqual(try fold("Equal", [floats([.nan, 1]), floats([.nan, 1])]).int64s, [0, 1])
        XCTAssertEqual(try fold("Not", [ints([0, 1], .bool)]).int64s, [1, 0])
        XCTAssertEqual(try fold("Xor", [ints([0, 1, 1], .bool), ints([1], .bool)]).int64s, [1, 0, 0])
    }

    func testWhereBroadcastsThreeWays() throws {
        let c = ints([1, 0], .bool, [2, 1]), x = ints([1, 2, 3], .int64, [3]), y = ints([-1], .int64, [])
        let out = try fold("Where", [c, x, y])
        XCTAssertEqual(out.shape, [2, 3])
        XCTAssertEqual(out.int64s, [1, 2, 3, -1, -1, -1])
    }

    func testPowTypes() throws {
        XCTAssertEqual(try fold("Pow", [ints([2, 3, 2, -1], .int32), ints([31, 2, -1, -3], .int64)]).int64s, [Int64(Int32.min), 9, 0, -1])
        XCTAssertEqual(try fold("Pow", [ints([9, -8], .int64), floats([0.5, 0.5])]).int64s, [3, 0])
        XCTAssertEqual(try fold("Pow", [floats([2, 4]), ints([3, 2], .uint8)]).doubles, [8, 16])
        XCTAssertThrowsError(try fold("Pow", [ints([2], .int8), ints([2], .int8)]))
    }

    func testVariadic() throws {
        let a = floats([1, 2], .float32, [2, 1]), b = floats([10, 20, 30]), c = floats([100], .float32, [])
        let s = try fold("Sum", [a, b, c])
        XCTAssertEqual(s.shape, [2, 3])
        XCTAssertEqual(s.doubles, [111, 121, 131, 112, 122, 132])
        XCTAssertEqual(try fold("Mean", [floats([1, 2]), floats([3, 6])]).doubles, [2, 4])
        XCTAssertEqual(try fold("Max", [floats([1, .nan]), floats([2, 0])]).doubles[0], 2)
        XCTAssertTrue(try fold("Max", [floats([1, .nan]), floats([2, 0])]).doubles[1].isNaN)
        XCTAssertEqual(try fold("Min", [ints([5], .uint64), ints([-1], .uint64)]).int64s, [5])
        XCTAssertEqual(try fold("Max", [ints([3, -4], .int8)]).int64s, [3, -4])
    }

    func testUnaryFolds() throws {
        XCTAssertEqual(try fold("Neg", [ints([Int64.min, 3])]).int64s, [Int64.min, -3])
        XCTAssertEqual(try fold("Abs", [ints([-128, 5], .int8)]).int64s, [-128, 5])
        XCTAssertEqual(try fold("Round", [floats([0.5, 1.5, 2.5, -2.5])]).doubles, [0, 2, 2, -2])
        XCTAssertEqual(try fold("Floor", [floats([-1.5])]).doubles, [-2])
        XCTAssertEqual(try fold("Sqrt", [floats([16])]).doubles, [4])
        XCTAssertEqual(try fold("Sign", [ints([7, 0], .uint16)]).int64s, [1, 0])
        XCTAssertEqual(try fold("IsInf", [floats([.infinity, -.infinity])], attributes: ["detect_negative": .int(0)]).int64s, [1, 0])
        XCTAssertEqual(try fold("BitwiseNot", [ints([0, 255], .uint8)]).int64s, [255, 0])
    }

    func testClip() throws {
        let x = floats([-5, 0.5, 5])
        XCTAssertEqual(try fold("Clip", [x, floats([-1], .float32, []), floats([1], .float32, [])], opset: 13).doubles, [-1, 0.5, 1])
        XCTAssertEqual(try fold("Clip", [x, nil, floats([1], .float32, [])], opset: 13).doubles, [-5, 0.5, 1])
        XCTAssertEqual(try fold("Clip", [x], opset: 6, attributes: ["min": .float(0)]).doubles, [0, 0.5, 5])
        XCTAssertEqual(try fold("Clip", [ints([-1, 5], .uint64), ints([2], .uint64, []), ints([-2], .uint64, [])]).int64s, [-2, 5])
    }

    func testCastRoundsOnce() throws {
        // 1 + 2^-11 + 2^-40 is just above a float16 tie: a double -> float -> float16 path would round down.
        let d = TensorData(dtype: .float64, shape: [1], doubles: [1 + 0x1p-11 + 0x1p-40])
        XCTAssertEqual(Cast.convert(d, to: .float16).bytes, [0x01, 0x3c])
        // 2^24 + 2^16 + 1 -> bfloat16 2^24 + 2^17.
        XCTAssertEqual(Cast.convert(ints([16_842_753, -16_842_753]), to: .bfloat16).bytes, [0x81, 0x4b, 0x81, 0xcb])
        XCTAssertEqual(Cast.convert(floats([.nan, 3e9, -2.7]), to: .int32).int64s, [0, Int64(Int32.max), -2])
        XCTAssertEqual(Cast.convert(ints([300, -129]), to: .int8).int64s, [44, 127])
        XCTAssertEqual(Cast.convert(floats([.nan, -0.0]), to: .bool).int64s, [1, 0])
        let y = try fold("Cast", [ints([1, 2])], attributes: ["to": .int(1)])
        XCTAssertEqual(y.dtype, .float32)
        XCTAssertEqual(try fold("Cast", [ints([1])], opset: 1, attributes: ["to": .string("DOUBLE")]).dtype, .float64)
        XCTAssertThrowsError(try fold("Cast", [ints([1])], attributes: ["to": .int(8)]))
        XCTAssertEqual(try fold("CastLike", [floats([2.5]), ints([0], .int16)]).int64s, [2])
    }

    func testVariadicLoweringDoesNotAliasReusedInputs() throws {
        let t = TensorType(.float32, [4])
        let (ctx, impl) = try node("Sum", [nil, nil, nil], types: [t, t, t])
        // Sum(a, b, a): writing y over a would corrupt the third operand.
        ctx.node.inputs[2] = ctx.node.inputs[0]
        var b = LoweringBuilder(graph: ctx.graph)
        try impl.lower(ctx, &b)
        XCTAssertEqual(b.calls.count, 2)
        XCTAssertFalse(b.inPlace.contains { $0.input == 0 })
        XCTAssertTrue(b.inPlace.contains { $0.input == 1 })
    }
}
