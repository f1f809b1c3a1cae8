/// Lowers the optimized graph to the scheduled IR: one step per computing node in topological order, buffers
/// with lifetimes (aliases and in-place results share one buffer), and the arena plan.
public enum ScheduleBuilder {
    public static let defaultAlignment = 16

    public static func build(_ g: Graph, alignment: Int = defaultAlignment) throws -> ScheduledModel {
        var steps: [Step] = []
        var parent: [ValueID: ValueID] = [:]          // union-find over values sharing a buffer
        func root(_ v: ValueID) -> ValueID {
            var r = v
            while let p = parent[r], p != r { r = p }
            return r
        }
        var inPlaceRequests: [(step: Int, input: ValueID, output: ValueID)] = []

        for node in g.nodes {
            guard let op = OperatorTable.lookup(node) else {
                throw KilnError(.unsupported, "operator is not supported", file: g.sourceFile, node: node.name, op: node.qualifiedOp)
            }
            let ctx = NodeContext(graph: g, node: node)
            if op.aliasesInput, let i0 = node.inputs.first ?? nil, g.value(i0).constant == nil, let o0 = node.outputs.first ?? nil {
                parent[o0] = root(i0)
                // A view may still compute other outputs (Dropout's mask): those calls form a step of their own.
                var b = LoweringBuilder(graph: g)
                try op.lower(ctx, &b)
                if !b.calls.isEmpty {
                    steps.append(Step(nodeName: node.name, opType: node.qualifiedOp, inputs: node.inputs.compactMap { $0 },
                                      outputs: node.outputs.dropFirst().compactMap { $0 }, calls: b.calls,
                                      scratchBuffers: b.scratch.map { -$0 - 1 }))
                }
                continue
            }
            var b = LoweringBuilder(graph: g)
            try op.lower(ctx, &b)
            var step = Step(nodeName: node.name, opType: node.qualifiedOp,
                            inputs: node.inputs.compactMap { $0 }, outputs: node.outputs.compactMap { $0 },
                            calls: b.calls, scratchBuffers: [])
            step.scratchBuffers = b.scratch.map { -$0 - 1 }  // sizes for now; replaced by buffer ids below
            for p in b.inPlace {
                if let i = node.inputs[p.input], let o = node.outputs[p.output], g.value(i).constant == nil {
                    inPlaceRequests.append((steps.count, i, o))
                }
            }
            steps.append(step)
        }

        // A constant graph output still needs arena bytes the caller can read: copy it in.
        var outputs = g.outputs
        for (k, v) in outputs.enumerated() where g.value(v).constant != nil {
            let copy = g.addValue(name: g.value(v).name, type: g.value(v).type)
            steps.append(Step(nodeName: "output_\(k)", opType: "Copy", inputs: [v], outputs: [copy.id],
                              calls: [KernelCall("kiln_copy", source: "kiln_copy",
                                                 args: [.input(v), .output(copy.id), .int(g.value(v).type!.bytes)])],
                              scratchBuffers: []))
            outputs[k] = copy.id
        }
        g.outputs = outputs

        // Lifetimes per root value.
        var first: [ValueID: Int] = [:], last: [ValueID: Int] = [:]
        func touch(_ v: ValueID, _ s: Int) {
            guard g.value(v).constant == nil else { return }
            let r = root(v)
            first[r] = min(first[r] ?? s, s)
            last[r] = max(last[r] ?? s, s)
        }
        for v in g.inputs { touch(v, -1) }
        for (s, step) in steps.enumerated() {
            for v in step.outputs { touch(v, s) }
            for v in step.inputs { touch(v, s) }
        }
        for v in g.outputs { touch(v, steps.count) }

        // In-place: an output may take over its input's buffer when that buffer dies at this step and neither is
        // visible to the caller (graph inputs and outputs keep their own bytes).
        let pinned = Set((g.inputs + g.outputs).map(root))
        for r in inPlaceRequests {
            let ri = root(r.input), ro = root(r.output)
            guard ri != ro, !pinned.contains(ri), !pinned.contains(ro), last[ri] == r.step, first[ro] == r.step,
                  let ti = g.value(r.input).type, let to = g.value(r.output).type, to.bytes <= ti.bytes else { continue }
            parent[ro] = ri
            first[ri] = min(first[ri]!, first[ro]!)
            last[ri] = max(last[ri]!, last[ro]!)
        }

        // Buffers: one per root value in first-use order, then scratch.
        var buffers: [Buffer] = []
        var bufferOfRoot: [ValueID: Int] = [:]
        var bufferOf: [ValueID: Int] = [:]
        var bytesOfRoot: [ValueID: Int] = [:]
        for v in g.values where v.constant == nil && first[root(v.id)] != nil {
            bytesOfRoot[root(v.id)] = max(bytesOfRoot[root(v.id)] ?? 0, v.type?.bytes ?? 0)
        }
        for v in g.values where v.constant == nil {
            let r = root(v.id)
            guard let f = first[r] else { continue }
            if bufferOfRoot[r] == nil {
                bufferOfRoot[r] = buffers.count
                buffers.append(Buffer(id: buffers.count, bytes: bytesOfRoot[r] ?? 0, firstStep: f, lastStep: last[r]!))
            }
            bufferOf[v.id] = bufferOfRoot[r]
        }
        for s in steps.indices {
            steps[s].scratchBuffers = steps[s].scratchBuffers.map { negSize in
                buffers.append(Buffer(id: buffers.count, bytes: -negSize - 1, firstStep: s, lastStep: s))
                return buffers.count - 1
            }
        }

        let m = ScheduledModel(graph: g, steps: steps, buffers: buffers, bufferOf: bufferOf, alignment: alignment)
        m.arenaBytes = MemoryPlanner.plan(&m.buffers, alignment: alignment)
        m.lowerBoundBytes = MemoryPlanner.lowerBound(m.buffers, stepCount: steps.count)
        if let problem = MemoryPlanValidator.validate(m.buffers, arenaBytes: m.arenaBytes, alignment: alignment) {
            throw KilnError(.tool, "internal: memory plan is invalid: \(problem)", file: g.sourceFile)
        }
        return m
    }
}
