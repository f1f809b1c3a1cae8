/// `<prefix>.json`: what the generated code needs and does, for build systems, CI checks and `kiln run`.
public enum Metadata {
    public static func json(_ m: ScheduledModel, _ o: EmitOptions, target: String) -> JSON {
        let g = m.graph
        func io(_ v: ValueID, offset: Bool) -> JSON {
            let t = g.value(v).type!
            var f: [(String, JSON)] = [("name", .string(g.value(v).name)), ("dtype", .string(t.dtype.onnxName)),
                                       ("shape", .array(t.shape.map { .int($0) })), ("bytes", .int(t.bytes))]
            if offset { f.append(("offset", .int(m.offset(of: v) ?? 0))) }
            if let q = g.value(v).quant { f.append(("quantization", quant(q))) }
            return .object(f)
        }
        func tensors(_ vs: [ValueID]) -> JSON {
            .array(vs.map { v in
                let t = g.value(v).type
                return .object([("name", .string(g.value(v).name)),
                                ("dtype", .string(t?.dtype.onnxName ?? "?")),
                                ("shape", .array((t?.shape ?? []).map { .int($0) })),
                                ("offset", m.offset(of: v).map { .int($0) } ?? .null)])
            })
        }
        let steps: [JSON] = m.steps.enumerated().map { (i, s) in
            .object([("index", .int(i)), ("op", .string(s.opType)), ("node", .string(s.nodeName)),
                     ("kernels", .array(s.calls.map { .string($0.function) })),
                     ("inputs", tensors(s.inputs)), ("outputs", tensors(s.outputs)),
                     ("scratch", .array(s.scratchBuffers.map { b in
                         .object([("bytes", .int(m.buffers[b].bytes)), ("offset", .int(m.buffers[b].offset))]) })),
                     ("macs", .int(s.macs))])
        }
        return .object([
            ("kiln_metadata_version", .int(1)),
            ("model", .string(o.modelFileName)),
            ("prefix", .string(o.prefix)),
            ("target", .string(target)),
            ("opset", .int(g.opset)),
            ("inputs", .array(g.inputs.map { io($0, offset: true) })),
            ("outputs", .array(g.outputs.map { io($0, offset: true) })),
            ("frozen_inputs", .array(g.frozenInputs.map { .string($0) })),
            ("arena_bytes", .int(max(m.arenaBytes, m.alignment))),
            ("arena_lower_bound_bytes", .int(m.lowerBoundBytes)),
            ("arena_alignment", .int(m.alignment)),
            ("weights_bytes", .int(m.weightsBytes)),
            ("macs", .int(m.totalMacs)),
            ("steps", .array(steps)),
        ])
    }

    static func quant(_ q: QuantParams) -> JSON {
        .object([("scale", .array(q.scale.map { .double(Double($0)) })),
                 ("zero_point", .array(q.zeroPoint.map { .int($0) })),
                 ("axis", q.axis.map { .int($0) } ?? .null)])
    }
}
