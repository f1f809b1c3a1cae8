/// PRelu: y = x < 0 ? slope * x : x, slope broadcast to x's shape (unidirectional). Float types, int32, int64,
/// uint32, uint64 (unsigned values are never negative: y = x).
public enum PRelu: Operator {
    public static let opType = "PRelu"
    static let types: Set<DType> = BinaryElementwise.floats.union([.int32, .int64, .uint32, .uint64])
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), s = try n.input(1)
        try n.requireSameDType([x, s])
        try n.requireDType(x, types)
        guard Broadcast.shape([x.shape, s.shape]) == x.shape else {
            throw n.error("slope shape \(s.shape) does not broadcast to input shape \(x.shape)")
        }
        return [x]
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldNumeric(n, float: { $0 < 0 ? $1 * $0 : $0 }, signed: { $0 < 0 ? $1 &* $0 : $0 },
                                          unsigned: { x, _ in x })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        if x.dtype.isUnsignedInteger {
            b.call("kiln_copy", source: "kiln_copy", [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.bytes)])
            b.allowInPlace(input: 0, output: 0)
            return
        }
        try BinaryElementwise.lower(n, &b, kernel: "prelu", source: "kiln_prelu")
    }
}
