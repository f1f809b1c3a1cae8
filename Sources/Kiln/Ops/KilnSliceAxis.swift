/// kiln::SliceAxis (internal, made by control-flow expansion): the slice at `index` of axis `axis`, with that axis
/// removed (one Scan iteration's view of a scan input). Any dtype; one `kiln_copy_blocks` call.
public enum KilnSliceAxis: Operator {
    public static let opType = "SliceAxis"
    public static let domain = "kiln"

    struct Geometry { var outer: Int, inner: Int, extent: Int, index: Int, y: TensorType }

    static func geometry(_ n: NodeContext) throws -> Geometry {
        let x = try n.input(0)
        guard x.rank >= 1 else { throw n.error("input must have rank >= 1") }
        let axis = try n.axis(try n.int("axis", default: 0), rank: x.rank)
        let index = try n.int("index", default: 0)
        guard index >= 0 && index < x.shape[axis] else { throw n.error("index \(index) is outside axis \(axis) of \(x.shape)") }
        var shape = x.shape
        shape.remove(at: axis)
        return Geometry(outer: Array(x.shape[..<axis]).elementCount, inner: Array(x.shape[(axis + 1)...]).elementCount,
                        extent: x.shape[axis], index: index, y: TensorType(x.dtype, shape))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try geometry(n).y] }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        let g = try geometry(n), size = x.dtype.size
        var out: [UInt8] = []
        out.reserveCapacity(g.y.bytes)
        for o in 0..<g.outer {
            let start = ((o * g.extent + g.index) * g.inner) * size
            out.append(contentsOf: x.bytes[start..<(start + g.inner * size)])
        }
        return [TensorData(dtype: x.dtype, shape: g.y.shape, bytes: out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let g = try geometry(n), size = g.y.dtype.size
        b.call("kiln_copy_blocks", source: "kiln_control",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(g.outer), .int(g.inner * size),
                .int(g.index * g.inner * size), .int(g.extent * g.inner * size), .int(0), .int(g.inner * size)])
    }
}
