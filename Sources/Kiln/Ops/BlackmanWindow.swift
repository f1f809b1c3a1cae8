import Foundation

/// BlackmanWindow (opset 17): w[k] = 0.42 - 0.5 cos(2 pi k / N) + 0.08 cos(4 pi k / N); folded at compile time
/// (see `SignalWindow`).
public enum BlackmanWindow: Operator {
    public static let opType = "BlackmanWindow"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try SignalWindow.infer(n) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try SignalWindow.fold(n) { k, N in 0.42 - 0.5 * cos(2 * Double.pi * k / N) + 0.08 * cos(4 * Double.pi * k / N) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: BlackmanWindow is always folded")
    }
}
