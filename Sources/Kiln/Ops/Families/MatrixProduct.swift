/// Helpers shared by Gemm and MatMul.
public enum MatrixProduct {
    public static let floats: Set<DType> = [.float32, .float64, .float16, .bfloat16]
    public static let types: Set<DType> = floats.union([.int32, .int64, .uint32, .uint64])

    /// Transposes a constant 2-D matrix (for repacking weights so the kernel reads B row by row).
    public static func transposed(_ t: TensorData) -> TensorData {
        let r = t.shape[0], c = t.shape[1], s = t.dtype.size
        var out = [UInt8](repeating: 0, count: t.bytes.count)
        t.bytes.withUnsafeBufferPointer { src in
            for i in 0..<r {
                for j in 0..<c {
                    let from = (i * c + j) * s, to = (j * r + i) * s
                    for k in 0..<s { out[to + k] = src[from + k] }
                }
            }
        }
        return TensorData(dtype: t.dtype, shape: [c, r], bytes: out)
    }

    /// MatMul shapes: batch shape, M, N, K and the output shape (1-D operands promoted and their dims dropped).
    public struct Shapes {
        public var batch: [Int], batchA: [Int], batchB: [Int]
        public var m: Int, n: Int, k: Int
        public var output: [Int]
    }

    public static func matmulShapes(_ a: [Int], _ b: [Int], _ n: NodeContext) throws -> Shapes {
        guard a.count >= 1, b.count >= 1 else { throw n.error("MatMul operands must have rank >= 1") }
        let a2 = a.count == 1 ? [1] + a : a
        let b2 = b.count == 1 ? b + [1] : b
        let m = a2[a2.count - 2], k = a2[a2.count - 1], kb = b2[b2.count - 2], nn = b2[b2.count - 1]
        guard k == kb else { throw n.error("inner dims differ: \(a) x \(b)") }
        let ba = Array(a2.dropLast(2)), bb = Array(b2.dropLast(2))
        guard let batch = Broadcast.shape([ba, bb]) else { throw n.error("batch dims of \(a) and \(b) do not broadcast") }
        var out = batch
        if a.count > 1 { out.append(m) }
        if b.count > 1 { out.append(nn) }
        return Shapes(batch: batch, batchA: ba, batchB: bb, m: m, n: nn, k: k, output: out)
    }
}
