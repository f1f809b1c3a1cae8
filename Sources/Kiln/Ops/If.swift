/// If: runs `then_branch` or `else_branch`. Expanded before shape inference (see `ExpandControlFlow`): with a
/// condition that is constant after folding only the taken branch is inlined; otherwise both branches are inlined
/// and each output is chosen at run time by kiln::Select, which needs both branches to give the same types (when
/// they do not, a condition bound to test data is frozen instead).
public enum If: ControlFlowOperator {
    public static let opType = "If"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        throw n.error("internal: If must be expanded by the expand-control-flow pass")
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: If must be expanded by the expand-control-flow pass")
    }

    public static func expand(_ n: NodeContext, _ x: ControlFlowExpander) throws {
        guard let thenBranch = try n.graphAttribute("then_branch"), let elseBranch = try n.graphAttribute("else_branch") else {
            throw n.error("needs the attributes then_branch and else_branch")
        }
        for (g, what) in [(thenBranch, "then_branch"), (elseBranch, "else_branch")] {
            guard g.inputs.isEmpty else { throw n.error("\(what) must not have inputs") }
            guard g.outputs.count == n.outputCount else {
                throw n.error("\(what) has \(g.outputs.count) outputs, the node has \(n.outputCount)")
            }
        }
        let condID = try n.inputID(0)
        guard let ct = x.graph.value(condID).type, ct.dtype == .bool, ct.count == 1 else {
            throw n.error("condition must be a single bool")
        }
        func take(_ branch: Graph, _ label: String) throws {
            let outs = try x.inline(branch, inputs: [], label: label, n)
            for (i, v) in outs.enumerated() { try x.bind(n.node.outputs[i], to: v, name: "\(n.name)/out\(i)") }
        }
        if let c = x.graph.value(condID).constant {
            try take(c.int64(at: 0) != 0 ? thenBranch : elseBranch, c.int64(at: 0) != 0 ? "then" : "else")
            return
        }
        // Condition known only at run time: compute both branches and select. A branch that cannot be compiled for
        // these shapes, or branches that disagree on output types, leave only a condition bound to test data.
        let mark = x.mark
        var outs: (then: [ValueID], else: [ValueID])? = nil
        var problem: KilnError? = nil
        do {
            outs = (try x.inline(thenBranch, inputs: [], label: "then", n), try x.inline(elseBranch, inputs: [], label: "else", n))
        } catch let e as KilnError {
            problem = e
        }
        if let o = outs, let i = o.then.indices.first(where: { x.graph.value(o.then[$0]).type != x.graph.value(o.else[$0]).type }) {
            let ta = x.graph.value(o.then[i]).type.map { "\($0)" } ?? "?", tb = x.graph.value(o.else[i]).type.map { "\($0)" } ?? "?"
            problem = n.unsupported("the condition is known only at run time and output \(i) has different types in the branches (\(ta) and \(tb))")
        }
        if let problem = problem {
            x.truncate(to: mark)
            guard let c = try x.constantValue(condID) else { throw problem }
            try take(c.int64(at: 0) != 0 ? thenBranch : elseBranch, c.int64(at: 0) != 0 ? "then" : "else")
            return
        }
        guard let o = outs else { return }
        for (i, (a, b)) in zip(o.then, o.else).enumerated() {
            guard let out = n.node.outputs[i] else { continue }
            try x.emit("Select", domain: "kiln", name: "\(n.name)/select\(i)", inputs: [condID, a, b], outputs: [out])
        }
    }
}
