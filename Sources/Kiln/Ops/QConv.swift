/// kiln::QConv (Kiln-internal, made by the quantize-qdq pass): integer convolution over channels-last data.
/// Inputs: x [N, H, W, C] or [N, W, C] (int8, uint8 or int16 with per-tensor `Value.quant`), w [M, C/G, k...]
/// (a constant, int8/uint8, per-tensor or per-output-channel quant), optional bias [M] (int32 constant in
/// accumulator units, i.e. scale x_scale * w_scale[m]). Attributes as Conv (explicit pads). Output: same type as x,
/// channels-last, quantized by the output value's `quant`; a fused Relu/Clip narrows the output clamp.
/// Optional input 3 (set by the fuse-residual-add pass): a residual of the output's shape added to the
/// convolution's result (then quantized by attributes `conv_scale`, `conv_zero_point` and clamped to `conv_clamp`),
/// as kiln::QAdd would; the fused activation then applies to the sum, which may overwrite the residual in place.
public enum QConv: Operator {
    public static let opType = "QConv"
    public static let domain = "kiln"

    static func channelsFirst(_ s: [Int]) -> [Int] { [s[0], s[s.count - 1]] + Array(s[1..<(s.count - 1)]) }
    static func channelsLast(_ s: [Int]) -> [Int] { [s[0]] + Array(s[2...]) + [s[1]] }

    static func geometry(_ n: NodeContext) throws -> (QuantizedConv.Geometry, [Int]) {
        let x = try n.input(0), w = try n.input(1)
        guard x.rank == 3 || x.rank == 4 else { throw n.error("input must be [N, W, C] or [N, H, W, C]") }
        let (g, _, y) = try QuantizedConv.geometry(n, x: channelsFirst(x.shape), w: w.shape)
        return (g, channelsLast(y))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        try n.requireDType(x, Quantization.activationTypes)
        guard n.constant(1) != nil else { throw n.unsupported("weights must be constant") }
        if n.hasInput(2) {
            guard let bias = n.constant(2), bias.dtype == .int32 else { throw n.error("bias must be an int32 constant") }
        }
        let y = TensorType(x.dtype, try geometry(n).1)
        if n.hasInput(3) {
            guard try n.input(3) == y else { throw n.error("residual must be \(y)") }
            guard try n.float("conv_scale") != nil, let c = try n.ints("conv_clamp"), c.count == 2 else {
                throw n.error("a residual needs the conv_scale and conv_clamp attributes")
            }
        }
        return [y]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let (g, _) = try geometry(n)
        let x = try n.input(0), y = try n.output(0)
        guard let w = n.constant(1) else { throw n.unsupported("weights must be constant") }
        let qx = try QuantizedOps.tensorQuant(n, input: 0), qy = try QuantizedOps.tensorQuant(n, output: 0)
        guard let qw = n.graph.value(try n.inputID(1)).quant else { throw n.error("internal: weights have no quantization parameters") }
        guard qw.scale.count == 1 || qw.scale.count == g.m, qw.zeroPoint.count == 1 || qw.zeroPoint.count == g.m else {
            throw n.error("weight quantization must be per tensor or per output channel (\(g.m))")
        }
        guard !n.hasInput(2) || n.constant(2)?.count == g.m else { throw n.error("bias must have \(g.m) elements") }
        let bias = n.constant(2).map { $0.int64s }
        // With a fused residual Add the convolution's own result has the parameters of the attributes.
        var qc = qy, clamp = QuantizedOps.clamp(n, qy, y.dtype)
        var residual: (arg: KernelArg, input: Int, params: [Int])? = nil
        if n.hasInput(3) {
            guard let s = try n.float("conv_scale"), let c = try n.ints("conv_clamp"), c.count == 2 else {
                throw n.error("a residual needs the conv_scale and conv_clamp attributes")
            }
            qc = QuantizedOps.TensorQuant(scale: s, zeroPoint: try n.int("conv_zero_point", default: 0))
            let qr = try QuantizedOps.tensorQuant(n, input: 3)
            let add = try QuantizedKernels.addParams(n, a: qc, b: qr, y: qy, clamp: clamp)
            residual = (.input(try n.inputID(3)), 3, add)
            clamp = (c[0], c[1])
        }
        try QuantizedConv.lower(n, &b, geometry: g, x: .input(try n.inputID(0)), xType: x.dtype, xZeroPoint: qx.zeroPoint,
                                weights: w, wZeroPoints: qw.zeroPoint, bias: bias,
                                multipliers: QuantizedConv.multipliers(xScale: qx.scale, wScales: qw.scale, yScale: qc.scale, m: g.m),
                                y: .output(try n.outputID(0)), yType: y.dtype, yZeroPoint: qc.zeroPoint,
                                clamp: clamp, inPlace: true, residual: residual)
    }
}
