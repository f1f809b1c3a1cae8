/// Attributes shared by operators that slide a window over spatial dims (Conv, ConvTranspose, pools):
/// kernel shape, strides, dilations, pads and auto_pad. Dims are the spatial ones only (N and C excluded).
public struct SpatialFilter {
    public var kernel: [Int]
    public var strides: [Int]
    public var dilations: [Int]
    /// Begin pads then end pads, ONNX order: [x1_begin, x2_begin, ..., x1_end, x2_end, ...].
    public var pads: [Int]
    public var autoPad: String

    public var rank: Int { kernel.count }
    /// Largest kernel size, stride, dilation or pad accepted (products of two stay well inside Int).
    public static let maxAttribute = 1 << 24
    public var padBegin: [Int] { Array(pads[0..<rank]) }
    public var padEnd: [Int] { Array(pads[rank...]) }

    /// Reads the attributes; `kernel` comes from the weights (Conv) or `kernel_shape` (pools).
    public init(_ n: NodeContext, kernel: [Int]) throws {
        let r = kernel.count
        self.kernel = kernel
        strides = try n.ints("strides") ?? [Int](repeating: 1, count: r)
        dilations = try n.ints("dilations") ?? [Int](repeating: 1, count: r)
        pads = try n.ints("pads") ?? [Int](repeating: 0, count: 2 * r)
        autoPad = try n.string("auto_pad", default: "NOTSET")
        guard strides.count == r, dilations.count == r, pads.count == 2 * r else {
            throw n.error("strides/dilations/pads do not match the kernel rank \(r)")
        }
        guard strides.allSatisfy({ $0 > 0 }), dilations.allSatisfy({ $0 > 0 }), pads.allSatisfy({ $0 >= 0 }),
              kernel.allSatisfy({ $0 > 0 }) else {
            throw n.error("kernel, strides and dilations must be positive and pads non-negative")
        }
        // Bounds keep every window computation far from Int overflow.
        guard (kernel + strides + dilations + pads).allSatisfy({ $0 <= SpatialFilter.maxAttribute }) else {
            throw n.unsupported("kernel, stride, dilation or pad values above \(SpatialFilter.maxAttribute)")
        }
        guard ["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"].contains(autoPad) else {
            throw n.error("auto_pad '\(KilnError.printable(autoPad))' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID")
        }
    }

    /// Output spatial size for `input` spatial size; resolves auto_pad into explicit `pads`.
    public mutating func outputSize(_ input: [Int], ceilMode: Bool = false, _ n: NodeContext) throws -> [Int] {
        var out: [Int] = []
        for i in 0..<rank {
            let effK = dilations[i] * (kernel[i] - 1) + 1
            switch autoPad {
            case "SAME_UPPER", "SAME_LOWER":
                let o = (input[i] + strides[i] - 1) / strides[i]
                let total = max(0, (o - 1) * strides[i] + effK - input[i])
                let small = total / 2, large = total - small
                pads[i] = autoPad == "SAME_UPPER" ? small : large
                pads[i + rank] = autoPad == "SAME_UPPER" ? large : small
                out.append(o)
            case "VALID":
                pads[i] = 0; pads[i + rank] = 0
                let span = input[i] - effK
                guard span >= 0 else { throw n.error("kernel \(kernel) does not fit input \(input)") }
                out.append((ceilMode ? (span + strides[i] - 1) : span) / strides[i] + 1)
            default:
                let span = input[i] + pads[i] + pads[i + rank] - effK
                guard span >= 0 else { throw n.error("kernel \(kernel) with pads \(pads) does not fit input \(input)") }
                var o = (ceilMode ? (span + strides[i] - 1) : span) / strides[i] + 1
                // ceil_mode must not start a window entirely in the end padding.
                if ceilMode && (o - 1) * strides[i] >= input[i] + pads[i] { o -= 1 }
                out.append(o)
            }
        }
        return out
    }
}
