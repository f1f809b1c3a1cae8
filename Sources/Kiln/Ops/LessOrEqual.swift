/// LessOrEqual: y = (a <= b) as bool, NumPy broadcasting. Every numeric type; comparisons with NaN are false.
public enum LessOrEqual: Operator {
    public static let opType = "LessOrEqual"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.numeric, resultType: .bool)
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try BinaryElementwise.foldCompare(n, float: { $0 <= $1 }, signed: { $0 <= $1 }, unsigned: { $0 <= $1 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: "less_equal", source: "kiln_compare")
    }
}
