import Foundation

/// Shared implementation of element-wise unary operators (math, activations, Cast): type checks, folding and
/// lowering to `kiln_<op>_<dtype>(x, y, n[, params])` kernels that may run in place.
public enum UnaryElementwise {
    public static let floats = BinaryElementwise.floats

    /// Output = input type (or `result`), same shape.
    public static func infer(_ n: NodeContext, allowed: Set<DType>, result: DType? = nil) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, allowed)
        return [TensorType(result ?? x.dtype, x.shape)]
    }

    /// Emits `kiln_<kernel>_<dtype>(x, y, n, params...)` and allows y to overwrite x.
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder, kernel: String, source: String,
                             params: [KernelArg] = []) throws {
        let x = try n.input(0)
        b.call("kiln_\(kernel)_\(x.dtype.kernelSuffix)", source: source,
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(x.count)] + params)
        b.allowInPlace(input: 0, output: 0)
    }

    /// Folds a float operator with `f` on Double values; nil for other types.
    public static func foldFloat(_ n: NodeContext, _ f: (Double) -> Double) throws -> [TensorData]? {
        guard let x = n.constant(0), x.dtype.isFloat else { return nil }
        let out = try n.output(0)
        return [TensorData(dtype: out.dtype, shape: out.shape, doubles: x.doubles.map(f))]
    }

    /// Folds a numeric operator: floats with `float`, signed integers with `signed` (wrapping to the width),
    /// unsigned integers with `unsigned`.
    public static func fold(_ n: NodeContext, float: (Double) -> Double, signed: ((Int64) -> Int64)? = nil,
                            unsigned: ((UInt64) -> UInt64)? = nil) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let out = try n.output(0)
        if x.dtype.isFloat { return [TensorData(dtype: out.dtype, shape: out.shape, doubles: x.doubles.map(float))] }
        if x.dtype.isSignedInteger, let f = signed {
            return [TensorData(dtype: out.dtype, shape: out.shape, int64s: x.int64s.map(f))]
        }
        if x.dtype.isUnsignedInteger || x.dtype == .bool, let f = unsigned {
            return [TensorData(dtype: out.dtype, shape: out.shape,
                               int64s: x.int64s.map { Int64(bitPattern: f(UInt64(bitPattern: $0))) })]
        }
        return nil
    }

    /// Folds a float predicate to bool.
    public static func foldPredicate(_ n: NodeContext, _ f: (Double) -> Bool) throws -> [TensorData]? {
        guard let x = n.constant(0), x.dtype.isFloat else { return nil }
        return [TensorData(dtype: .bool, shape: x.shape, int64s: x.doubles.map { f($0) ? 1 : 0 })]
    }
}

/// Float math used by folding, matching the kernels' definitions.
enum FoldMath {
    static func sigmoid(_ v: Double) -> Double { v >= 0 ? 1 / (1 + Foundation.exp(-v)) : Foundation.exp(v) / (1 + Foundation.exp(v)) }
    static func softplus(_ v: Double) -> Double { v > 0 ? v + Foundation.log1p(Foundation.exp(-v)) : Foundation.log1p(Foundation.exp(v)) }
    static func clamp01(_ v: Double) -> Double { v < 0 ? 0 : (v > 1 ? 1 : v) }
    /// Round half to even; zero keeps the sign of v.
    static func roundEven(_ v: Double) -> Double { v.rounded(.toNearestOrEven) }
}
