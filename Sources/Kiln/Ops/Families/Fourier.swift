import Foundation

/// Shared pieces of DFT and STFT: the compile-time twiddle table read by `kiln_dft`.
public enum Fourier {
    /// Longest transform Kiln builds a twiddle table for.
    public static let maxLength = 1 << 20

    /// [cos(2 pi j / L), sin(2 pi j / L)] for j < L, as float32 (`tw` in `kiln_dft.h`).
    public static func twiddles(_ L: Int) -> TensorData {
        var v: [Double] = []
        v.reserveCapacity(2 * L)
        for j in 0..<L {
            let a = 2 * Double.pi * Double(j) / Double(L)
            v.append(cos(a))
            v.append(sin(a))
        }
        return TensorData(dtype: .float32, shape: [2 * L], doubles: v)
    }

    /// A scalar integer input known at compile time.
    static func scalar(_ n: NodeContext, _ i: Int, _ what: String) throws -> Int {
        let t = try n.input(i)
        guard t.dtype == .int32 || t.dtype == .int64, t.count == 1 else { throw n.error("\(what) must be a single integer") }
        let v = try n.requireConstant(i, what).int64(at: 0)
        guard v >= Int64(Int32.min), v <= Int64(Int32.max) else { throw n.error("\(what) \(v) is out of range") }
        return Int(v)
    }
}
