import Foundation

/// Scale / zero-point inputs of the QLinear*, *Integer and com.microsoft quantized operators. They must be known
/// at compile time (the multipliers are encoded then); graph inputs bound to test data are frozen.
public enum QLinear {
    /// Float values of constant input `i` (float32/float16/bfloat16).
    public static func scales(_ n: NodeContext, _ i: Int, _ what: String) throws -> [Float] {
        let c = try n.requireConstant(i, what)
        guard c.dtype.isFloat, c.count >= 1 else { throw n.error("\(what) must be a non-empty float tensor") }
        return Quantization.floats(c)
    }

    /// Integer values of constant input `i`, or [0] when it is absent. Checked to have type `dtype` when given.
    public static func zeroPoints(_ n: NodeContext, _ i: Int, _ what: String, dtype: DType? = nil) throws -> [Int] {
        guard n.hasInput(i) else { return [0] }
        let c = try n.requireConstant(i, what)
        if let dtype, c.dtype != dtype {
            throw n.error("\(what) is \(c.dtype.onnxName), expected \(dtype.onnxName)")
        }
        guard !c.dtype.isFloat, c.count >= 1 else { throw n.error("\(what) must be a non-empty integer tensor") }
        return c.ints
    }

    /// Per-tensor parameters from scale input `scale` and optional zero-point input `zp` of type `dtype`.
    public static func tensorQuant(_ n: NodeContext, scale: Int, zp: Int, dtype: DType, _ what: String) throws -> QuantizedOps.TensorQuant {
        let s = try scales(n, scale, "\(what) scale")
        let z = try zeroPoints(n, zp, "\(what) zero point", dtype: n.hasInput(zp) ? dtype : nil)
        guard s.count == 1, z.count == 1 else { throw n.unsupported("\(what) must be quantized per tensor") }
        return QuantizedOps.TensorQuant(scale: s[0], zeroPoint: z[0])
    }

    /// The type of zero-point input `i` (the quantized type it stands for), or `fallback` when absent.
    public static func zeroPointType(_ n: NodeContext, _ i: Int, fallback: DType) throws -> DType {
        n.hasInput(i) ? try n.input(i).dtype : fallback
    }

    /// A channels-first operator run on a channels-last kernel: input `x` is transposed into scratch (unless the
    /// transpose only moves size-1 dims), `body` computes the channels-last output into scratch, which is
    /// transposed into output 0. `yShape` is the channels-first output shape.
    public static func channelsLast(_ n: NodeContext, _ b: inout LoweringBuilder, xShape: [Int], xType: DType,
                                    yShape: [Int], yType: DType,
                                    body: (inout LoweringBuilder, KernelArg, KernelArg) throws -> Void) throws {
        let rank = xShape.count
        let toLast = ChannelsLastCopy.toLast(rank), toFirst = ChannelsLastCopy.toFirst(rank)
        func trivial(_ shape: [Int], _ perm: [Int]) -> Bool {
            let moved = perm.filter { shape[$0] != 1 }
            return moved == moved.sorted()
        }
        var xArg: KernelArg = .input(try n.inputID(0))
        if !trivial(xShape, toLast) {
            let k = b.scratch(bytes: Swift.max(xShape.elementCount * xType.size, 1))
            try ChannelsLastCopy.transpose(n, &b, from: xArg, to: .scratch(k), shape: xShape, perm: toLast, dtype: xType)
            xArg = .scratch(k)
        }
        let yLast = toLast.map { yShape[$0] }
        if trivial(yLast, toFirst) {
            try body(&b, xArg, .output(try n.outputID(0)))
        } else {
            let k = b.scratch(bytes: Swift.max(yShape.elementCount * yType.size, 1))
            try body(&b, xArg, .scratch(k))
            try ChannelsLastCopy.transpose(n, &b, from: .scratch(k), to: .output(try n.outputID(0)), shape: yLast,
                                           perm: toFirst, dtype: yType)
        }
    }
}
