/// ConstantOfShape: a tensor of the given (compile-time) shape filled with `value` (a one-element tensor,
/// float32 0 by default). Folds; when the result is too large to store as a constant, a fill kernel writes it.
public enum ConstantOfShape: Operator {
    public static let opType = "ConstantOfShape"

    static func value(_ n: NodeContext) throws -> TensorData {
        guard let v = try n.tensor("value") else { return .scalar(0, .float32) }
        guard v.count == 1 else { throw n.error("'value' must hold exactly one element, it has \(v.count)") }
        return v
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let s = try n.requireConstant(0, "shape")
        let dims = try DataMovement.intList(s, n, "shape")
        guard dims.allSatisfy({ $0 >= 0 }) else { throw n.error("shape \(dims) has a negative dim") }
        return [TensorType(try value(n).dtype, dims)]
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let out = try n.output(0)
        let v = try value(n)
        var bytes = [UInt8]()
        bytes.reserveCapacity(out.bytes)
        for _ in 0..<out.count { bytes.append(contentsOf: v.bytes) }
        return [TensorData(dtype: out.dtype, shape: out.shape, bytes: bytes)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let out = try n.output(0)
        let v = b.constant(try value(n).reshaped([]), name: "\(n.name)_value")
        b.call("kiln_fill_\(DataMovement.width(out.dtype))", source: "kiln_fill",
               [.output(try n.outputID(0)), .int(out.count), .input(v)])
    }
}
