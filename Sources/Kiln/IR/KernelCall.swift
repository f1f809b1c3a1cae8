/// One argument of a kernel call, as the C emitter will print it.
public enum KernelArg: Equatable {
    /// Pointer to a tensor read by the kernel (`const T *`): a weight array or an arena buffer.
    case input(ValueID)
    /// Pointer to a tensor the kernel writes (`T *`), always in the arena.
    case output(ValueID)
    /// Pointer to step-local scratch memory in the arena, by index into `LoweringBuilder.scratch`.
    case scratch(Int)
    /// An `int32_t` literal (sizes, strides, flags). Values outside int32 are rejected by the emitter.
    case int(Int)
    /// An `int64_t` literal.
    case int64(Int64)
    /// A `float` literal, printed so that it round-trips exactly.
    case float(Float)
    /// A `double` literal.
    case double(Double)
    /// A `static const int32_t[]` table (shapes, strides, axes).
    case ints([Int])
    /// A `static const float[]` table (small per-call coefficients).
    case floats([Float])
    /// `NULL` for an absent optional tensor.
    case null
}

/// A call of one C kernel function; the scheduled IR is an ordered list of these.
public struct KernelCall: Equatable {
    /// C symbol, `kiln_<op>_<dtype>`.
    public var function: String
    /// Kernel source: `Templates/kernels/<isa>/<source>.c` with its header `<source>.h`.
    public var source: String
    public var args: [KernelArg]
    public var macs: Int
    public init(_ function: String, source: String, args: [KernelArg], macs: Int = 0) {
        self.function = function; self.source = source; self.args = args; self.macs = macs
    }
}

/// Collects what an operator's `lower` produces: kernel calls, scratch buffers, extra constants and in-place
/// permissions.
public struct LoweringBuilder {
    public let graph: Graph
    public private(set) var calls: [KernelCall] = []
    /// Scratch buffers (bytes), live only during this node's calls.
    public private(set) var scratch: [Int] = []
    /// (input index, output index) pairs the kernels can compute in place (the output may overwrite the input).
    public private(set) var inPlace: [(input: Int, output: Int)] = []

    public init(graph: Graph) { self.graph = graph }

    public mutating func call(_ function: String, source: String, _ args: [KernelArg], macs: Int = 0) {
        calls.append(KernelCall(function, source: source, args: args, macs: macs))
    }

    /// Reserves `bytes` of scratch memory and returns its index for `.scratch`.
    public mutating func scratch(bytes: Int) -> Int {
        scratch.append(bytes)
        return scratch.count - 1
    }

    /// Adds a compile-time tensor (repacked weights, tables) and returns it for `.input`.
    public mutating func constant(_ data: TensorData, name: String) -> ValueID {
        graph.addValue(name: name, constant: data).id
    }

    public mutating func allowInPlace(input: Int, output: Int) { inPlace.append((input, output)) }
}
