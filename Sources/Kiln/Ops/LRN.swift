/// LRN (local response normalization across channels):
/// y = x / (bias + alpha / size * sum of x^2 over channels [c - floor((size-1)/2), c + ceil((size-1)/2)])^beta.
public enum LRN: Operator {
    public static let opType = "LRN"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        guard x.rank >= 2 else { throw n.error("input must have rank >= 2") }
        guard let size = try n.int("size"), size > 0, size <= SpatialFilter.maxAttribute else {
            throw n.error("size must be a positive integer (at most \(SpatialFilter.maxAttribute))")
        }
        _ = size
        return [x]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        if x.count == 0 { return }
        let size = try n.int("size", default: 1)
        b.call("kiln_lrn_\(x.dtype.kernelSuffix)", source: "kiln_norm",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.shape[0]), .int(x.shape[1]),
                .int(x.shape[2...].reduce(1, *)), .int(size), .float(try n.float("alpha", default: 1e-4)),
                .float(try n.float("beta", default: 0.75)), .float(try n.float("bias", default: 1))],
               macs: size &* x.count)
    }
}
