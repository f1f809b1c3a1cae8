/// What every ONNX operator implementation provides. One operator = one file in `Ops/` that owns its attribute
/// parsing, shape inference, optional compile-time evaluation (for constant folding) and lowering to kernel calls.
public protocol Operator {
    /// ONNX op type, e.g. "Conv".
    static var opType: String { get }
    /// Operator domain; "" is ai.onnx.
    static var domain: String { get }
    /// Output types from input types, attributes and (where shapes depend on them) constant inputs.
    static func infer(_ n: NodeContext) throws -> [TensorType]
    /// Computes the outputs at compile time when every input is constant; nil when this op does not fold
    /// (or not for these inputs). Only needs to handle what exporters feed it in shape computations and weights.
    static func fold(_ n: NodeContext) throws -> [TensorData]?
    /// Emits the kernel calls that compute the outputs at run time.
    static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws
    /// Output 0 is input 0's bytes reinterpreted (Reshape, Squeeze, Identity...): no kernel runs, the planner
    /// gives both one buffer.
    static var aliasesInput: Bool { get }
    /// `fold` can compute the outputs from the input types alone (Shape, Size, EyeLike), so it is called even
    /// when inputs are computed at run time.
    static var foldsFromTypes: Bool { get }
}

extension Operator {
    public static var domain: String { "" }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { nil }
    public static var aliasesInput: Bool { false }
    public static var foldsFromTypes: Bool { false }
}
