/// Scan: `body(state..., slice...) -> (state..., scan...)` over slices of the scan inputs. Unrolled before shape
/// inference (see `ExpandControlFlow`); scan lengths are static, so any Scan unrolls. Opset 8 has a batch axis 0 on
/// every input and output, optional sequence_lens (accepted when every length is the full one) and `directions`;
/// opset 9+ has scan_input_axes / scan_input_directions / scan_output_axes / scan_output_directions.
/// Slices are taken by kiln::SliceAxis and scan outputs collected by kiln::Stack.
public enum Scan: ControlFlowOperator {
    public static let opType = "Scan"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        throw n.error("internal: Scan must be expanded by the expand-control-flow pass")
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: Scan must be expanded by the expand-control-flow pass")
    }

    static func directions(_ n: NodeContext, _ name: String, count: Int) throws -> [Bool] {
        guard let d = try n.ints(name) else { return Array(repeating: false, count: count) }
        guard d.count == count, d.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw n.error("\(name) must list \(count) values 0 or 1, it is \(d)")
        }
        return d.map { $0 == 1 }
    }

    public static func expand(_ n: NodeContext, _ x: ControlFlowExpander) throws {
        guard let body = try n.graphAttribute("body") else { throw n.error("needs the attribute body") }
        guard let m = try n.int("num_scan_inputs"), m >= 1 else { throw n.error("num_scan_inputs must be at least 1") }
        let first = n.opset < 9 ? 1 : 0  // opset 8: sequence_lens comes first
        let states = n.inputCount - first - m
        guard states >= 0 else { throw n.error("has \(n.inputCount) inputs, fewer than num_scan_inputs \(m)") }
        guard body.inputs.count == states + m else {
            throw n.error("body has \(body.inputs.count) inputs, \(states + m) are needed")
        }
        guard body.outputs.count >= states else { throw n.error("body has fewer outputs than the \(states) states") }
        let k = body.outputs.count - states
        guard n.outputCount <= states + k else { throw n.error("has \(n.outputCount) outputs, the body gives \(states + k)") }
        let stateIDs = try (0..<states).map { try n.inputID(first + $0) }
        let scanIDs = try (0..<m).map { try n.inputID(first + states + $0) }
        func type(_ id: ValueID) throws -> TensorType {
            guard let t = x.graph.value(id).type else { throw n.error("type of an input is unknown") }
            return t
        }

        if n.opset < 9 {
            try expandBatched(n, x, body: body, stateIDs: stateIDs, scanIDs: scanIDs, scanOutputs: k, type: type)
            return
        }
        let inAxes = try n.ints("scan_input_axes") ?? Array(repeating: 0, count: m)
        guard inAxes.count == m else { throw n.error("scan_input_axes must list \(m) axes") }
        let inReverse = try directions(n, "scan_input_directions", count: m)
        let outAxesRaw = try n.ints("scan_output_axes") ?? Array(repeating: 0, count: k)
        guard outAxesRaw.count == k else { throw n.error("scan_output_axes must list \(k) axes") }
        let outReverse = try directions(n, "scan_output_directions", count: k)
        var axes: [Int] = []
        var length: Int? = nil
        for (j, id) in scanIDs.enumerated() {
            let t = try type(id)
            let a = try n.axis(inAxes[j], rank: t.rank, what: "scan_input_axes[\(j)]")
            guard t.rank >= 1 else { throw n.error("scan input \(j) must have rank >= 1") }
            if let l = length, l != t.shape[a] { throw n.error("scan inputs have different lengths \(l) and \(t.shape[a])") }
            length = t.shape[a]
            axes.append(a)
        }
        let T = length ?? 0
        guard T <= ExpandControlFlow.maxIterations else { throw n.unsupported("scan length \(T) is too long to unroll") }
        let (finals, scanned) = try iterate(n, x, body: body, label: "", states: stateIDs, count: T) { t in
            try scanIDs.enumerated().map { j, id in
                try slice(n, x, id, axis: axes[j], index: inReverse[j] ? T - 1 - t : t, name: "\(n.name)/in\(j)_\(t)")
            }
        }
        for (j, v) in finals.enumerated() where j < n.outputCount { try x.bind(n.node.outputs[j], to: v, name: "\(n.name)/final\(j)") }
        for c in 0..<k where states + c < n.outputCount {
            guard let out = n.node.outputs[states + c] else { continue }
            guard !scanned[c].isEmpty else { throw n.unsupported("a scan over 0 iterations is not supported") }
            let rank = (try type(scanned[c][0])).rank
            let axis = try n.axis(outAxesRaw[c], rank: rank + 1, what: "scan_output_axes[\(c)]")
            let order = outReverse[c] ? Array(scanned[c].reversed()) : scanned[c]
            try x.emit("Stack", domain: "kiln", name: "\(n.name)/out\(c)", attributes: ["axis": .int(axis)],
                       inputs: order, outputs: [out])
        }
    }

    /// Runs `count` copies of the body; `slices(t)` gives iteration t's scan-input values.
    static func iterate(_ n: NodeContext, _ x: ControlFlowExpander, body: Graph, label: String, states: [ValueID],
                        count: Int, slices: (Int) throws -> [ValueID]) throws -> ([ValueID], [[ValueID]]) {
        var current = states
        let k = body.outputs.count - states.count
        var scanned: [[ValueID]] = Array(repeating: [], count: k)
        for t in 0..<count {
            let outs = try x.inline(body, inputs: current + (try slices(t)), label: "\(label)\(t)", n)
            current = Array(outs[0..<states.count])
            for c in 0..<k { scanned[c].append(outs[states.count + c]) }
        }
        return (current, scanned)
    }

    static func slice(_ n: NodeContext, _ x: ControlFlowExpander, _ id: ValueID, axis: Int, index: Int, name: String) throws -> ValueID {
        let v = x.newValue(name)
        try x.emit("SliceAxis", domain: "kiln", name: name, attributes: ["axis": .int(axis), "index": .int(index)],
                   inputs: [id], outputs: [v])
        return v
    }

    /// Scan-8: every input and output has a batch axis 0; scan inputs are scanned along axis 1 (`directions`).
    static func expandBatched(_ n: NodeContext, _ x: ControlFlowExpander, body: Graph, stateIDs: [ValueID],
                              scanIDs: [ValueID], scanOutputs k: Int, type: (ValueID) throws -> TensorType) throws {
        let reverse = try directions(n, "directions", count: scanIDs.count)
        var batch: Int? = nil, length: Int? = nil
        for id in stateIDs + scanIDs {
            let t = try type(id)
            guard t.rank >= 1 else { throw n.error("inputs need a batch axis") }
            if let b = batch, b != t.shape[0] { throw n.error("inputs have different batch sizes \(b) and \(t.shape[0])") }
            batch = t.shape[0]
        }
        for id in scanIDs {
            let t = try type(id)
            guard t.rank >= 2 else { throw n.error("scan inputs need a batch and a sequence axis") }
            if let l = length, l != t.shape[1] { throw n.error("scan inputs have different lengths \(l) and \(t.shape[1])") }
            length = t.shape[1]
        }
        let B = batch ?? 0, T = length ?? 0
        guard B * T <= ExpandControlFlow.maxIterations else { throw n.unsupported("scan is too long to unroll") }
        if n.hasInput(0) {
            let id = try n.inputID(0)
            guard let lens = try x.constantValue(id) else {
                throw n.unsupported("sequence_lens must be known at compile time")
            }
            guard lens.count == B, lens.ints.allSatisfy({ $0 == T }) else {
                throw n.unsupported("sequence_lens shorter than the scan length are not supported")
            }
        }
        var finals: [[ValueID]] = Array(repeating: [], count: stateIDs.count)
        var scanned: [[ValueID]] = Array(repeating: [], count: k)
        for b in 0..<B {
            let states = try stateIDs.enumerated().map { try slice(n, x, $1, axis: 0, index: b, name: "\(n.name)/state\($0)_b\(b)") }
            let seqs = try scanIDs.enumerated().map { try slice(n, x, $1, axis: 0, index: b, name: "\(n.name)/in\($0)_b\(b)") }
            let (f, s) = try iterate(n, x, body: body, label: "b\(b)_", states: states, count: T) { t in
                try seqs.enumerated().map { j, id in
                    try slice(n, x, id, axis: 0, index: reverse[j] ? T - 1 - t : t, name: "\(n.name)/in\(j)_b\(b)_\(t)")
                }
            }
            for (j, v) in f.enumerated() { finals[j].append(v) }
            for c in 0..<k {
                guard !s[c].isEmpty else { throw n.unsupported("a scan over 0 iterations is not supported") }
                let v = x.newValue("\(n.name)/out\(c)_b\(b)")
                try x.emit("Stack", domain: "kiln", name: "\(n.name)/out\(c)_b\(b)", attributes: ["axis": .int(0)],
                           inputs: s[c], outputs: [v])
                scanned[c].append(v)
            }
        }
        guard B > 0 else { throw n.unsupported("a scan over an empty batch is not supported") }
        let all = finals + scanned
        for (j, vs) in all.enumerated() where j < n.outputCount {
            guard let out = n.node.outputs[j] else { continue }
            try x.emit("Stack", domain: "kiln", name: "\(n.name)/batch\(j)", attributes: ["axis": .int(0)],
                       inputs: vs, outputs: [out])
        }
    }
}
