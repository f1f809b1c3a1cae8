import Foundation

/// Shared implementation of the window generators (HannWindow, HammingWindow, BlackmanWindow, opset 17): the
/// output depends only on the `size` input and attributes, so it is always computed at compile time.
public enum SignalWindow {
    /// Window length from input 0 (an int32/int64 scalar known at compile time, or frozen from test data).
    static func size(_ n: NodeContext) throws -> Int {
        let t = try n.input(0)
        guard t.dtype == .int32 || t.dtype == .int64, t.count == 1 else {
            throw n.error("size must be a single int32 or int64, it is \(t)")
        }
        let s = try n.requireConstant(0, "size").int64(at: 0)
        guard s >= 0, s <= Int64(TensorProtoCoding.maxElements) else { throw n.error("size \(s) is negative or too large") }
        return Int(s)
    }

    static func outputType(_ n: NodeContext) throws -> DType {
        let code = try n.int("output_datatype", default: DType.float32.rawValue)
        guard let t = DType(rawValue: code), t != .bool else {
            throw n.unsupported("output_datatype \(code) is not supported")
        }
        return t
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        [TensorType(try outputType(n), [try size(n)])]
    }

    /// `w(k, N)` for k in 0..<size with N = size (periodic, the default) or size - 1 (symmetric); evaluated in
    /// double and converted to the output type once.
    public static func fold(_ n: NodeContext, _ w: (Double, Double) -> Double) throws -> [TensorData]? {
        let s = try size(n)
        let periodic = try n.int("periodic", default: 1) != 0
        let N = Double(periodic ? s : s - 1)
        return [TensorData(dtype: try outputType(n), shape: [s], doubles: (0..<s).map { w(Double($0), N) })]
    }
}
