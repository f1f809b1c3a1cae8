/// GridSample (opset 16: 4-D, modes bilinear/nearest/bicubic; opset 20: N-D, modes linear/nearest/cubic):
/// samples X [N, C, D1..Dr] at the normalized grid coordinates [N, O1..Or, r], with zeros, border or reflection
/// padding and `align_corners`. Spatial ranks 1 to 3.
public enum GridSample: Operator {
    public static let opType = "GridSample"

    static func config(_ n: NodeContext) throws -> (mode: Int, padding: Int, align: Int) {
        let modeName = try n.string("mode", default: n.opset >= 20 ? "linear" : "bilinear")
        let mode: Int
        switch modeName {
        case "nearest": mode = 0
        case "linear", "bilinear": mode = 1
        case "cubic", "bicubic": mode = 2
        default: throw n.error("unknown mode '\(KilnError.printable(modeName))'")
        }
        let padName = try n.string("padding_mode", default: "zeros")
        guard let padding = ["zeros": 0, "border": 1, "reflection": 2][padName] else {
            throw n.error("unknown padding_mode '\(KilnError.printable(padName))'")
        }
        return (mode, padding, try n.int("align_corners", default: 0) != 0 ? 1 : 0)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), grid = try n.input(1)
        try n.requireDType(x, Attention.floatTypes)
        guard grid.dtype == x.dtype else {
            throw n.unsupported("grid type \(grid.dtype.onnxName) differing from X's \(x.dtype.onnxName) is not supported")
        }
        let r = x.rank - 2
        guard r >= 1 && r <= 3 else { throw n.unsupported("\(r) spatial dims are not supported (1 to 3 are)") }
        guard grid.rank == x.rank, grid.shape[0] == x.shape[0], grid.shape[x.rank - 1] == r else {
            throw n.error("grid \(grid.shape) must be [\(x.shape[0]), out dims..., \(r)] for X \(x.shape)")
        }
        _ = try config(n)
        guard x.shape[2...].allSatisfy({ $0 > 0 }) || grid.count == 0 else {
            throw n.unsupported("sampling an empty image \(x.shape) is not supported")
        }
        return [TensorType(x.dtype, [x.shape[0], x.shape[1]] + grid.shape[1..<(grid.rank - 1)])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0), c = try config(n)
        let r = x.rank - 2
        b.call("kiln_grid_sample_\(x.dtype.kernelSuffix)", source: "kiln_grid_sample",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .output(try n.outputID(0)),
                .int(x.shape[0]), .int(x.shape[1]), .int(r), .ints(Array(x.shape[2...])), .ints(Array(y.shape[2...])),
                .int(c.mode), .int(c.padding), .int(c.align)],
               macs: y.count * [1, 2, 4][c.mode] * r)
    }
}
