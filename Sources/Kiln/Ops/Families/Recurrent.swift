/// Shared implementation of the recurrent layers (RNN, GRU, LSTM): attribute and input validation for every
/// opset, output types, weight packing and lowering to the `kiln_rnn` / `kiln_gru` / `kiln_lstm` kernels.
///
/// Inputs (all opsets): X, W, R, B, sequence_lens, initial_h, and for LSTM initial_c, P.
/// Outputs: Y, Y_h, and for LSTM Y_c, each optional.
public struct RecurrentLayer {
    public enum Cell {
        case rnn, gru, lstm

        /// Gates per direction (rows of W are gates * hidden_size).
        var gates: Int {
            switch self { case .rnn: return 1; case .gru: return 3; case .lstm: return 4 }
        }
        /// Activation functions per direction (f; f, g; f, g, h).
        var activationCount: Int {
            switch self { case .rnn: return 1; case .gru: return 2; case .lstm: return 3 }
        }
        var defaultActivations: [String] {
            switch self {
            case .rnn: return ["Tanh"]
            case .gru: return ["Sigmoid", "Tanh"]
            case .lstm: return ["Sigmoid", "Tanh", "Tanh"]
            }
        }
        var outputCount: Int { self == .lstm ? 3 : 2 }
        var kernel: String {
            switch self { case .rnn: return "kiln_rnn"; case .gru: return "kiln_gru"; case .lstm: return "kiln_lstm" }
        }
        /// Scratch floats per kernel call (state and gates of one batch entry), see the kernel headers.
        func scratchFloats(hidden h: Int) -> Int {
            switch self { case .rnn: return 2 * h; case .gru: return 4 * h; case .lstm: return 6 * h }
        }
    }

    /// One activation function with its coefficients (KILN_RNN_* code in `kiln_rnn.h`).
    public struct Activation: Equatable {
        public var kind: Int
        public var alpha: Float
        public var beta: Float
    }

    /// Activation names (lowercased) → (code, uses alpha, uses beta, default alpha, default beta). Defaults follow
    /// the ONNX spec ("same as the corresponding ONNX operators").
    static let activationTable: [String: (kind: Int, alpha: Bool, beta: Bool, da: Float, db: Float)] = [
        "sigmoid": (0, false, false, 0, 0),
        "tanh": (1, false, false, 0, 0),
        "relu": (2, false, false, 0, 0),
        "affine": (3, true, true, 1, 0),
        "leakyrelu": (4, true, false, 0.01, 0),
        "thresholdedrelu": (5, true, false, 1, 0),
        "scaledtanh": (6, true, true, 1, 1),
        "hardsigmoid": (7, true, true, 0.2, 0.5),
        "elu": (8, true, false, 1, 0),
        "softsign": (9, false, false, 0, 0),
        "softplus": (10, false, false, 0, 0),
    ]

    public let cell: Cell
    public var seqLength = 0, batch = 0, inputSize = 0, hidden = 0, directions = 1
    public var layout = 0
    /// "forward", "reverse" or "bidirectional".
    public var direction = "forward"
    /// Per direction, `cell.activationCount` functions.
    public var activations: [[Activation]] = []
    public var clip: Float?
    /// LSTM input_forget, GRU linear_before_reset.
    public var flag = 0
    public var dtype: DType = .float32

    /// Parses and validates the node; throws for malformed models and unsupported variants.
    public init(_ n: NodeContext, cell: Cell) throws {
        self.cell = cell
        let G = cell.gates
        guard n.inputCount >= 3 else { throw n.error("needs at least the inputs X, W and R") }
        let maxInputs = cell == .lstm ? 8 : 6
        guard n.inputCount <= maxInputs else { throw n.error("has \(n.inputCount) inputs, at most \(maxInputs) are allowed") }
        guard n.outputCount <= cell.outputCount else {
            throw n.error("has \(n.outputCount) outputs, at most \(cell.outputCount) are allowed")
        }
        let x = try n.input(0), w = try n.input(1), r = try n.input(2)
        try n.requireSameDType([x, w, r])
        try n.requireDType(x, [.float32])
        dtype = x.dtype
        guard x.rank == 3 else { throw n.error("X must be 3-D, it is \(x.shape)") }
        guard w.rank == 3, r.rank == 3 else { throw n.error("W \(w.shape) and R \(r.shape) must be 3-D") }

        if n.opset >= 14 {
            layout = try n.int("layout", default: 0)
            guard layout == 0 || layout == 1 else { throw n.error("layout must be 0 or 1, it is \(layout)") }
        } else if n.has("layout") {
            throw n.error("attribute 'layout' exists only from opset 14")
        }
        if n.opset < 7, let os = try n.int("output_sequence"), os != 0 && os != 1 {
            throw n.error("output_sequence must be 0 or 1, it is \(os)")
        }
        seqLength = layout == 0 ? x.shape[0] : x.shape[1]
        batch = layout == 0 ? x.shape[1] : x.shape[0]
        inputSize = x.shape[2]

        direction = try n.string("direction", default: "forward")
        switch direction {
        case "forward", "reverse": directions = 1
        case "bidirectional": directions = 2
        default: throw n.error("direction must be forward, reverse or bidirectional, it is '\(KilnError.printable(direction))'")
        }
        let D = directions

        if let hs = try n.int("hidden_size") {
            guard hs > 0 else { throw n.error("hidden_size must be positive, it is \(hs)") }
            hidden = hs
        } else {
            hidden = r.shape[2]
        }
        let H = hidden
        let (gh, o1) = G.multipliedReportingOverflow(by: H)
        guard !o1, w.shape == [D, gh, inputSize] else {
            throw n.error("W must be [\(D), \(G)*\(H), \(inputSize)], it is \(w.shape)")
        }
        guard r.shape == [D, gh, H] else { throw n.error("R must be [\(D), \(gh), \(H)], it is \(r.shape)") }
        if n.hasInput(3) {
            let b = try n.input(3)
            guard b.dtype == dtype, b.shape == [D, 2 * gh] else { throw n.error("B must be \(dtype.onnxName) [\(D), \(2 * gh)], it is \(b)") }
        }
        if n.hasInput(4) {
            let s = try n.input(4)
            guard s.dtype == .int32 else { throw n.error("sequence_lens must be int32, it is \(s.dtype.onnxName)") }
            guard s.shape == [batch] else { throw n.error("sequence_lens must be [\(batch)], it is \(s.shape)") }
        }
        let stateShape = layout == 0 ? [D, batch, H] : [batch, D, H]
        for (i, what) in [(5, "initial_h"), (6, "initial_c")] where n.hasInput(i) {
            let s = try n.input(i)
            guard s.dtype == dtype, s.shape == stateShape else { throw n.error("\(what) must be \(dtype.onnxName) \(stateShape), it is \(s)") }
        }
        if n.hasInput(7) {
            let p = try n.input(7)
            guard p.dtype == dtype, p.shape == [D, 3 * H] else { throw n.error("P must be \(dtype.onnxName) [\(D), \(3 * H)], it is \(p)") }
        }

        if let c = try n.float("clip") {
            guard c > 0 else {
                throw n.error("clip must be positive, it is \(c)")
            }
            clip = c
        }
        switch cell {
        case .lstm:
            flag = try n.int("input_forget", default: 0)
            guard flag == 0 || flag == 1 else { throw n.error("input_forget must be 0 or 1, it is \(flag)") }
        case .gru:
            flag = n.opset >= 3 ? try n.int("linear_before_reset", default: 0) : 0
            guard flag == 0 || flag == 1 else { throw n.error("linear_before_reset must be 0 or 1, it is \(flag)") }
        case .rnn:
            break
        }
        activations = try RecurrentLayer.parseActivations(n, cell: cell, directions: D)
    }

    /// `activations` with `activation_alpha` / `activation_beta`: coefficients are consumed in list order by the
    /// functions that take them (as onnxruntime does); a list for one direction serves both of a bidirectional layer.
    static func parseActivations(_ n: NodeContext, cell: Cell, directions D: Int) throws -> [[Activation]] {
        let per = cell.activationCount
        var names = try n.strings("activations") ?? Array(repeating: cell.defaultActivations, count: D).flatMap { $0 }
        guard names.count == per * D || (D == 2 && names.count == per) else {
            throw n.error("activations lists \(names.count) functions, \(cell.activationCount * D) are needed")
        }
        let alphas = try n.floats("activation_alpha") ?? [], betas = try n.floats("activation_beta") ?? []
        var ai = 0, bi = 0
        var list: [Activation] = []
        for name in names {
            guard let e = activationTable[name.lowercased()] else {
                throw n.error("activation '\(KilnError.printable(name))' is not an RNN activation function")
            }
            var a = Activation(kind: e.kind, alpha: e.da, beta: e.db)
            if e.alpha, ai < alphas.count { a.alpha = alphas[ai]; ai += 1 }
            if e.beta, bi < betas.count { a.beta = betas[bi]; bi += 1 }
            list.append(a)
        }
        if list.count == per && D == 2 { list += list; names += names }
        return (0..<D).map { Array(list[($0 * per)..<(($0 + 1) * per)]) }
    }

    /// Y, Y_h (and Y_c) types, truncated to the outputs the node lists.
    public func outputTypes(_ n: NodeContext) -> [TensorType] {
        let D = directions, H = hidden
        let y = TensorType(dtype, layout == 0 ? [seqLength, D, batch, H] : [batch, seqLength, D, H])
        let state = TensorType(dtype, layout == 0 ? [D, batch, H] : [batch, D, H])
        return Array([y, state, state].prefix(min(n.outputCount, cell.outputCount)))
    }

    /// GRU with linear_before_reset keeps Rbh apart from the packed rows.
    var separateRecurrentBias: Bool { cell == .gru && flag == 1 }

    /// Floats of one packed direction block (see `kiln_rnn.h`).
    func packedFloatsPerDirection() -> Int? {
        let G = cell.gates, H = hidden
        let (row, o1) = (inputSize &+ H).addingReportingOverflow(1)
        guard !o1, let rows = [G, H, row].checkedElementCount(limit: Int(Int32.max)) else { return nil }
        let (total, o2) = rows.addingReportingOverflow(separateRecurrentBias ? H : 0)
        return o2 ? nil : total
    }

    /// Packs ONNX W [D, G*H, I], R [D, G*H, H], optional B [D, 2*G*H] exactly as `kiln_rnn_pack_f32` does:
    /// per direction, rows [W row, R row, Wb + Rb] (sum in float), then Rbh when kept apart.
    public static func pack(w: [Float], r: [Float], b: [Float]?, directions D: Int, gates G: Int, input I: Int,
                            hidden H: Int, separateRecurrentBias sep: Bool) -> [Float] {
        let GH = G * H, row = I + H + 1
        var out: [Float] = []
        out.reserveCapacity(D * (GH * row + (sep ? H : 0)))
        for d in 0..<D {
            let wd = d * GH * I, rd = d * GH * H, bd = d * 2 * GH
            for j in 0..<GH {
                out.append(contentsOf: w[(wd + j * I)..<(wd + (j + 1) * I)])
                out.append(contentsOf: r[(rd + j * H)..<(rd + (j + 1) * H)])
                if let b = b {
                    let split = sep && j >= 2 * H && j < 3 * H
                    out.append(split ? b[bd + j] : b[bd + j] + b[bd + GH + j])
                } else {
                    out.append(0)
                }
            }
            if sep {
                for k in 0..<H { out.append(b.map { $0[bd + GH + 2 * H + k] } ?? 0) }
            }
        }
        return out
    }

    public func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let D = directions, G = cell.gates, H = hidden
        guard let perDir = packedFloatsPerDirection(),
              let packedCount = [D, perDir].checkedElementCount(limit: Int(Int32.max) / 4),
              [seqLength, batch, D, H].checkedElementCount() != nil,
              [seqLength, batch, inputSize].checkedElementCount() != nil else {
            throw n.unsupported("layer is too large (sizes must fit in int32)")
        }
        // Weights: packed at compile time when W, R (and B) are constants, else by a kernel into scratch.
        let weights: KernelArg
        let bConst: TensorData? = n.hasInput(3) ? n.constant(3) : nil
        if let w = n.constant(1), let r = n.constant(2), !n.hasInput(3) || bConst != nil {
            let packed = RecurrentLayer.pack(w: w.doubles.map { Float($0) }, r: r.doubles.map { Float($0) },
                                             b: bConst.map { $0.doubles.map { Float($0) } }, directions: D, gates: G,
                                             input: inputSize, hidden: H, separateRecurrentBias: separateRecurrentBias)
            let t = TensorData(dtype: .float32, shape: [packed.count], doubles: packed.map { Double($0) })
            weights = .input(b.constant(t, name: "\(n.name)_packed"))
        } else {
            let s = b.scratch(bytes: max(packedCount * 4, 4))
            b.call("kiln_rnn_pack_f32", source: "kiln_rnn",
                   [.input(try n.inputID(1)), .input(try n.inputID(2)), n.hasInput(3) ? .input(try n.inputID(3)) : .null,
                    .scratch(s), .int(D), .int(G), .int(inputSize), .int(H), .int(separateRecurrentBias ? 1 : 0)])
            weights = .scratch(s)
        }
        // sequence_lens that are constant and all full length change nothing.
        var seqLens: KernelArg = .null
        if n.hasInput(4) {
            if let c = n.constant(4), c.ints.allSatisfy({ $0 >= seqLength }) {
                seqLens = .null
            } else {
                seqLens = .input(try n.inputID(4))
            }
        }
        func opt(_ i: Int) throws -> KernelArg { n.hasInput(i) ? .input(try n.inputID(i)) : .null }
        func out(_ i: Int) throws -> KernelArg { n.hasOutput(i) ? .output(try n.outputID(i)) : .null }
        let state = b.scratch(bytes: max(cell.scratchFloats(hidden: H) * 4, 4))
        let macs = seqLength &* batch &* D &* G &* H &* (inputSize &+ H)
        for d in 0..<D {
            let acts = activations[d]
            let reverse = direction == "reverse" || d == 1
            let kinds = (0..<3).map { $0 < acts.count ? acts[$0].kind : 0 }
            let params = [seqLength, batch, inputSize, H, D, d, reverse ? 1 : 0, layout, flag] + kinds + [clip == nil ? 0 : 1]
            let alphas = (0..<3).map { $0 < acts.count ? acts[$0].alpha : 0 }
            let betas = (0..<3).map { $0 < acts.count ? acts[$0].beta : 0 }
            let fparams = [clip ?? 0] + alphas + betas
            var args: [KernelArg] = [.input(try n.inputID(0)), weights, seqLens, try opt(5)]
            switch cell {
            case .lstm: args += [try opt(6), try opt(7), try out(0), try out(1), try out(2)]
            case .gru, .rnn: args += [try out(0), try out(1)]
            }
            args += [.scratch(state), .ints(params), .floats(fparams)]
            b.call("\(cell.kernel)_\(dtype.kernelSuffix)", source: cell.kernel, args, macs: macs / D)
        }
    }
}
