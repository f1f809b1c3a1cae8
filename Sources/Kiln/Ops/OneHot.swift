/// OneHot: inserts a dim of size `depth` (a compile-time scalar) at `axis`; position indices[i] (negative ones
/// count from the end) holds values[1], every other one values[0]. Indices may be any numeric type and are
/// read at run time; out-of-range or non-integral indices select nothing.
public enum OneHot: Operator {
    public static let opType = "OneHot"

    static func depth(_ n: NodeContext) throws -> Int {
        let d = try n.requireConstant(1, "depth")
        guard d.count == 1 else { throw n.error("depth must be a scalar") }
        let v = d.double(at: 0)
        guard v.isFinite, v >= 1, v <= Double(TensorProtoCoding.maxElements) else { throw n.error("depth \(v) is not a positive size") }
        return Int(v)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let i = try n.input(0), v = try n.input(2)
        try n.requireDType(i, BinaryElementwise.numeric.union([.float16, .bfloat16]), "indices")
        guard v.count == 2 else { throw n.error("values must hold [off, on], it is \(v)") }
        let a = try n.axis(try n.int("axis", default: -1), rank: i.rank + 1)
        var shape = i.shape
        shape.insert(try depth(n), at: a)
        return [TensorType(v.dtype, shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let i = try n.input(0), y = try n.output(0)
        let a = try n.axis(try n.int("axis", default: -1), rank: i.rank + 1)
        b.call("kiln_onehot_\(i.dtype.kernelSuffix)_\(DataMovement.width(y.dtype))", source: "kiln_onehot",
               [.input(try n.inputID(0)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(DataMovement.product(i.shape, 0..<a)), .int(try depth(n)), .int(DataMovement.product(i.shape, a..<i.rank))])
    }
}
