/// Size: the input's element count as an int64 scalar; folds from the input type.
public enum Size: Operator {
    public static let opType = "Size"
    public static let foldsFromTypes = true

    static func value(_ n: NodeContext) throws -> TensorData {
        TensorData(dtype: .int64, shape: [], int64s: [Int64(try n.input(0).count)])
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try value(n).type] }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { [try value(n)] }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try DataMovement.lowerConstantOutput(n, &b, try value(n))
    }
}
