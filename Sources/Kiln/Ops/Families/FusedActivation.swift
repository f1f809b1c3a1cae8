/// Reads the activation a fusion pass folded into this node (Conv+Relu, Gemm+Clip), for kernels that clamp on store.
public enum FusedActivation {
    /// KILN_ACT_* code: 0 none, 1 relu, 2 clip.
    public static func kind(_ n: NodeContext) -> Int { n.node.fusedActivation?.kind.rawValue ?? 0 }

    public static func bounds(_ n: NodeContext) throws -> (min: Float, max: Float) {
        guard let a = n.node.fusedActivation else { return (-Float.infinity, Float.infinity) }
        return (a.min, a.max)
    }
}
