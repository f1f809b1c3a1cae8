import Foundation
import ONNX

/// Converts between ONNX `TensorProto` and `TensorData`, validating everything a hostile file could get wrong:
/// unknown dtypes, negative or overflowing dims, payloads shorter or longer than the shape, external data paths.
public enum TensorProtoCoding {
    /// Largest tensor Kiln accepts, in elements; larger ones cannot fit any microcontroller and would only
    /// let a malformed file make the compiler allocate without bound.
    public static let maxElements = 1 << 28

    /// Decodes a tensor. `baseDirectory` is the model's folder, needed only for external data.
    public static func decode(_ t: Onnx_TensorProto, baseDirectory: URL?, file: String, what: String) throws -> TensorData {
        func fail(_ m: String) -> KilnError { .bad("\(what): \(m)", file: file) }
        guard let dtype = DType(rawValue: Int(t.dataType)) else {
            throw KilnError.unsupported("\(what): tensor data type \(t.dataType) (\(dtypeName(t.dataType))) is not supported", file: file)
        }
        let shape = t.dims.map { Int(clamping: $0) }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("negative dimension in \(shape)") }
        guard let count = shape.checkedElementCount(limit: maxElements) else {
            throw fail("shape \(shape) has more than \(maxElements) elements")
        }
        let nbytes = count * dtype.size

        if t.hasDataLocation && t.dataLocation == .external {
            let raw = try ExternalData.read(t.externalData, baseDirectory: baseDirectory, file: file, what: what, expectedBytes: nbytes)
            return TensorData(dtype: dtype, shape: shape, bytes: raw)
        }
        if t.hasRawData {
            guard t.rawData.count == nbytes else { throw fail("raw_data holds \(t.rawData.count) bytes, shape \(shape) of \(dtype.onnxName) needs \(nbytes)") }
            return TensorData(dtype: dtype, shape: shape, bytes: [UInt8](t.rawData))
        }
        // Typed fields: ONNX stores small integer types and half floats widened into int32_data.
        func checkCount(_ n: Int, _ field: String) throws {
            guard n == count else { throw fail("\(field) holds \(n) values, shape \(shape) needs \(count)") }
        }
        switch dtype {
        case .float32:
            try checkCount(t.floatData.count, "float_data")
            return TensorData(dtype: dtype, shape: shape, bytes: littleEndianBytes(t.floatData.map { UInt64($0.bitPattern) }, 4))
        case .float64:
            try checkCount(t.doubleData.count, "double_data")
            return TensorData(dtype: dtype, shape: shape, bytes: littleEndianBytes(t.doubleData.map { $0.bitPattern }, 8))
        case .int64:
            try checkCount(t.int64Data.count, "int64_data")
            return TensorData(dtype: dtype, shape: shape, int64s: t.int64Data)
        case .uint32, .uint64:
            try checkCount(t.uint64Data.count, "uint64_data")
            return TensorData(dtype: dtype, shape: shape, int64s: t.uint64Data.map { Int64(bitPattern: $0) })
        case .int8, .int16, .int32, .uint8, .uint16, .bool, .float16, .bfloat16:
            try checkCount(t.int32Data.count, "int32_data")
            return TensorData(dtype: dtype, shape: shape, bytes: littleEndianBytes(t.int32Data.map { UInt64(UInt32(bitPattern: $0)) }, dtype.size))
        }
    }

    /// Encodes a tensor as `raw_data`, the form ONNX's own test data uses.
    public static func encode(_ d: TensorData, name: String) -> Onnx_TensorProto {
        var t = Onnx_TensorProto()
        t.name = name
        t.dataType = Int32(d.dtype.rawValue)
        t.dims = d.shape.map { Int64($0) }
        t.rawData = Data(d.bytes)
        return t
    }

    /// Reads a serialized TensorProto (`input_0.pb`).
    public static func readFile(_ url: URL) throws -> (name: String, data: TensorData) {
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch { throw KilnError.bad("cannot read tensor file", file: url.path) }
        let proto: Onnx_TensorProto
        do { proto = try Onnx_TensorProto(serializedBytes: bytes) } catch {
            throw KilnError.bad("not a TensorProto: \(error)", file: url.path)
        }
        return (proto.name, try decode(proto, baseDirectory: nil, file: url.path, what: "tensor '\(KilnError.printable(proto.name))'"))
    }

    public static func writeFile(_ d: TensorData, name: String, to url: URL) throws {
        let bytes: Data = try encode(d, name: name).serializedBytes()
        try bytes.write(to: url)
    }

    static func littleEndianBytes(_ words: [UInt64], _ size: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(words.count * size)
        for w in words { for k in 0..<size { out.append(UInt8(truncatingIfNeeded: w >> (8 * UInt64(k)))) } }
        return out
    }

    static func dtypeName(_ code: Int32) -> String {
        if let d = DType(rawValue: Int(code)) { return d.onnxName }
        switch code {
        case 0: return "UNDEFINED"
        case 8: return "STRING"
        case 14: return "COMPLEX64"
        case 15: return "COMPLEX128"
        case 17...20: return "FLOAT8"
        case 21, 22: return "INT4/UINT4"
        case 23: return "FLOAT4E2M1"
        default: return "unknown"
        }
    }
}

/// ONNX external data: tensors whose bytes live in files next to the model. The location is untrusted, so it must
/// name a regular file inside the model's folder after resolving symlinks; absolute paths and `..` are refused.
enum ExternalData {
    /// Reads exactly `expectedBytes` (the tensor's size): a range of another size is an error found before reading.
    static func read(_ entries: [Onnx_StringStringEntryProto], baseDirectory: URL?, file: String, what: String,
                     expectedBytes: Int) throws -> [UInt8] {
        func fail(_ m: String) -> KilnError { .bad("\(what): external data \(m)", file: file) }
        var location: String?
        var offset = 0, length: Int?
        for e in entries {
            switch e.key {
            case "location": location = e.value
            case "offset":
                guard let v = Int(e.value), v >= 0 else { throw fail("offset '\(KilnError.printable(e.value))' is not a non-negative integer") }
                offset = v
            case "length":
                guard let v = Int(e.value), v >= 0 else { throw fail("length '\(KilnError.printable(e.value))' is not a non-negative integer") }
                length = v
            default: break
            }
        }
        guard let loc = location, !loc.isEmpty else { throw fail("has no location") }
        guard let base = baseDirectory else { throw fail("is not allowed here (no model folder)") }
        let shown = KilnError.printable(loc)
        if loc.utf8.contains(0) { throw fail("location '\(shown)' contains a NUL byte") }
        if loc.hasPrefix("/") || loc.hasPrefix("\\") || loc.contains(":") { throw fail("location '\(shown)' is absolute; it must be relative to the model's folder") }
        let parts = loc.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains(where: { $0 == ".." }) { throw fail("location '\(shown)' escapes the model's folder") }
        // Symlinks are resolved by the C library (realpath) and the result must still lie inside the folder.
        guard let root = realPath(base.path) else { throw fail("cannot resolve the model's folder") }
        let joined = base.path + "/" + parts.joined(separator: "/")
        guard let target = realPath(joined) else { throw fail("file '\(shown)' does not exist") }
        guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw fail("location '\(shown)' resolves outside the model's folder")
        }
        // Regular files only: a FIFO would block the compiler, a device would never end.
        let attributes = try? FileManager.default.attributesOfItem(atPath: target)
        guard let type = attributes?[.type] as? FileAttributeType else { throw fail("file '\(shown)' does not exist") }
        guard type == .typeRegular else { throw fail("file '\(shown)' is not a regular file") }
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard offset <= size else { throw fail("offset \(offset) is past the end of '\(shown)' (\(size) bytes)") }
        let n = length ?? (size - offset)
        guard n <= size - offset else {
            throw fail("range offset \(offset) length \(n) is outside '\(shown)' (\(size) bytes)")
        }
        guard n == expectedBytes else {
            throw fail("holds \(n) bytes\(length == nil ? "" : " (length)"), the tensor needs \(expectedBytes)")
        }
        guard let h = FileHandle(forReadingAtPath: target) else { throw fail("file '\(shown)' cannot be opened") }
        defer { try? h.close() }
        do { try h.seek(toOffset: UInt64(offset)) } catch { throw fail("cannot seek in '\(shown)'") }
        let bytes = [UInt8](h.readData(ofLength: n))
        guard bytes.count == n else { throw fail("file '\(shown)' changed while it was read") }
        return bytes
    }

    static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
