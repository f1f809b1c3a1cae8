/// STFT (opset 17): short-time Fourier transform of a [batch, length, 1 or 2] float32 signal with frames of
/// frame_length (the window's length when a window is given) every frame_step samples, each multiplied by the
/// window and transformed; output [batch, frames, bins, 2], bins = L/2 + 1 when onesided (default) else L.
public enum STFT: Operator {
    public static let opType = "STFT"

    struct Plan { var batch: Int, length: Int, cIn: Int, frames: Int, step: Int, L: Int, nOut: Int }

    static func plan(_ n: NodeContext) throws -> Plan {
        let x = try n.input(0)
        try n.requireDType(x, [.float32])
        guard x.rank == 3, x.shape[2] == 1 || x.shape[2] == 2 else {
            throw n.error("signal must be [batch, length, 1 or 2], it is \(x.shape)")
        }
        let step = try Fourier.scalar(n, 1, "frame_step")
        guard step > 0 else { throw n.error("frame_step must be positive, it is \(step)") }
        var L: Int? = nil
        if n.hasInput(2) {
            let w = try n.input(2)
            guard w.rank == 1, w.dtype == x.dtype else { throw n.error("window must be a 1-D \(x.dtype.onnxName) tensor, it is \(w)") }
            L = w.shape[0]
        }
        if n.hasInput(3) {
            let fl = try Fourier.scalar(n, 3, "frame_length")
            if let l = L, l != fl { throw n.error("frame_length \(fl) differs from the window length \(l)") }
            L = fl
        }
        let len = L ?? x.shape[1]
        guard len > 0, len <= x.shape[1] else {
            throw n.error("frame length \(len) must be in 1...\(x.shape[1]) (the signal length)")
        }
        guard len <= Fourier.maxLength else { throw n.unsupported("frame length \(len) is longer than \(Fourier.maxLength)") }
        let onesided = try n.int("onesided", default: 1) != 0
        return Plan(batch: x.shape[0], length: x.shape[1], cIn: x.shape[2], frames: 1 + (x.shape[1] - len) / step,
                    step: step, L: len, nOut: onesided ? len / 2 + 1 : len)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let p = try plan(n)
        return [TensorType(try n.input(0).dtype, [p.batch, p.frames, p.nOut, 2])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let p = try plan(n)
        let tw = b.constant(Fourier.twiddles(p.L), name: "\(n.name)_twiddles")
        b.call("kiln_stft_f32", source: "kiln_dft",
               [.input(try n.inputID(0)), n.hasInput(2) ? .input(try n.inputID(2)) : .null, .input(tw),
                .output(try n.outputID(0)), .int(p.batch), .int(p.length), .int(p.cIn), .int(p.frames), .int(p.step),
                .int(p.L), .int(p.nOut)],
               macs: p.batch &* p.frames &* p.nOut &* p.L &* 4)
    }
}
