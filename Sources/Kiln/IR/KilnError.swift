import Foundation

/// Every error Kiln reports about its input. The CLI prints `description` as one line and exits 2
/// (bad input or unsupported model); internal failures of the toolchain use `.tool` and exit 1.
public struct KilnError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Equatable, Sendable {
        /// The model or an argument is malformed or inconsistent.
        case badInput
        /// Well-formed but outside what Kiln compiles (op, dtype, attribute value, data-dependent shape).
        case unsupported
        /// A tool Kiln runs (cc, QEMU) failed, or a run produced wrong results.
        case tool
    }
    public var kind: Kind
    public var file: String?
    public var node: String?
    public var op: String?
    public var message: String

    public init(_ kind: Kind, _ message: String, file: String? = nil, node: String? = nil, op: String? = nil) {
        self.kind = kind; self.message = message; self.file = file; self.node = node; self.op = op
    }

    public static func bad(_ m: String, file: String? = nil) -> KilnError { KilnError(.badInput, m, file: file) }
    public static func unsupported(_ m: String, file: String? = nil) -> KilnError { KilnError(.unsupported, m, file: file) }

    /// One line: `FILE: node 'NAME' (OP): message`. Names are escaped so a hostile model cannot break the line.
    public var description: String {
        var parts: [String] = []
        if let f = file { parts.append(f) }
        if let o = op {
            let n = node.map { "node '\(KilnError.printable($0))'" } ?? "node"
            parts.append("\(n) (\(KilnError.printable(o)))")
        }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    public var exitCode: Int32 { kind == .tool ? 1 : 2 }

    /// Escapes control characters and non-ASCII so diagnostics stay on one line and in the terminal's charset.
    public static func printable(_ s: String, limit: Int = 120) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if out.count >= limit { out += "..."; break }
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            case _ where u.value < 0x20 || u.value == 0x7f: out += String(format: "\\x%02x", u.value)
            case _ where u.value > 0x7e: out += "\\u{\(String(u.value, radix: 16))}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
