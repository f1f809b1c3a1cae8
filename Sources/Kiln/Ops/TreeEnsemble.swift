/// ai.onnx.ml TreeEnsemble (opset 5): decision trees over the features of X [N, F] (float or double) whose leaf
/// weights are aggregated per target (average, sum, min, max). The trees become compile-time tables walked by
/// one kernel. Only post_transform NONE is supported.
public enum TreeEnsemble: Operator {
    public static let opType = "TreeEnsemble"
    public static let domain = "ai.onnx.ml"

    struct Tables { var roots: [Int], nodes: [Int], leafTargets: [Int], values: [Double], membersAt: Int, weightsAt: Int, targets: Int }

    static func tables(_ n: NodeContext) throws -> Tables {
        let x = try n.input(0)
        try n.requireDType(x, [.float32, .float64])
        guard x.rank == 2 else { throw n.error("X must be 2-D [N, F], it is \(x.shape)") }
        func ints(_ name: String) throws -> [Int] {
            guard let v = try n.ints(name) else { throw n.error("attribute '\(name)' is required") }
            return v
        }
        func tensor(_ name: String, required: Bool = true) throws -> [Double]? {
            guard let t = try n.tensor(name) else {
                if required { throw n.error("attribute '\(name)' is required") }
                return nil
            }
            return t.doubles
        }
        guard let modesT = try n.tensor("nodes_modes") else { throw n.error("attribute 'nodes_modes' is required") }
        let modes = modesT.ints
        let feats = try ints("nodes_featureids"), tIds = try ints("nodes_truenodeids"), fIds = try ints("nodes_falsenodeids")
        let tLeaf = try ints("nodes_trueleafs"), fLeaf = try ints("nodes_falseleafs")
        let splits = try tensor("nodes_splits")!, weights = try tensor("leaf_weights")!
        let targets = try ints("leaf_targetids"), roots = try ints("tree_roots")
        let missing = try n.ints("nodes_missing_value_tracks_true") ?? [Int](repeating: 0, count: modes.count)
        let members = try tensor("membership_values", required: false) ?? []
        let count = modes.count
        guard [feats, tIds, fIds, tLeaf, fLeaf, missing].allSatisfy({ $0.count == count }), splits.count == count else {
            throw n.error("the nodes_* attributes must all have \(count) entries")
        }
        guard weights.count == targets.count else { throw n.error("leaf_weights and leaf_targetids differ in length") }
        guard let nTargets = try n.int("n_targets"), nTargets >= 1, nTargets < 1 << 24 else { throw n.error("n_targets must be positive") }
        guard try n.int("post_transform", default: 0) == 0 else { throw n.unsupported("post_transform other than NONE is not supported") }
        let aggregate = try n.int("aggregate_function", default: 1)
        guard (0...3).contains(aggregate) else { throw n.error("aggregate_function \(aggregate) must be 0..3") }
        for t in targets where t < 0 || t >= nTargets { throw n.error("leaf target \(t) is outside 0..<\(nTargets)") }
        for (k, f) in feats.enumerated() where f < 0 || f >= x.shape[1] {
            throw n.error("node \(k) reads feature \(f) of \(x.shape[1])")
        }
        for m in modes where m < 0 || m > 6 { throw n.error("node mode \(m) must be 0..6") }
        // Encode: next >= 0 is a node, -1 - j is leaf j. Walk every tree in ONNX's reference order (node, true
        // branch, false branch) to assign set-membership lists and reject cycles.
        var memberOf = [(Int, Int)?](repeating: nil, count: count)
        var memberValues: [Double] = [], cursor = 0
        var state = [Int](repeating: 0, count: count)  // 0 new, 1 on the path, 2 done
        func visit(_ k: Int, leaf: Bool, depth: Int) throws -> Int {
            if leaf {
                guard k >= 0 && k < targets.count else { throw n.error("leaf index \(k) is outside 0..<\(targets.count)") }
                return -1 - k
            }
            guard k >= 0 && k < count else { throw n.error("node index \(k) is outside 0..<\(count)") }
            guard state[k] != 1, depth < 100_000 else { throw n.error("the trees have a cycle through node \(k)") }
            if modes[k] == 6 {
                var set: [Double] = []
                while cursor < members.count {
                    let v = members[cursor]
                    cursor += 1
                    if v.isNaN || v == 0 { break }
                    set.append(v)
                }
                if memberOf[k] == nil { memberOf[k] = (memberValues.count, set.count); memberValues += set }
            }
            if state[k] == 2 { return k }
            state[k] = 1
            _ = try visit(tIds[k], leaf: tLeaf[k] != 0, depth: depth + 1)
            _ = try visit(fIds[k], leaf: fLeaf[k] != 0, depth: depth + 1)
            state[k] = 2
            return k
        }
        var rootCodes: [Int] = []
        for r in roots {
            guard r >= 0 && r < count else { throw n.error("tree root \(r) is outside 0..<\(count)") }
            let degenerate = tLeaf[r] != 0 && fLeaf[r] != 0 && tIds[r] == fIds[r]
            rootCodes.append(try visit(r, leaf: degenerate, depth: 0))
        }
        var nodes: [Int] = []
        for k in 0..<count {
            // Nodes no tree reaches are never walked; their (possibly out-of-range) fields are not emitted.
            guard state[k] != 0 else { nodes += [0, 0, 0, 0, 0, 0, 0]; continue }
            let m = memberOf[k] ?? (0, 0)
            nodes += [feats[k], modes[k], tLeaf[k] != 0 ? -1 - tIds[k] : tIds[k], fLeaf[k] != 0 ? -1 - fIds[k] : fIds[k],
                      missing[k] != 0 ? 1 : 0, m.0, m.1]
        }
        return Tables(roots: rootCodes, nodes: nodes + [aggregate], leafTargets: targets,
                      values: splits + memberValues + weights, membersAt: splits.count,
                      weightsAt: splits.count + memberValues.count, targets: nTargets)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let t = try tables(n), x = try n.input(0)
        return [TensorType(x.dtype, [x.shape[0], t.targets])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let t = try tables(n), x = try n.input(0)
        let values = b.constant(TensorData(dtype: .float64, shape: [t.values.count], doubles: t.values), name: "\(n.name)_values")
        let aggregate = t.nodes.last ?? 1
        b.call("kiln_tree_ensemble_\(x.dtype.kernelSuffix)", source: "kiln_ml",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.shape[0]), .int(x.shape[1]), .int(t.targets),
                .int(t.roots.count), .ints(t.roots), .int((t.nodes.count - 1) / 7), .ints(Array(t.nodes.dropLast())),
                .ints(t.leafTargets), .input(values), .int(t.membersAt), .int(t.weightsAt), .int(aggregate)])
    }
}
