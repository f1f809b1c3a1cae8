/// OptionalHasElement (opsets 15, 18): whether the optional input is present. Kiln models tensors only, so a
/// present input is a tensor (true) and an omitted one is empty (false); the result is a constant.
public enum OptionalHasElement: Operator {
    public static let opType = "OptionalHasElement"
    public static let foldsFromTypes = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [TensorType(.bool, [])] }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        [TensorData(dtype: .bool, shape: [], int64s: [n.hasInput(0) ? 1 : 0])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try DataMovement.lowerConstantOutput(n, &b, TensorData(dtype: .bool, shape: [], int64s: [n.hasInput(0) ? 1 : 0]))
    }
}

/// OptionalGetElement (opsets 15, 18): the element of an optional; on a tensor (all Kiln models) it is that
/// tensor, shared without a copy. An omitted input is an error (ONNX fails on an empty optional).
public enum OptionalGetElement: Operator {
    public static let opType = "OptionalGetElement"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        guard n.hasInput(0) else { throw n.error("the optional input is empty") }
        return [try n.input(0)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? { n.constant(0).map { [$0] } }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
