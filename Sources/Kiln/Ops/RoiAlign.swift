/// RoiAlign (opsets 10, 16): average or max pooling of bilinear samples of X [N, C, H, W] over the boxes
/// `rois` [R, 4] of the images `batch_indices` [R] into [R, C, output_height, output_width]. Boxes and indices
/// are read at run time. `coordinate_transformation_mode` (16) defaults to half_pixel; opset 10 behaves as
/// output_half_pixel.
public enum RoiAlign: Operator {
    public static let opType = "RoiAlign"

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0), rois = try n.input(1), idx = try n.input(2)
        try n.requireDType(x, Attention.floatTypes)
        guard rois.dtype == x.dtype else { throw n.error("rois must have X's type \(x.dtype.onnxName)") }
        guard x.rank == 4 else { throw n.error("X must be 4-D [N, C, H, W], it is \(x.shape)") }
        guard rois.rank == 2, rois.shape[1] == 4 else { throw n.error("rois must be [num_rois, 4], they are \(rois.shape)") }
        guard idx.rank == 1, idx.shape[0] == rois.shape[0], idx.dtype == .int64 || idx.dtype == .int32 else {
            throw n.error("batch_indices must be an int64 vector of \(rois.shape[0]) entries, it is \(idx)")
        }
        guard idx.dtype == .int64 else { throw n.unsupported("int32 batch_indices are not supported") }
        guard x.shape[2] >= 1, x.shape[3] >= 1 else { throw n.unsupported("empty feature maps are not supported") }
        let ph = try n.int("output_height", default: 1), pw = try n.int("output_width", default: 1)
        guard ph >= 1, pw >= 1 else { throw n.error("output_height and output_width must be positive") }
        let mode = try n.string("mode", default: "avg")
        guard mode == "avg" || mode == "max" else { throw n.error("unknown mode '\(KilnError.printable(mode))'") }
        let ctm = try n.string("coordinate_transformation_mode", default: n.opset >= 16 ? "half_pixel" : "output_half_pixel")
        guard ctm == "half_pixel" || ctm == "output_half_pixel" else {
            throw n.error("unknown coordinate_transformation_mode '\(KilnError.printable(ctm))'")
        }
        let out = [rois.shape[0], x.shape[1], ph, pw]
        guard out.checkedElementCount() != nil else { throw n.error("output \(out) is too large") }
        return [TensorType(x.dtype, out)]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0), y = try n.output(0)
        let ratio = try n.int("sampling_ratio", default: 0)
        let ctm = try n.string("coordinate_transformation_mode", default: n.opset >= 16 ? "half_pixel" : "output_half_pixel")
        b.call("kiln_roi_align_\(x.dtype.kernelSuffix)", source: "kiln_roi_align",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(x.shape[0]), .int(x.shape[1]), .int(x.shape[2]), .int(x.shape[3]), .int(y.shape[0]),
                .int(y.shape[2]), .int(y.shape[3]), .int(max(-1, min(ratio, 1024))),
                .float(try n.float("spatial_scale", default: 1)), .int(ctm == "half_pixel" ? 1 : 0),
                .int(try n.string("mode", default: "avg") == "max" ? 1 : 0)],
               macs: y.count * 4 * max(ratio, 1) * max(ratio, 1))
    }
}
