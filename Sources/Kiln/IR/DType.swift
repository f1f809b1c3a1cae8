/// Element type of a tensor. The raw value is ONNX's `TensorProto.DataType` code, so the frontend maps it
/// directly and error messages can quote the number a model file uses.
public enum DType: Int, CaseIterable, Sendable, Hashable {
    case float32 = 1, uint8 = 2, int8 = 3, uint16 = 4, int16 = 5, int32 = 6, int64 = 7
    case bool = 9, float16 = 10, float64 = 11, uint32 = 12, uint64 = 13, bfloat16 = 16

    /// Bytes per element in memory (and in ONNX raw_data).
    public var size: Int {
        switch self {
        case .bool, .int8, .uint8: return 1
        case .int16, .uint16, .float16, .bfloat16: return 2
        case .int32, .uint32, .float32: return 4
        case .int64, .uint64, .float64: return 8
        }
    }

    /// ONNX's spelling, used in messages and in `NAME.json`.
    public var onnxName: String {
        switch self {
        case .float32: return "float32"
        case .float64: return "float64"
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .uint16: return "uint16"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .bool: return "bool"
        }
    }

    /// Suffix of C kernel symbols: `kiln_<op>_<suffix>`.
    public var kernelSuffix: String {
        switch self {
        case .float32: return "f32"
        case .float64: return "f64"
        case .float16: return "f16"
        case .bfloat16: return "bf16"
        case .int8: return "i8"
        case .int16: return "i16"
        case .int32: return "i32"
        case .int64: return "i64"
        case .uint8: return "u8"
        case .uint16: return "u16"
        case .uint32: return "u32"
        case .uint64: return "u64"
        case .bool: return "bool"
        }
    }

    /// C storage type. Half-precision floats are stored as their bit pattern; bool as one byte (0 or 1).
    public var cType: String {
        switch self {
        case .float32: return "float"
        case .float64: return "double"
        case .float16, .bfloat16, .uint16: return "uint16_t"
        case .int8: return "int8_t"
        case .int16: return "int16_t"
        case .int32: return "int32_t"
        case .int64: return "int64_t"
        case .uint8, .bool: return "uint8_t"
        case .uint32: return "uint32_t"
        case .uint64: return "uint64_t"
        }
    }

    public var isFloat: Bool { [.float32, .float64, .float16, .bfloat16].contains(self) }
    public var isSignedInteger: Bool { [.int8, .int16, .int32, .int64].contains(self) }
    public var isUnsignedInteger: Bool { [.uint8, .uint16, .uint32, .uint64].contains(self) }
    public var isInteger: Bool { isSignedInteger || isUnsignedInteger }

    /// Parses the names used on the command line and in metadata (`float32`, `int8`, ...).
    public init?(name: String) {
        guard let t = DType.allCases.first(where: { $0.onnxName == name || $0.kernelSuffix == name }) else { return nil }
        self = t
    }
}
