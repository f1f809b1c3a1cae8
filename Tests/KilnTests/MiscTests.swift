import XCTest
@testable import Kiln

/// Shape inference, compile-time tables and folding of the misc family (attention, vision, ML operators).
final class MiscTests: XCTestCase {
    /// One node over run-time inputs of the given types (nil: omitted) and constant inputs; returns its context
    /// after type inference.
    func node(_ op: String, domain: String = "", _ inputs: [Any?], opset: Int = 24,
              attributes: [String: Attribute] = [:], outputs: Int = 1) throws -> (NodeContext, Operator.Type) {
        let g = Graph(sourceFile: "test.onnx")
        g.opsets[""] = opset
        if !domain.isEmpty { g.opsets[domain] = 1 }
        var ids: [ValueID?] = []
        for (i, x) in inputs.enumerated() {
            switch x {
            case let t as TensorType: ids.append(g.addValue(name: "in\(i)", type: t).id)
            case let c as TensorData: ids.append(g.addValue(name: "in\(i)", constant: c).id)
            default: ids.append(nil)
            }
        }
        let outs = (0..<outputs).map { g.addValue(name: "out\($0)").id }
        let n = g.addNode(name: "n", opType: op, domain: domain, attributes: attributes, inputs: ids, outputs: outs)
        g.nodes = [n]
        let ctx = NodeContext(graph: g, node: n)
        let impl = try XCTUnwrap(OperatorTable.lookup(n))
        for (i, t) in try impl.infer(ctx).enumerated() where i < outs.count { g.setType(outs[i], t) }
        return (ctx, impl)
    }

    func f32(_ s: [Int]) -> TensorType { TensorType(.float32, s) }

    func testAttentionShapes() throws {
        // 3-D GQA with a cache: Y [B, S, Hq*Dv], present [B, Hkv, P+S, D], qk [B, Hq, S, P+S].
        let (c, _) = try node("Attention", [f32([2, 4, 72]), f32([2, 6, 24]), f32([2, 6, 30]), f32([4, 18]),
                                            f32([2, 3, 12, 8]), f32([2, 3, 12, 10])],
                              attributes: ["q_num_heads": .int(9), "kv_num_heads": .int(3)], outputs: 4)
        XCTAssertEqual(try c.output(0).shape, [2, 4, 90])
        XCTAssertEqual(try c.output(1).shape, [2, 3, 18, 8])
        XCTAssertEqual(try c.output(2).shape, [2, 3, 18, 10])
        XCTAssertEqual(try c.output(3).shape, [2, 9, 4, 18])
        // Query heads must be a multiple of kv heads; 3-D inputs need the head counts.
        XCTAssertThrowsError(try node("Attention", [f32([1, 4, 2, 8]), f32([1, 3, 2, 8]), f32([1, 3, 2, 8])]))
        XCTAssertThrowsError(try node("Attention", [f32([1, 2, 8]), f32([1, 2, 8]), f32([1, 2, 8])]))
        // A mask may be shorter than the keys (padded) but not longer, and must broadcast.
        XCTAssertNoThrow(try node("Attention", [f32([1, 2, 3, 8]), f32([1, 2, 5, 8]), f32([1, 2, 5, 8]), f32([1, 1, 3, 4])]))
        XCTAssertThrowsError(try node("Attention", [f32([1, 2, 3, 8]), f32([1, 2, 5, 8]), f32([1, 2, 5, 8]), f32([3, 6])]))
        XCTAssertThrowsError(try node("Attention", [f32([1, 2, 3, 8]), f32([1, 2, 5, 8]), f32([1, 2, 5, 8]), f32([3, 3, 5])]))
        // nonpad_kv_seqlen excludes a past cache.
        XCTAssertThrowsError(try node("Attention", [f32([1, 1, 1, 2]), f32([1, 1, 1, 2]), f32([1, 1, 1, 2]), nil,
                                                    f32([1, 1, 2, 2]), f32([1, 1, 2, 2]), TensorType(.int64, [1])]))
    }

    func testAttentionScaleRoundsToInputType() throws {
        let (c, _) = try node("Attention", [TensorType(.float16, [1, 1, 1, 3]), TensorType(.float16, [1, 1, 1, 3]),
                                            TensorType(.float16, [1, 1, 1, 3])])
        let p = try Attention.plan(c)
        let s = try Attention.scaleSqrt(c, p)
        XCTAssertEqual(s, Double(halfToFloat(floatToHalf(Float((1 / 3.0.squareRoot()).squareRoot())))))
    }

    func testRotaryEmbeddingChecks() throws {
        let (c, _) = try node("RotaryEmbedding", [f32([2, 3, 32]), f32([50, 4]), f32([50, 4]), TensorType(.int64, [2, 3])],
                              attributes: ["num_heads": .int(4)])
        XCTAssertEqual(try c.output(0).shape, [2, 3, 32])
        XCTAssertThrowsError(try node("RotaryEmbedding", [f32([1, 1, 1, 8]), f32([1, 1, 3]), f32([1, 1, 3])],
                                      attributes: ["rotary_embedding_dim": .int(5)]))
        XCTAssertThrowsError(try node("RotaryEmbedding", [f32([1, 1, 1, 8]), f32([4, 3]), f32([4, 3]), TensorType(.int64, [1, 1])]))
    }

    func testLinearAttentionRules() throws {
        let q = f32([1, 2, 8]), s = f32([1, 2, 4, 4])
        let (c, _) = try node("LinearAttention", [q, q, q, s, f32([1, 2, 2])],
                              attributes: ["q_num_heads": .int(2), "kv_num_heads": .int(2), "update_rule": .string("gated")],
                              outputs: 2)
        XCTAssertEqual(try c.output(1).shape, [1, 2, 4, 4])
        // gated_delta (the default) needs beta; linear forbids decay.
        XCTAssertThrowsError(try node("LinearAttention", [q, q, q, nil, f32([1, 2, 2])],
                                      attributes: ["q_num_heads": .int(2), "kv_num_heads": .int(2)]))
        XCTAssertThrowsError(try node("LinearAttention", [q, q, q, nil, f32([1, 2, 2])],
                                      attributes: ["q_num_heads": .int(2), "kv_num_heads": .int(2), "update_rule": .string("linear")]))
    }

    func testTfIdfDictionary() throws {
        // Unigrams [5] [6] (ids 0, 1), bigrams [5 6] [5 6] (ids 2, 3: the later duplicate wins).
        let attrs: [String: Attribute] = [
            "pool_int64s": .ints([5, 6, 5, 6, 5, 6]), "ngram_counts": .ints([0, 2]), "ngram_indexes": .ints([0, 1, 2, 3]),
            "min_gram_length": .int(1), "max_gram_length": .int(2), "mode": .string("TF"),
        ]
        let (c, _) = try node("TfIdfVectorizer", [TensorType(.int64, [3, 4])], opset: 9, attributes: attrs)
        XCTAssertEqual(try c.output(0).shape, [3, 4])
        let d = try TfIdfVectorizer.dictionary(c)
        XCTAssertEqual(d.grams, [[5], [6], [5, 6]])
        XCTAssertEqual(d.cols, [0, 1, 3])
        // Only bigrams: unigram ids still advance.
        var only2 = attrs
        only2["min_gram_length"] = .int(2)
        let (c2, _) = try node("TfIdfVectorizer", [TensorType(.int32, [4])], opset: 9, attributes: only2)
        XCTAssertEqual(try c2.output(0).shape, [4])
        XCTAssertEqual(try TfIdfVectorizer.dictionary(c2).cols, [3])
    }

    func treeAttributes(true t: [Int], false f: [Int], trueLeaf: [Int], falseLeaf: [Int], modes: [Int64],
                        members: [Double]? = nil) -> [String: Attribute] {
        var a: [String: Attribute] = [
            "nodes_featureids": .ints([Int](repeating: 0, count: t.count)), "nodes_truenodeids": .ints(t),
            "nodes_falsenodeids": .ints(f), "nodes_trueleafs": .ints(trueLeaf), "nodes_falseleafs": .ints(falseLeaf),
            "nodes_modes": .tensor(TensorData(dtype: .uint8, shape: [modes.count], int64s: modes)),
            "nodes_splits": .tensor(TensorData(dtype: .float32, shape: [t.count], doubles: [Double](repeating: 1, count: t.count))),
            "leaf_targetids": .ints([0, 0, 0]),
            "leaf_weights": .tensor(TensorData(dtype: .float32, shape: [3], doubles: [1, 2, 3])),
            "tree_roots": .ints([0]), "n_targets": .int(1),
        ]
        if let m = members { a["membership_values"] = .tensor(TensorData(dtype: .float32, shape: [m.count], doubles: m)) }
        return a
    }

    func testTreeEnsembleTables() throws {
        // node 0 -> (node 1, leaf 2); node 1 (member {3, 4}) -> (leaf 0, leaf 1)
        let attrs = treeAttributes(true: [1, 0], false: [2, 1], trueLeaf: [0, 1], falseLeaf: [1, 1], modes: [0, 6],
                                   members: [3, 4, .nan])
        let (c, _) = try node("TreeEnsemble", domain: "ai.onnx.ml", [f32([2, 1])], attributes: attrs)
        XCTAssertEqual(try c.output(0).shape, [2, 1])
        let t = try TreeEnsemble.tables(c)
        XCTAssertEqual(t.roots, [0])
        XCTAssertEqual(Array(t.nodes[0..<14]), [0, 0, 1, -3, 0, 0, 0, 0, 6, -1, -2, 0, 0, 2])
        XCTAssertEqual(Array(t.values[t.membersAt..<t.weightsAt]), [3, 4])
        // A cycle is an error, not an endless walk.
        let cyclic = treeAttributes(true: [1, 0], false: [1, 0], trueLeaf: [0, 0], falseLeaf: [0, 0], modes: [0, 0])
        XCTAssertThrowsError(try node("TreeEnsemble", domain: "ai.onnx.ml", [f32([1, 1])], attributes: cyclic))
    }

    func testNonZeroFoldsConstants() throws {
        let x = TensorData(dtype: .float32, shape: [2, 2], doubles: [1, 0, -0.0, .nan])
        let (c, impl) = try node("NonZero", [x])
        let y = try XCTUnwrap(try impl.fold(c)?.first)
        XCTAssertEqual(y.shape, [2, 2])
        XCTAssertEqual(y.int64s, [0, 1, 0, 1])
        // A run-time input cannot be folded: the error names the input.
        XCTAssertThrowsError(try node("NonZero", [f32([3])])) { e in
            XCTAssertEqual((e as? KilnError)?.kind, .unsupported)
        }
    }

    func testBitCastFoldsBytes() throws {
        let x = TensorData(dtype: .float32, shape: [1], doubles: [1])
        let (c, impl) = try node("BitCast", [x], opset: 26, attributes: ["to": .int(6)])
        XCTAssertEqual(try XCTUnwrap(try impl.fold(c)?.first).int64s, [0x3f80_0000])
        XCTAssertThrowsError(try node("BitCast", [f32([2])], opset: 26, attributes: ["to": .int(7)]))
        XCTAssertThrowsError(try node("BitCast", [TensorType(.uint8, [2])], opset: 26, attributes: ["to": .int(9)]))
    }

    func testMaxUnpoolAndAffineGridShapes() throws {
        let (c, _) = try node("MaxUnpool", [f32([1, 1, 2, 2]), TensorType(.int64, [1, 1, 2, 2]),
                                            TensorData.vector([1, 1, 5, 5])],
                              attributes: ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])])
        XCTAssertEqual(try c.output(0).shape, [1, 1, 5, 5])
        XCTAssertEqual(try MaxUnpool.shapes(c).inferred, [1, 1, 4, 4])
        XCTAssertThrowsError(try node("MaxUnpool", [f32([1, 1, 2, 2]), TensorType(.int64, [1, 1, 2, 2]),
                                                    TensorData.vector([1, 1, 3, 3])],
                                      attributes: ["kernel_shape": .ints([2, 2]), "strides": .ints([2, 2])]))
        let (a, _) = try node("AffineGrid", [f32([2, 3, 4]), TensorData.vector([2, 1, 4, 5, 6])], opset: 20)
        XCTAssertEqual(try a.output(0).shape, [2, 4, 5, 6, 3])
    }

    func testRuntimeShapedOpsNameTheReason() throws {
        XCTAssertThrowsError(try node("Unique", [f32([4])])) { e in
            let k = e as? KilnError
            XCTAssertEqual(k?.kind, .unsupported)
            XCTAssertTrue("\(k.map { "\($0)" } ?? "")".contains("run-time values"))
        }
    }

    func testFlexAttentionModifierRunsInScratch() throws {
        // score_mod: scores + 1 (a constant of the body), lowered between the score and softmax kernels.
        let body = Graph(sourceFile: "test.onnx")
        body.opsets[""] = 26
        let s = body.addValue(name: "scores")
        let one = body.addValue(name: "one", constant: TensorData.scalar(1, .float32))
        let out = body.addValue(name: "out")
        let add = body.addNode(name: "add", opType: "Add", inputs: [s.id, one.id], outputs: [out.id])
        body.nodes = [add]
        body.inputs = [s.id]
        body.outputs = [out.id]
        let q = f32([1, 1, 2, 4])
        let (c, impl) = try node("FlexAttention", domain: "ai.onnx.preview", [q, q, q], opset: 26,
                                 attributes: ["score_mod": .graph(body)])
        XCTAssertEqual(try c.output(0).shape, [1, 1, 2, 4])
        var b = LoweringBuilder(graph: c.graph)
        try impl.lower(c, &b)
        XCTAssertEqual(b.calls.map(\.function), ["kiln_flex_scores_f32_f32", "kiln_add_f32", "kiln_flex_softmax_f32",
                                                 "kiln_flex_output_f32_f32"])
        // The Add reads the scores' scratch and writes a new scratch that the softmax then uses.
        XCTAssertEqual(b.calls[1].args[0], .scratch(0))
        XCTAssertEqual(b.calls[1].args[2], .scratch(1))
        XCTAssertEqual(b.calls[2].args[0], .scratch(1))
        if case .input(let id) = b.calls[1].args[1] { XCTAssertEqual(c.graph.value(id).constant?.doubles, [1]) } else {
            XCTFail("the body constant is not copied into the graph")
        }
    }
}
