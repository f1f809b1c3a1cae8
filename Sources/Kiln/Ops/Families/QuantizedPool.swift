/// Window attributes of the channels-last quantized pools (`kiln::QAveragePool`, `kiln::QMaxPool`).
public enum QuantizedPool {
    /// Spatial dims of channels-last data [N, spatial..., C].
    static func spatial(_ x: TensorType) -> [Int] { Array(x.shape[1..<(x.rank - 1)]) }

    public static func filter(_ n: NodeContext, _ x: TensorType) throws -> SpatialFilter {
        guard x.rank == 3 || x.rank == 4 else { throw n.unsupported("quantized pooling of rank \(x.rank) (1-D and 2-D are supported)") }
        if try n.int("global", default: 0) != 0 { return try SpatialFilter(n, kernel: spatial(x)) }
        guard let k = try n.ints("kernel_shape"), k.count == x.rank - 2 else {
            throw n.error("kernel_shape must have \(x.rank - 2) entries")
        }
        return try SpatialFilter(n, kernel: k)
    }

    public static func outputType(_ n: NodeContext, _ x: TensorType, _ f: inout SpatialFilter) throws -> TensorType {
        let out = try f.outputSize(spatial(x), ceilMode: try n.int("ceil_mode", default: 0) != 0, n)
        return TensorType(x.dtype, [x.shape[0]] + out + [x.shape[x.rank - 1]])
    }
}
