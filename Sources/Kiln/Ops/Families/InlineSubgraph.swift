/// Runs a one-input, one-output subgraph attribute (FlexAttention's `score_mod` and `prob_mod`) inside the calls
/// of the node that owns it: the body is typed and folded for the tensor it receives, then each remaining body
/// node is lowered by its own operator, with every intermediate tensor in step-local scratch memory and every
/// body constant copied into the enclosing graph.
public enum InlineSubgraph {
    /// Types `body` for `input` and folds what does not depend on it. Fails when the body reads values of
    /// enclosing graphs, has several inputs or outputs, or does not return a tensor of the input's type.
    public static func prepare(_ n: NodeContext, _ body: Graph, input: TensorType, what: String) throws {
        guard body.inputs.count == 1, body.outputs.count == 1 else {
            throw n.error("\(what) must have one input and one output, it has \(body.inputs.count) and \(body.outputs.count)")
        }
        guard body.outerReferences.isEmpty else {
            throw n.unsupported("\(what) reads values of the enclosing graph, which is not supported")
        }
        body.setType(body.inputs[0], input)
        try InferAndFold.run(body)
        try DeadCodeElimination.run(body)
        guard let t = body.value(body.outputs[0]).type, t == input else {
            throw n.error("\(what) must return \(input), it returns \(body.value(body.outputs[0]).type.map { "\($0)" } ?? "an unknown type")")
        }
    }

    /// Emits the body's calls reading its input from `input` (a scratch index of `b`); returns the argument that
    /// holds the result after them. `prepare` must have run.
    public static func lower(_ n: NodeContext, _ body: Graph, _ b: inout LoweringBuilder, input: Int, what: String) throws -> KernelArg {
        var where_: [ValueID: KernelArg] = [body.inputs[0]: .scratch(input)]
        var copied: [ValueID: ValueID] = [:]
        func arg(_ v: ValueID, _ b: inout LoweringBuilder) throws -> KernelArg {
            let value = body.value(v)
            if let c = value.constant {
                if let id = copied[v] { return .input(id) }
                let id = b.constant(c, name: "\(n.name)_\(what)_\(value.name)")
                copied[v] = id
                return .input(id)
            }
            if let a = where_[v] { return a }
            guard let t = value.type else { throw n.error("\(what): value '\(KilnError.printable(value.name))' has no type") }
            let a = KernelArg.scratch(b.scratch(bytes: max(t.bytes, 1)))
            where_[v] = a
            return a
        }
        for node in body.nodes {
            guard let op = OperatorTable.lookup(node) else {
                throw n.unsupported("\(what) uses \(node.qualifiedOp), which is not supported")
            }
            let ctx = NodeContext(graph: body, node: node)
            if op.aliasesInput, let i0 = node.inputs.first ?? nil, let o0 = node.outputs.first ?? nil {
                where_[o0] = try arg(i0, &b)
            }
            var sub = LoweringBuilder(graph: body)
            try op.lower(ctx, &sub)
            let scratch = sub.scratch.map { b.scratch(bytes: $0) }
            for call in sub.calls {
                var args: [KernelArg] = []
                for a in call.args {
                    switch a {
                    case .input(let v), .output(let v): args.append(try arg(v, &b))
                    case .scratch(let k): args.append(.scratch(scratch[k]))
                    default: args.append(a)
                    }
                }
                b.call(call.function, source: call.source, args, macs: call.macs)
            }
        }
        let out = body.outputs[0]
        if let c = body.value(out).constant {
            let dst = b.scratch(bytes: max(c.bytes.count, 1))
            b.call("kiln_copy", source: "kiln_copy", [try arg(out, &b), .scratch(dst), .int(c.bytes.count)])
            return .scratch(dst)
        }
        return try arg(out, &b)
    }
}
