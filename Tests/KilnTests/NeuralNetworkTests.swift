import XCTest
@testable import Kiln

/// Shape logic of the neural-network operator family, checked through the compiler front door: small graphs are
/// built directly in the IR and run through shape inference.
final class NeuralNetworkTests: XCTestCase {
    func testReductionGroupsMergeAndDropUnitDims() {
        // [2,3,1,4] reducing axes 1 and 2: kept [2] and [4], reduced [3]
        let g = Reduction.groups(shape: [2, 3, 1, 4], reduced: [1, 2])
        XCTAssertEqual(g.ks, [2, 4]); XCTAssertEqual(g.kst, [12, 1])
        XCTAssertEqual(g.rs, [3]); XCTAssertEqual(g.rst, [4])
        // adjacent reduced dims merge: [2,3,4] over axes 1,2 -> reduced [12] stride 1
        let h = Reduction.groups(shape: [2, 3, 4], reduced: [1, 2])
        XCTAssertEqual(h.rs, [12]); XCTAssertEqual(h.rst, [1]); XCTAssertEqual(h.ks, [2])
    }

    func testReductionFoldMatchesDefinitions() {
        let v: [Double] = [1, -2, 3, 4, -5, 6]
        XCTAssertEqual(Reduction.reduce(v, shape: [2, 3], axes: [1], .sum, integer: false, bool: false), [2, 5])
        XCTAssertEqual(Reduction.reduce(v, shape: [2, 3], axes: [0], .max, integer: false, bool: false), [4, -2, 6])
        XCTAssertEqual(Reduction.reduce(v, shape: [2, 3], axes: [0, 1], .l1, integer: false, bool: false), [21])
        XCTAssertEqual(Reduction.reduce([], shape: [2, 0], axes: [1], .prod, integer: false, bool: false), [1, 1])
        XCTAssertEqual(Reduction.reduce([7, 8], shape: [2], axes: [0], .mean, integer: true, bool: false), [7])
    }

    /// One-node graph with the given inputs (name, type) and constant inputs, inferred.
    func infer(_ op: String, opset: Int = 18, inputs: [TensorType?], constants: [Int: TensorData] = [:],
               attributes: [String: Attribute] = [:], outputs: Int = 1) throws -> [TensorType?] {
        let g = Graph(sourceFile: "test"); g.opsets[""] = opset
        var ids: [ValueID?] = []
        for (i, t) in inputs.enumerated() {
            if let c = constants[i] { ids.append(g.addValue(name: "c\(i)", constant: c).id); continue }
            guard let t else { ids.append(nil); continue }
            let v = g.addValue(name: "in\(i)", type: t).id
            g.inputs.append(v); ids.append(v)
        }
        let outs = (0..<outputs).map { g.addValue(name: "out\($0)").id }
        g.nodes.append(g.addNode(name: "n", opType: op, attributes: attributes, inputs: ids, outputs: outs))
        g.outputs = outs
        try InferAndFold.run(g)
        return outs.map { g.value($0).type }
    }

    func testReduceAxesAttributeAndInputByOpset() throws {
        let x = TensorType(.float32, [2, 3, 4])
        XCTAssertEqual(try infer("ReduceMean", opset: 13, inputs: [x], attributes: ["axes": .ints([-1]), "keepdims": .int(0)])[0]?.shape, [2, 3])
        XCTAssertEqual(try infer("ReduceMean", opset: 18, inputs: [x, nil], constants: [1: .vector([0, 2])])[0]?.shape, [1, 3, 1])
        XCTAssertEqual(try infer("ReduceSum", opset: 13, inputs: [x, nil], constants: [1: .vector([])],
                                 attributes: ["noop_with_empty_axes": .int(1)])[0]?.shape, [2, 3, 4])
        XCTAssertThrowsError(try infer("ReduceSum", opset: 13, inputs: [x, nil], constants: [1: .vector([1, -2])]))
    }

    func testMatMulShapes() throws {
        let f = { (a: [Int], b: [Int]) in try self.infer("MatMul", inputs: [TensorType(.float32, a), TensorType(.float32, b)])[0]?.shape }
        XCTAssertEqual(try f([3], [3]), [])
        XCTAssertEqual(try f([4], [2, 4, 1]), [2, 1])
        XCTAssertEqual(try f([1, 2, 4, 3], [3]), [1, 2, 4])
        XCTAssertEqual(try f([3, 1, 3, 4], [1, 2, 4, 2]), [3, 2, 3, 2])
        XCTAssertThrowsError(try f([2, 3], [4, 2]))
    }

    func testConvTransposeOutputShapeAndPads() throws {
        let x = TensorType(.float32, [1, 1, 3, 3]), w = TensorType(.float32, [1, 2, 3, 3])
        XCTAssertEqual(try infer("ConvTranspose", inputs: [x, w], attributes: ["strides": .ints([3, 2]),
                                 "output_padding": .ints([1, 1])])[0]?.shape, [1, 2, 10, 8])
        XCTAssertEqual(try infer("ConvTranspose", inputs: [x, w], attributes: ["strides": .ints([3, 2]),
                                 "output_shape": .ints([10, 8])])[0]?.shape, [1, 2, 10, 8])
        XCTAssertEqual(try infer("ConvTranspose", inputs: [x, w], attributes: ["strides": .ints([2, 2]),
                                 "auto_pad": .string("SAME_UPPER")])[0]?.shape, [1, 2, 6, 6])
        XCTAssertEqual(try infer("ConvTranspose", inputs: [x, w], attributes: ["pads": .ints([1, 2, 1, 2]),
                                 "strides": .ints([3, 2])])[0]?.shape, [1, 2, 7, 3])
    }

    func testPoolingShapes() throws {
        let x = TensorType(.float32, [1, 1, 4, 4])
        XCTAssertEqual(try infer("MaxPool", inputs: [x], attributes: ["kernel_shape": .ints([3, 3]), "strides": .ints([2, 2]),
                                 "ceil_mode": .int(1)], outputs: 2).map { $0?.shape }, [[1, 1, 2, 2], [1, 1, 2, 2]])
        XCTAssertEqual(try infer("AveragePool", inputs: [TensorType(.float32, [1, 3, 32])],
                                 attributes: ["kernel_shape": .ints([2])])[0]?.shape, [1, 3, 31])
        XCTAssertEqual(try infer("GlobalAveragePool", inputs: [TensorType(.float32, [2, 3, 5, 5])])[0]?.shape, [2, 3, 1, 1])
    }

    func testEinsumSpecs() throws {
        let a = TensorType(.float64, [5, 2, 3]), b = TensorType(.float64, [5, 3, 4])
        XCTAssertEqual(try infer("Einsum", inputs: [a, b], attributes: ["equation": .string("bij, bjk -> bik")])[0]?.shape, [5, 2, 4])
        XCTAssertEqual(try infer("Einsum", inputs: [TensorType(.float64, [3, 5, 5])],
                                 attributes: ["equation": .string("...ii ->...i")])[0]?.shape, [3, 5])
        XCTAssertEqual(try infer("Einsum", inputs: [TensorType(.float64, [3, 4])], attributes: ["equation": .string("ij")])[0]?.shape, [3, 4])
        XCTAssertEqual(try infer("Einsum", inputs: [TensorType(.float64, [3, 4])], attributes: ["equation": .string("ji")])[0]?.shape, [4, 3])
        XCTAssertEqual(try infer("Einsum", inputs: [TensorType(.float64, [5]), TensorType(.float64, [5])],
                                 attributes: ["equation": .string("i,i")])[0]?.shape, [])
        XCTAssertThrowsError(try infer("Einsum", inputs: [TensorType(.float64, [3, 4])], attributes: ["equation": .string("i1->i")]))
    }

    func testLayerNormalizationStatsShapes() throws {
        let x = TensorType(.float32, [2, 3, 4]), s = TensorType(.float32, [3, 4])
        let t = try infer("LayerNormalization", opset: 17, inputs: [x, s, s], attributes: ["axis": .int(1)], outputs: 3)
        XCTAssertEqual(t.map { $0?.shape }, [[2, 3, 4], [2, 1, 1], [2, 1, 1]])
    }

    func testSoftmaxOldOpsetCoercesTo2D() throws {
        let x = TensorType(.float32, [3, 4, 5])
        XCTAssertEqual(AxisSplit.split(x.shape, axis: 1).n, 4)
        XCTAssertEqual(try infer("Softmax", opset: 11, inputs: [x])[0]?.shape, [3, 4, 5])
    }
}
