/// kiln::Select (internal, made by expanding an If whose condition is known only at run time): y = cond ? a : b
/// for a bool scalar cond and two tensors of one type (the branches' outputs).
public enum KilnSelect: Operator {
    public static let opType = "Select"
    public static let domain = "kiln"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let c = try n.input(0), a = try n.input(1), b = try n.input(2)
        guard c.dtype == .bool, c.count == 1 else { throw n.error("condition must be a single bool, it is \(c)") }
        guard a == b else { throw n.error("branches give different types \(a) and \(b)") }
        return [a]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let c = n.constant(0), let a = n.constant(1), let b = n.constant(2) else { return nil }
        return [c.int64(at: 0) != 0 ? a : b]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        b.call("kiln_select", source: "kiln_control",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)),
                .output(try n.outputID(0)), .int(try n.output(0).bytes)])
        b.allowInPlace(input: 1, output: 0)
        b.allowInPlace(input: 2, output: 0)
    }
}
