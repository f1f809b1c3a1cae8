import Foundation

/// HammingWindow (opset 17): w[k] = 25/46 - 21/46 cos(2 pi k / N); folded at compile time (see `SignalWindow`).
public enum HammingWindow: Operator {
    public static let opType = "HammingWindow"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try SignalWindow.infer(n) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try SignalWindow.fold(n) { k, N in 25.0 / 46.0 - 21.0 / 46.0 * cos(2 * Double.pi * k / N) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: HammingWindow is always folded")
    }
}
