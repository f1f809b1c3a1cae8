/// DFT (opsets 17, 20): discrete Fourier transform along one signal axis of a real ([..., 1]) or complex
/// ([..., 2]) float32 signal; `dft_length` pads or truncates, `onesided` keeps L/2 + 1 bins (forward) or takes a
/// one-sided spectrum (inverse, real output [..., 1]), `inverse` scales by 1/L. The axis is an attribute before
/// opset 20 (default 1) and an input from 20 (default -2). Computed directly by `kiln_dft` with a compile-time
/// twiddle table.
public enum DFT: Operator {
    public static let opType = "DFT"

    struct Plan { var outer: Int, nIn: Int, inner: Int, cIn: Int, L: Int, nOut: Int, cOut: Int, inverse: Bool, mode: Int, y: TensorType }

    static func plan(_ n: NodeContext) throws -> Plan {
        let x = try n.input(0)
        try n.requireDType(x, [.float32])
        let r = x.rank
        guard r >= 2, x.shape[r - 1] == 1 || x.shape[r - 1] == 2 else {
            throw n.error("input must be [..., signal..., 1 or 2], it is \(x.shape)")
        }
        var axis: Int
        if n.opset >= 20 {
            axis = n.hasInput(2) ? try Fourier.scalar(n, 2, "axis") : -2
        } else {
            axis = try n.int("axis", default: 1)
        }
        if axis < 0 { axis += r }
        guard axis >= 0 && axis <= r - 2 else { throw n.error("axis is outside the signal dimensions of \(x.shape)") }
        let inverse = try n.int("inverse", default: 0) != 0, onesided = try n.int("onesided", default: 0) != 0
        let nIn = x.shape[axis]
        var L = inverse && onesided ? 2 * (nIn - 1) : nIn
        if n.hasInput(1) {
            L = try Fourier.scalar(n, 1, "dft_length")
            guard L > 0 else { throw n.error("dft_length must be positive, it is \(L)") }
        }
        guard L > 0 else { throw n.error("the transform length is \(L)") }
        guard L <= Fourier.maxLength else { throw n.unsupported("transform length \(L) is longer than \(Fourier.maxLength)") }
        let irfft = inverse && onesided
        let nOut = irfft || !onesided ? L : L / 2 + 1
        let cOut = irfft ? 1 : 2
        var shape = x.shape
        shape[axis] = nOut
        shape[r - 1] = cOut
        return Plan(outer: Array(x.shape[..<axis]).elementCount, nIn: nIn,
                    inner: Array(x.shape[(axis + 1)..<(r - 1)]).elementCount, cIn: x.shape[r - 1], L: L, nOut: nOut,
                    cOut: cOut, inverse: inverse, mode: irfft ? 1 : 0, y: TensorType(x.dtype, shape))
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try plan(n).y] }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n)
        let tw = b.constant(Fourier.twiddles(p.L), name: "\(n.name)_twiddles")
        b.call("kiln_dft_f32", source: "kiln_dft",
               [.input(try n.inputID(0)), .input(tw), .output(try n.outputID(0)), .int(p.outer), .int(p.nIn), .int(p.inner),
                .int(p.cIn), .int(p.L), .int(p.nOut), .int(p.cOut), .int(p.inverse ? 1 : 0), .int(p.mode)],
               macs: p.outer &* p.inner &* p.nOut &* p.L &* 4)
    }
}
