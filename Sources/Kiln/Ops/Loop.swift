/// Loop: `body(iteration, cond, v...) -> (cond, v..., scan...)`, repeated while the iteration is below the trip
/// count M and cond holds. Unrolled before shape inference (see `ExpandControlFlow`): M and the initial condition
/// must be known at compile time (folded, or frozen from test data), and the body's condition output must fold to
/// a constant in every iteration. Final loop-carried values are the last iteration's; scan outputs are stacked
/// along a new first axis by kiln::Stack.
public enum Loop: ControlFlowOperator {
    public static let opType = "Loop"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        throw n.error("internal: Loop must be expanded by the expand-control-flow pass")
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: Loop must be expanded by the expand-control-flow pass")
    }

    static func scalar(_ n: NodeContext, _ x: ControlFlowExpander, _ i: Int, _ what: String, _ dtype: DType) throws -> Int64? {
        guard n.hasInput(i) else { return nil }
        let id = try n.inputID(i)
        guard let t = x.graph.value(id).type, t.dtype == dtype, t.count == 1 else {
            throw n.error("\(what) must be a single \(dtype.onnxName)")
        }
        guard let c = try x.constantValue(id) else {
            throw n.unsupported("\(what) must be known at compile time (Kiln unrolls loops), but it is computed at run time")
        }
        return c.int64(at: 0)
    }

    public static func expand(_ n: NodeContext, _ x: ControlFlowExpander) throws {
        guard let body = try n.graphAttribute("body") else { throw n.error("needs the attribute body") }
        guard n.inputCount >= 2 else { throw n.error("needs the inputs M and cond (either may be empty)") }
        let carried = n.inputCount - 2
        guard body.inputs.count == carried + 2 else {
            throw n.error("body has \(body.inputs.count) inputs, \(carried + 2) are needed (iteration, condition, \(carried) loop-carried values)")
        }
        guard body.outputs.count >= carried + 1 else {
            throw n.error("body has \(body.outputs.count) outputs, at least \(carried + 1) are needed")
        }
        let scans = body.outputs.count - 1 - carried
        guard n.outputCount <= carried + scans else {
            throw n.error("has \(n.outputCount) outputs, the body gives \(carried) loop-carried values and \(scans) scan outputs")
        }
        let tripCount = try scalar(n, x, 0, "trip count M", .int64)
        var cond = try scalar(n, x, 1, "condition", .bool).map { $0 != 0 } ?? true
        if tripCount == nil && !n.hasInput(1) { throw n.unsupported("a loop without trip count and condition never ends") }
        if let m = tripCount, m > Int64(ExpandControlFlow.maxIterations) {
            throw n.unsupported("trip count \(m) is more than the \(ExpandControlFlow.maxIterations) iterations Kiln unrolls")
        }

        var values = try (0..<carried).map { try n.inputID(2 + $0) }
        var scanned: [[ValueID]] = Array(repeating: [], count: scans)
        var i = 0
        while cond && (tripCount.map { Int64(i) < $0 } ?? true) {
            guard i < ExpandControlFlow.maxIterations else {
                throw n.unsupported("the loop runs more than the \(ExpandControlFlow.maxIterations) iterations Kiln unrolls")
            }
            let iter = x.constant(TensorData(dtype: .int64, shape: [], int64s: [Int64(i)]), name: "\(n.name)/iteration\(i)")
            let condIn = x.constant(TensorData(dtype: .bool, shape: [], int64s: [1]), name: "\(n.name)/cond\(i)")
            let outs = try x.inline(body, inputs: [iter, condIn] + values, label: "\(i)", n)
            guard let c = try x.constantValue(outs[0]), c.count == 1 else {
                throw n.unsupported("the loop condition computed by the body is known only at run time (Kiln unrolls loops)")
            }
            cond = c.int64(at: 0) != 0
            values = Array(outs[1..<(1 + carried)])
            for k in 0..<scans { scanned[k].append(outs[1 + carried + k]) }
            i += 1
        }
        for j in 0..<carried where j < n.outputCount {
            try x.bind(n.node.outputs[j], to: values[j], name: "\(n.name)/final\(j)")
        }
        for k in 0..<scans where carried + k < n.outputCount {
            guard let out = n.node.outputs[carried + k] else { continue }
            if scanned[k].isEmpty {
                try emptyScanOutput(n, x, body: body, values: values, index: 1 + carried + k, output: out)
            } else {
                try x.emit("Stack", domain: "kiln", name: "\(n.name)/scan\(k)", attributes: ["axis": .int(0)],
                           inputs: scanned[k], outputs: [out])
            }
        }
    }

    /// A loop that runs no iteration has empty scan outputs; their element type and shape come from one throwaway
    /// copy of the body.
    static func emptyScanOutput(_ n: NodeContext, _ x: ControlFlowExpander, body: Graph, values: [ValueID], index: Int,
                                output: ValueID) throws {
        let mark = x.mark
        let iter = x.constant(TensorData(dtype: .int64, shape: [], int64s: [0]), name: "\(n.name)/probe_iteration")
        let condIn = x.constant(TensorData(dtype: .bool, shape: [], int64s: [1]), name: "\(n.name)/probe_cond")
        let outs = try x.inline(body, inputs: [iter, condIn] + values, label: "probe", n)
        x.truncate(to: mark)
        guard let t = x.graph.value(outs[index]).type else { throw n.error("internal: scan output type unknown") }
        let empty = x.constant(TensorData(dtype: t.dtype, shape: [0] + t.shape, bytes: []), name: "\(n.name)/empty")
        try x.bind(output, to: empty, name: "\(n.name)/scan_empty")
    }
}
