/// The `fuse-residual-add` pass: a `kiln::QAdd` of a `kiln::QConv`'s result and another tensor of the same shape
/// (a ResNet block's shortcut) becomes part of the convolution: each output is requantized, clamped by the
/// convolution's own activation, added to the residual element exactly as QAdd would, and written over the
/// residual in place. The sum needs no buffer of its own and no separate pass over the data.
public enum FuseResidualAdd {
    public static func run(_ g: Graph) throws {
        // Looked up once: a fusion replaces the convolution and the Add by one node with the same readers, so the
        // reader counts stay right, and a fused node is never itself a candidate (it has four inputs).
        let readers = g.consumers()
        let producers = Dictionary(g.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for add in g.nodes where add.qualifiedOp == "kiln::QAdd" {
            guard add.inputs.count == 2, let y = add.outputs.first ?? nil, let yt = g.value(y).type else { continue }
            for (k, cv) in add.inputs.enumerated() {
                guard let cv, let r = add.inputs[1 - k], cv != r, !g.outputs.contains(cv),
                      g.value(cv).type == yt, g.value(r).type == yt,
                      let convID = g.value(cv).producer, let conv = producers[convID],
                      conv.qualifiedOp == "kiln::QConv", conv.inputs.count <= 3,
                      readers[cv]?.count == 1,
                      let qc = g.value(cv).quant, qc.scale.count == 1, qc.zeroPoint.count == 1,
                      g.value(r).quant != nil, g.value(y).quant != nil else { continue }
                let clamp = Quantization.clamp(conv.fusedActivation, y: qc, yt.dtype)
                var attrs = conv.attributes
                attrs["conv_scale"] = .float(qc.scale[0])
                attrs["conv_zero_point"] = .int(qc.zeroPoint[0])
                attrs["conv_clamp"] = .ints([clamp.lo, clamp.hi])
                let inputs: [ValueID?] = [conv.inputs[0], conv.inputs.count > 1 ? conv.inputs[1] : nil,
                                          conv.inputs.count > 2 ? conv.inputs[2] : nil, r]
                let fused = g.addNode(name: conv.name, opType: "QConv", domain: "kiln", attributes: attrs,
                                      inputs: inputs, outputs: [y])
                fused.fusedActivation = add.fusedActivation
                guard let types = try? QConv.infer(NodeContext(graph: g, node: fused)), types == [yt] else {
                    g.value(y).producer = add.id
                    continue
                }
                // The convolution moves to the Add's place: the residual is ready there, its own inputs earlier.
                g.nodes.removeAll { $0 === conv }
                if let i = g.nodes.firstIndex(where: { $0 === add }) { g.nodes[i] = fused }
                break
            }
        }
    }
}
