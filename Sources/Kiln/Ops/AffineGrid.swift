/// AffineGrid (opset 20): the [N, H, W, 2] (or [N, D, H, W, 3]) sampling grid of the affine transforms theta
/// [N, 2, 3] (or [N, 3, 4]) for the output size [N, C, H, W] (or [N, C, D, H, W]), which must be constant.
public enum AffineGrid: Operator {
    public static let opType = "AffineGrid"

    static func spatial(_ n: NodeContext) throws -> [Int] {
        let theta = try n.input(0)
        try n.requireDType(theta, Attention.floatTypes)
        let size = try DataMovement.intList(try n.requireConstant(1, "size"), n, "size")
        guard size.count == 4 || size.count == 5 else { throw n.error("size must have 4 or 5 entries, it has \(size.count)") }
        let r = size.count - 2
        guard theta.shape == [size[0], r, r + 1] else {
            throw n.error("theta \(theta.shape) must be [\(size[0]), \(r), \(r + 1)] for size \(size)")
        }
        let dims = Array(size[2...])
        guard dims.allSatisfy({ $0 >= 0 }), (dims + [size[0], r]).checkedElementCount() != nil else {
            throw n.error("size \(size) is negative or too large")
        }
        return dims
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let dims = try spatial(n), theta = try n.input(0)
        return [TensorType(theta.dtype, [theta.shape[0]] + dims + [dims.count])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let dims = try spatial(n), theta = try n.input(0), y = try n.output(0)
        b.call("kiln_affine_grid_\(theta.dtype.kernelSuffix)", source: "kiln_affine_grid",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(theta.shape[0]), .int(dims.count),
                .ints(dims), .int(try n.int("align_corners", default: 0) != 0 ? 1 : 0)],
               macs: y.count * (dims.count + 1))
    }
}
