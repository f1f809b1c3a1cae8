/// TopK: the k largest (or, with largest=0, smallest) elements along `axis` and their int64 indices, sorted;
/// equal values keep the lower index first, NaN counts as the largest value. k is an attribute before opset 10
/// and a compile-time input since.
public enum TopK: Operator {
    public static let opType = "TopK"
    static let types: Set<DType> = BinaryElementwise.numeric.union([.float16, .bfloat16])

    static func params(_ n: NodeContext, _ x: TensorType) throws -> (axis: Int, k: Int) {
        guard x.rank >= 1 else { throw n.error("input must have at least one dim") }
        let axis = try n.axis(try n.int("axis", default: -1), rank: x.rank)
        let k: Int
        if n.opset < 10 {
            guard let v = try n.int("k") else { throw n.error("missing 'k' attribute") }
            k = v
        } else {
            let t = try n.requireConstant(1, "k")
            guard t.count == 1, t.dtype == .int64 else { throw n.error("k must be a one-element int64 tensor") }
            k = Int(t.int64(at: 0))
        }
        guard k >= 0 && k <= x.shape[axis] else { throw n.error("k \(k) is out of range for dim \(x.shape[axis])") }
        return (axis, k)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, types)
        let (axis, k) = try params(n, x)
        var shape = x.shape
        shape[axis] = k
        return [TensorType(x.dtype, shape), TensorType(.int64, shape)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let (axis, k) = try params(n, x)
        // Both outputs are written by the kernel; an unused one gets scratch memory.
        func out(_ i: Int, _ bytes: Int) -> KernelArg {
            if n.hasOutput(i), let id = try? n.outputID(i) { return .output(id) }
            return .scratch(b.scratch(bytes: Swift.max(bytes, 1)))
        }
        let count = x.count / Swift.max(x.shape[axis], 1) * k
        let values = out(0, count * x.dtype.size), indices = out(1, count * 8)
        b.call("kiln_topk_\(x.dtype.kernelSuffix)", source: "kiln_topk",
               [.input(try n.inputID(0)), values, indices, .int(DataMovement.product(x.shape, 0..<axis)), .int(x.shape[axis]),
                .int(DataMovement.product(x.shape, (axis + 1)..<x.rank)), .int(k), .int(try n.int("largest", default: 1) != 0 ? 1 : 0)])
    }
}
