/// Every operator Kiln implements, keyed by `domain::OpType` ("" domain is ai.onnx, written without prefix).
/// A unit test checks that each `Operator` type in `Ops/` is listed here exactly once.
public enum OperatorTable {
    /// Operator lists live in one extension per family (`OperatorTable+<Family>.swift`).
    public static let all: [Operator.Type] = core + elementwise + dataMovement + neuralNetwork + recurrent + misc + quantized

    static let core: [Operator.Type] = [Constant.self, Identity.self, Reshape.self]

    public static let byKey: [String: Operator.Type] = {
        var m: [String: Operator.Type] = [:]
        for op in all { m[key(domain: op.domain, opType: op.opType)] = op }
        return m
    }()

    public static func key(domain: String, opType: String) -> String {
        domain.isEmpty || domain == "ai.onnx" ? opType : "\(domain)::\(opType)"
    }

    public static func lookup(_ node: Node) -> Operator.Type? { byKey[key(domain: node.domain, opType: node.opType)] }
}
