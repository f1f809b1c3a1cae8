/// DynamicQuantizeLinear: y_scale = (max(0, max x) - min(0, min x)) / 255, y_zero_point = saturate(rint(-min / scale)),
/// y = saturate(rint(x / y_scale) + y_zero_point) as uint8, computed at run time in float32 (a float boundary
/// kernel, like QuantizeLinear).
public enum DynamicQuantizeLinear: Operator {
    public static let opType = "DynamicQuantizeLinear"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, [.float32])
        return [TensorType(.uint8, x.shape), TensorType(.float32, []), TensorType(.uint8, [])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        var outs: [KernelArg] = []
        for i in 0..<3 {
            if n.hasOutput(i) { outs.append(.output(try n.outputID(i))) } else {
                outs.append(.scratch(b.scratch(bytes: i == 0 ? Swift.max(x.count, 1) : 4)))
            }
        }
        b.call("kiln_dynamic_quantize_f32", source: "kiln_quantize", [.input(try n.inputID(0))] + outs + [.int(x.count)])
    }
}
