import Foundation

/// Shapes and lowering of the integer matrix products of two run-time operands (`kiln_qmatmul`): MatMulInteger
/// and QLinearMatMul. Batch dims broadcast when one operand has none (or only 1s); other broadcasts are unsupported.
public enum QuantizedMatMul {
    public struct Shape {
        public var batch: Int, m: Int, k: Int, n: Int
        public var sa: Int, sb: Int
        public var output: [Int]
    }

    public static func shape(_ n: NodeContext, a: [Int], b: [Int]) throws -> Shape {
        guard a.count >= 1, b.count >= 1 else { throw n.error("MatMul inputs must have rank >= 1") }
        let aa = a.count == 1 ? [1] + a : a, bb = b.count == 1 ? b + [1] : b
        let M = aa[aa.count - 2], K = aa[aa.count - 1], K2 = bb[bb.count - 2], N = bb[bb.count - 1]
        guard K == K2 else { throw n.error("inner dimensions differ: \(a) by \(b)") }
        let ab = Array(aa.dropLast(2)), bbat = Array(bb.dropLast(2))
        guard let batch = Broadcast.shape([ab, bbat]) else { throw n.error("batch dims \(ab) and \(bbat) do not broadcast") }
        let total = batch.elementCount
        func stride(_ dims: [Int], _ per: Int) throws -> Int {
            let c = dims.elementCount
            if c == 1 { return 0 }
            guard dims.count == batch.count || Array(repeating: 1, count: batch.count - dims.count) + dims == batch,
                  c == total else { throw n.unsupported("broadcasting batch dims \(ab) with \(bbat)") }
            return per
        }
        var out = batch
        if a.count > 1 { out.append(M) }
        if b.count > 1 { out.append(N) }
        return Shape(batch: total, m: M, k: K, n: N, sa: try stride(ab, M * K), sb: try stride(bbat, K * N), output: out)
    }

    /// `kiln_qmatmul_*` of inputs `a` and `b` to output 0; multipliers nil for int32 output.
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, a: Int, b bi: Int, shape s: Shape,
                             aZeroPoints: [Int], bZeroPoints: [Int], multipliers: [Double]?, yZeroPoint: Int) throws {
        let at = try n.input(a), bt = try n.input(bi), y = try n.output(0)
        guard let asx = QuantizedKernels.suffix(at.dtype), let bsx = QuantizedKernels.suffix(bt.dtype),
              at.dtype.size == 1, bt.dtype.size == 1 else { throw n.unsupported("integer matrix product of \(at.dtype.onnxName) by \(bt.dtype.onnxName)") }
        let ys = y.dtype == .int32 ? "i32" : QuantizedKernels.suffix(y.dtype) ?? "?"
        guard ys == "i32" || ys == "s8" || ys == "u8" else { throw n.unsupported("integer matrix product to \(y.dtype.onnxName)") }
        guard s.k < 33000 else { throw n.unsupported("a \(s.k)-element dot product could overflow the 32-bit accumulator") }
        func zps(_ v: [Int], _ count: Int, _ what: String) throws -> KernelArg {
            if v.allSatisfy({ $0 == 0 }) { return .null }
            guard v.count == 1 || v.count == count else { throw n.unsupported("\(what) with \(v.count) elements (1 or \(count) are supported)") }
            let full = v.count == 1 ? [Int](repeating: v[0], count: count) : v
            return .input(b.constant(TensorData(dtype: .int32, shape: [count], int64s: full.map { Int64($0) }), name: "\(n.name)_\(what)"))
        }
        var mArg: KernelArg = .null, sArg: KernelArg = .null
        var perCol = 0
        if let multipliers {
            var ms: [Int64] = [], ss: [Int64] = []
            for r in multipliers {
                guard let f = FixedPointMultiplier.encode(r) else { throw n.unsupported("requantization multiplier \(r) is out of range") }
                ms.append(Int64(f.m)); ss.append(Int64(f.shift))
            }
            perCol = ms.count > 1 ? 1 : 0
            mArg = .input(b.constant(TensorData(dtype: .int32, shape: [ms.count], int64s: ms), name: "\(n.name)_multiplier"))
            sArg = .input(b.constant(TensorData(dtype: .int32, shape: [ss.count], int64s: ss), name: "\(n.name)_shift"))
        }
        let (lo, hi) = Quantization.range(y.dtype)
        b.call("kiln_qmatmul_\(asx)\(bsx)_\(ys)", source: "kiln_qmatmul",
               [.input(try n.inputID(a)), .input(try n.inputID(bi)), .output(try n.outputID(0)),
                try zps(aZeroPoints, s.m, "a_zero_point"), try zps(bZeroPoints, s.n, "b_zero_point"), mArg, sArg,
                .ints([s.batch, s.m, s.k, s.n, s.sa, s.sb, yZeroPoint, lo, hi, perCol])],
               macs: s.batch * s.m * s.k * s.n)
    }
}
