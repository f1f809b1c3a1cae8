/// A named transformation of the graph IR.
public struct Pass {
    public let name: String
    /// One line for `kiln compile --help` and the docs.
    public let summary: String
    public let run: (Graph) throws -> Void
    public init(_ name: String, _ summary: String, _ run: @escaping (Graph) throws -> Void) {
        self.name = name; self.summary = summary; self.run = run
    }
}

/// The graph passes, in the order they run. `kiln compile --dump-after NAME` prints the IR after any of them.
public enum Pipeline {
    public static let passes: [Pass] = [
        Pass("expand-control-flow", "inline If branches and unroll Loop and Scan bodies (needs static trip counts)",
             ExpandControlFlow.run),
        Pass("quantize-qdq", "rewrite DequantizeLinear → op → QuantizeLinear groups and QLinear operators into integer operators; record quantization parameters (types nodes as it goes, so float operators that only occur between DequantizeLinear and QuantizeLinear need no float kernel)",
             QuantizeQDQ.run),
        Pass("infer-and-fold", "infer every value's type and shape; evaluate nodes whose inputs are all constant",
             InferAndFold.run),
        Pass("fold-batchnorm", "fold inference BatchNormalization into the preceding Conv/ConvTranspose/Gemm weights",
             FoldBatchNorm.run),
        Pass("fold-bias-add", "fold a constant per-channel Add into Conv/Gemm bias; MatMul + Add becomes Gemm",
             FoldBiasAdd.run),
        Pass("fuse-activation", "fuse Relu and constant-bound Clip into Conv/ConvTranspose/Gemm/MatMul", FuseActivation.run),
        Pass("channels-last", "fold the layout Transposes around channels-last integer kernels (compose, cancel, turn into reshapes, sink below layout-agnostic ops)",
             ChannelsLast.run),
        Pass("fuse-residual-add", "fold a quantized Add of a convolution's result and a shortcut into the convolution (the sum overwrites the shortcut in place)",
             FuseResidualAdd.run),
        Pass("eliminate-dead-code", "drop nodes whose outputs are constant or unused", DeadCodeElimination.run),
    ]

    public static var names: [String] { ["import"] + passes.map(\.name) }

    /// Runs every pass; `observe` sees the graph after each one (used by `--dump-after`).
    public static func run(_ g: Graph, observe: ((String, Graph) -> Void)? = nil) throws {
        observe?("import", g)
        for p in passes {
            try p.run(g)
            observe?(p.name, g)
        }
    }
}
