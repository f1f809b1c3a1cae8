import Foundation

/// com.microsoft QLinearSigmoid: y = quantize(sigmoid(dequantize(x))), int8/uint8, as a compile-time table of the
/// float32 function over the 256 input codes (no arithmetic at run time).
public enum QLinearSigmoid: Operator {
    public static let opType = "QLinearSigmoid"
    public static let domain = "com.microsoft"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try QLinearUnary.infer(n) }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try QLinearUnary.lower(n, &b) { 1 / (1 + Foundation.exp(-$0)) }
    }
}
