// Structured mode (KILN_FUZZ_MODE=ops): the fuzzer's bytes drive a small graph generator instead of being an .onnx
// file, so that every operator's attribute parsing, shape inference, folding and lowering meets extreme values —
// the numbers a hostile model controls (axes, pads, perms, shapes, Int64.min, NaN) — on valid-looking graphs that
// the protobuf decoder would rarely let byte mutations reach. Graphs respect what the importer guarantees (typed
// inputs with at most 2^28 elements, constants with consistent payloads) and go through the same pipeline.
import Foundation
import Kiln

/// Reads the input as a stream of choices; past the end every read is 0.
struct Choices {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    var at = 0

    mutating func byte() -> Int {
        guard at < count else { return 0 }
        defer { at += 1 }
        return Int(bytes[at])
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : (n <= 256 ? byte() % n : (byte() << 8 | byte()) % n) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    mutating func flag() -> Bool { byte() & 1 == 1 }
}

enum OpFuzz {
    static let ints: [Int64] = [0, 1, -1, 2, 3, 4, -2, -3, 5, 7, 8, 16, 255, 256, 1000, 65535, 1 << 20,
                                Int64(Int32.max), Int64(Int32.min), 1 << 31, -(1 << 31) - 1, 1 << 40, Int64.max, Int64.min]
    static let floats: [Double] = [0, 1, -1, 0.5, -0.0, 2, 1e-7, 1e38, -1e38, .infinity, -.infinity, .nan, 3.4e38, 65504]
    static let dims = [0, 1, 1, 2, 2, 3, 3, 4, 5, 8, 16]
    static let dtypes: [DType] = [.float32, .float32, .int64, .int64, .int32, .uint8, .int8, .bool, .float16, .float64,
                                  .uint64, .bfloat16, .int16, .uint16, .uint32]
    static let opsets = [1, 6, 7, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28]
    static let attributeNames = [
        "axis", "axes", "perm", "pads", "strides", "kernel_shape", "dilations", "group", "to", "transA", "transB",
        "alpha", "beta", "keepdims", "mode", "split", "starts", "ends", "steps", "value", "blocksize", "detect_negative",
        "detect_positive", "direction", "reduction", "exclusive", "reverse", "upper", "k", "largest", "sorted",
        "batch_dims", "num_outputs", "auto_pad", "ceil_mode", "count_include_pad", "epsilon", "momentum",
        "coordinate_transformation_mode", "nearest_mode", "cubic_coeff_a", "exclude_outside", "extrapolation_value",
        "antialias", "keep_aspect_ratio_policy", "scales", "sizes", "allowzero", "saturate", "fmod", "dtype", "shape",
        "start", "end", "output_padding", "output_shape", "lambd", "bias", "gamma", "min", "max", "approximate",
        "time_axis", "batch_axis", "broadcast", "value_int", "value_ints", "value_float", "value_floats", "select_last_index",
        "noop_with_empty_axes", "storage_order", "stash_type", "training_mode", "layout", "hidden_size", "p",
    ]
    static let strings = ["", "constant", "reflect", "edge", "wrap", "linear", "nearest", "cubic", "NOTSET", "SAME_UPPER",
                          "SAME_LOWER", "VALID", "tanh", "none", "half_pixel", "asymmetric", "align_corners",
                          "pytorch_half_pixel", "tf_crop_and_resize", "round_prefer_floor", "round_prefer_ceil", "floor",
                          "ceil", "DCR", "CRD", "LEFT", "RIGHT", "add", "mul", "max", "min", "stretch", "not_larger",
                          "not_smaller", "bogus\n*/"]

    static func shape(_ c: inout Choices) -> [Int] {
        let rank = c.below(6)
        var s = (0..<rank).map { _ in c.pick(dims) }
        if c.below(16) == 0, rank > 0 { s[c.below(rank)] = c.pick([64, 100, 1000, 4096]) }
        // Keep the importer's guarantee (and the fuzzer's speed): at most 2^16 elements.
        while (s.checkedElementCount(limit: 1 << 16) == nil) { s[s.firstIndex(where: { $0 > 1 }) ?? 0] = 1 }
        return s
    }

    static func tensor(_ c: inout Choices, _ dtype: DType, _ shape: [Int]) -> TensorData {
        let n = shape.elementCount
        if dtype.isFloat {
            return TensorData(dtype: dtype, shape: shape, doubles: (0..<n).map { _ in c.flag() ? Double(c.pick(ints)) : c.pick(floats) })
        }
        return TensorData(dtype: dtype, shape: shape, int64s: (0..<n).map { _ in c.pick(ints) })
    }

    static func attribute(_ c: inout Choices) -> Attribute {
        switch c.below(7) {
        case 0, 1: return .int(Int(c.pick(ints)))
        case 2: return .ints((0..<c.below(7)).map { _ in Int(c.pick(ints)) })
        case 3: return .float(Float(c.pick(floats)))
        case 4: return .floats((0..<c.below(5)).map { _ in Float(c.pick(floats)) })
        case 5: return .string(c.pick(strings))
        default:
            let dt = c.pick(dtypes)
            let s = c.flag() ? [1] : Array(shape(&c).prefix(2))
            return .tensor(tensor(&c, dt, s))
        }
    }

    static func build(_ c: inout Choices) -> Graph {
        let g = Graph(sourceFile: "fuzz-ops.onnx")
        g.opsets = ["": c.pick(opsets)]
        var available: [ValueID] = []
        var nodes: [Node] = []
        for k in 0..<(1 + c.below(3)) {
            let op = c.pick(OperatorTable.all)
            var inputs: [ValueID?] = []
            for i in 0..<c.below(6) {
                switch c.below(6) {
                case 0 where !available.isEmpty: inputs.append(c.pick(available))
                case 1: inputs.append(nil)
                case 2, 3:
                    let dt = c.pick(dtypes)
                    let s = c.below(3) == 0 ? [c.below(5)] : shape(&c)
                    inputs.append(g.addValue(name: "c\(k)_\(i)", constant: tensor(&c, dt, s)).id)
                default:
                    let v = g.addValue(name: "x\(k)_\(i)", type: TensorType(c.pick(dtypes), shape(&c)))
                    g.inputs.append(v.id)
                    inputs.append(v.id)
                }
            }
            var attributes: [String: Attribute] = [:]
            for _ in 0..<c.below(5) { attributes[c.pick(attributeNames)] = attribute(&c) }
            let outs: [ValueID?] = (0..<(1 + c.below(3))).map { j in g.addValue(name: "y\(k)_\(j)").id }
            let n = g.addNode(name: "n\(k)", opType: op.opType, domain: op.domain, attributes: attributes,
                              inputs: inputs, outputs: outs)
            nodes.append(n)
            available += outs.compactMap { $0 }
        }
        g.nodes = nodes
        g.outputs = [available.last!] + (c.flag() ? Array(available.dropLast().prefix(1)) : [])
        return g
    }

    static func run(_ bytes: UnsafePointer<UInt8>?, _ size: Int, targets: [TargetDescription]) -> CInt {
        guard let bytes, size > 0 else { return 0 }
        var c = Choices(bytes: bytes, count: size)
        var options = CompileOptions(target: targets[c.below(targets.count)])
        // Limits as on a large board: a tiny input that asks for gigabytes must be refused, not computed.
        options.maxRAM = 64 << 20
        options.maxFlash = 64 << 20
        let g = build(&c)
        do {
            let compiled = try Compiler.compile(graph: g, options: options)
            _ = Inspector.report(compiled)
        } catch let e as KilnError {
            if e.description.contains("\n") { fail("multi-line error message: \(e.description.debugDescription)") }
        } catch {
            fail("error that is not a KilnError: \(error)")
        }
        return 0
    }
}
