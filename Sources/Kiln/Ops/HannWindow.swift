import Foundation

/// HannWindow (opset 17): w[k] = sin^2(pi k / N); folded at compile time (see `SignalWindow`).
public enum HannWindow: Operator {
    public static let opType = "HannWindow"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { try SignalWindow.infer(n) }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        try SignalWindow.fold(n) { k, N in
            let s = sin(Double.pi * k / N)
            return s * s
        }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        throw n.error("internal: HannWindow is always folded")
    }
}
