/// Col2Im (opset 18): rearranges columns [N, C*prod(block_shape), L] back into an image [N, C, image_shape...],
/// summing overlapping entries, with dilations, pads and strides (any number of spatial dims). image_shape and
/// block_shape must be known at compile time. float32.
public enum Col2Im: Operator {
    public static let opType = "Col2Im"

    struct Plan { var n: Int, c: Int, image: [Int], block: [Int], dilations: [Int], padBegin: [Int], strides: [Int], cols: [Int] }

    static func plan(_ n: NodeContext) throws -> Plan {
        let x = try n.input(0)
        try n.requireDType(x, [.float32])
        guard x.rank == 3 else { throw n.error("input must be [N, C*prod(block_shape), L], it is \(x.shape)") }
        func dims(_ i: Int, _ what: String) throws -> [Int] {
            let t = try n.requireConstant(i, what)
            guard t.dtype == .int64, t.shape.count == 1 else { throw n.error("\(what) must be a 1-D int64 tensor") }
            return t.ints
        }
        let image = try dims(1, "image_shape"), block = try dims(2, "block_shape")
        let D = image.count
        guard D >= 1, D <= 8, block.count == D else { throw n.error("image_shape \(image) and block_shape \(block) must have 1 to 8 equal-length dims") }
        let dil = try n.ints("dilations") ?? Array(repeating: 1, count: D)
        let pads = try n.ints("pads") ?? Array(repeating: 0, count: 2 * D)
        let strides = try n.ints("strides") ?? Array(repeating: 1, count: D)
        guard dil.count == D, pads.count == 2 * D, strides.count == D else {
            throw n.error("dilations, pads and strides must have \(D), \(2 * D) and \(D) values")
        }
        let limit = 1 << 24
        for d in 0..<D {
            guard image[d] > 0, image[d] <= limit, block[d] > 0, block[d] <= limit, dil[d] > 0, dil[d] <= limit,
                  strides[d] > 0, strides[d] <= limit, pads[d] >= 0, pads[d] <= limit, pads[d + D] >= 0, pads[d + D] <= limit else {
                throw n.error("image_shape, block_shape, dilations, strides must be positive and pads non-negative (and all below 2^24)")
            }
        }
        var cols: [Int] = []
        for d in 0..<D {
            let span: Int = dil[d] * (block[d] - 1) + 1
            let room: Int = image[d] + pads[d] + pads[d + D] - span
            guard room >= 0 else { throw n.error("the blocks do not fit in the padded image along dim \(d)") }
            cols.append(room / strides[d] + 1)
        }
        guard let K = block.checkedElementCount(), let L = cols.checkedElementCount(), K > 0 else {
            throw n.error("block_shape or the number of blocks is too large")
        }
        guard x.shape[1] % K == 0 else { throw n.error("input dim 1 (\(x.shape[1])) is not a multiple of prod(block_shape) = \(K)") }
        guard x.shape[2] == L else { throw n.error("input dim 2 (\(x.shape[2])) must be the number of blocks \(L) (\(cols))") }
        return Plan(n: x.shape[0], c: x.shape[1] / K, image: image, block: block, dilations: dil, padBegin: Array(pads[..<D]),
                    strides: strides, cols: cols)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try plan(n)
        return [TensorType(try n.input(0).dtype, [p.n, p.c] + p.image)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n)
        b.call("kiln_col2im_f32", source: "kiln_col2im",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(p.n), .int(p.c), .int(p.image.count),
                .ints(p.image), .ints(p.block), .ints(p.dilations), .ints(p.padBegin), .ints(p.strides), .ints(p.cols)])
    }
}
