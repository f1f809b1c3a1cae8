/// BatchNormalization in inference form: y = (x - mean) / sqrt(var + epsilon) * scale + B per channel (dim 1).
/// Before opset 9 `spatial = 0` gives per-activation parameters of shape x.shape[1...]. With constant
/// parameters the compiler folds them into y = x * a + b. Since opset 14, training_mode = 1 normalizes with the
/// batch statistics and writes the running mean and variance outputs; the training forms of older opsets are not
/// supported.
public enum BatchNormalization: Operator {
    public static let opType = "BatchNormalization"

    struct Layout { var n: Int, c: Int, inner: Int, paramShape: [Int] }

    static func layout(_ n: NodeContext) throws -> Layout {
        let x = try n.input(0)
        try n.requireDType(x, Normalization.floats)
        guard x.rank >= 2 else { throw n.error("input must have rank >= 2") }
        let spatial = n.opset < 9 ? try n.int("spatial", default: 1) : 1
        if spatial == 0 {
            let c = x.shape[1...].reduce(1, *)
            return Layout(n: x.shape[0], c: c, inner: 1, paramShape: Array(x.shape[1...]))
        }
        return Layout(n: x.shape[0], c: x.shape[1], inner: x.shape[2...].reduce(1, *), paramShape: [x.shape[1]])
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let l = try layout(n)
        for i in 1...4 {
            let p = try n.input(i)
            guard p.dtype == x.dtype || n.opset >= 15 && Normalization.floats.contains(p.dtype) else {
                throw n.error("parameter \(i) type \(p.dtype.onnxName) does not match input type")
            }
            guard p.count == l.paramShape.reduce(1, *) else {
                throw n.error("parameter \(i) has shape \(p.shape), expected \(l.paramShape)")
            }
        }
        if try training(n) {
            guard (1...4).allSatisfy({ (try? n.input($0).dtype) == x.dtype }) else {
                throw n.unsupported("training_mode = 1 with parameters of another type")
            }
            let stat = TensorType(x.dtype, l.paramShape)
            return [x, stat, stat]
        }
        if n.opset < 7, try n.int("is_test", default: 0) == 0, (1..<n.outputCount).contains(where: n.hasOutput) {
            throw n.unsupported("the training form (is_test = 0 with statistics outputs) is not supported")
        }
        if (1..<n.outputCount).contains(where: n.hasOutput) {
            throw n.unsupported("the running statistics outputs (training form) are not supported")
        }
        return [x]
    }

    static func training(_ n: NodeContext) throws -> Bool {
        try n.opset >= 14 && n.int("training_mode", default: 0) != 0
    }

    /// Per-channel (a, b) with y = x * a + b, when every parameter is constant.
    static func affine(_ n: NodeContext) throws -> (a: [Double], b: [Double])? {
        guard let s = n.constant(1), let bias = n.constant(2), let m = n.constant(3), let v = n.constant(4) else { return nil }
        let eps = Double(try n.float("epsilon", default: 1e-5))
        let sv = s.doubles, bv = bias.doubles, mv = m.doubles, vv = v.doubles
        var a: [Double] = [], b: [Double] = []
        for i in 0..<sv.count {
            let ai = sv[i] / (vv[i] + eps).squareRoot()
            a.append(ai)
            b.append(bv[i] - mv[i] * ai)
        }
        return (a, b)
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let x = try n.input(0)
        let l = try layout(n)
        if x.count == 0 { return }
        let sfx = x.dtype.kernelSuffix
        let same = (1...4).allSatisfy { (try? n.input($0).dtype) == x.dtype }
        if try training(n) {
            b.call("kiln_batchnorm_train_\(sfx)", source: "kiln_norm",
                   [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)),
                    .input(try n.inputID(3)), .input(try n.inputID(4)), .output(try n.outputID(0)),
                    n.hasOutput(1) ? .output(try n.outputID(1)) : .null, n.hasOutput(2) ? .output(try n.outputID(2)) : .null,
                    .int(l.n), .int(l.c), .int(l.inner), .float(try n.float("epsilon", default: 1e-5)),
                    .float(try n.float("momentum", default: 0.9))], macs: 3 * x.count)
            return
        }
        if let ab = try affine(n) {
            let a = b.constant(TensorData(dtype: x.dtype, shape: [l.c], doubles: ab.a), name: "\(n.name)_a")
            let c = b.constant(TensorData(dtype: x.dtype, shape: [l.c], doubles: ab.b), name: "\(n.name)_b")
            b.call("kiln_affine_\(sfx)", source: "kiln_norm",
                   [.input(try n.inputID(0)), .input(a), .input(c), .output(try n.outputID(0)),
                    .int(l.n), .int(l.c), .int(l.inner)], macs: x.count)
        } else {
            guard same else { throw n.unsupported("run-time parameters of a different type than the input") }
            b.call("kiln_batchnorm_\(sfx)", source: "kiln_norm",
                   [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)),
                    .input(try n.inputID(3)), .input(try n.inputID(4)), .output(try n.outputID(0)),
                    .int(l.n), .int(l.c), .int(l.inner), .float(try n.float("epsilon", default: 1e-5))],
                   macs: x.count)
        }
        b.allowInPlace(input: 0, output: 0)
    }
}
