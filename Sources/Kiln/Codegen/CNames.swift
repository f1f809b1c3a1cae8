/// Turns untrusted model strings into C: identifiers by a collision-free mapping, comments by escaping.
public struct CIdentifiers {
    private var used: Set<String>
    private var assigned: [String: String] = [:]

    /// C99 keywords and names the generated code or the C library already use.
    public static let reserved: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Bool", "_Complex", "_Imaginary", "main", "NULL",
    ]

    public init(reserving: [String] = []) { used = CIdentifiers.reserved.union(reserving) }

    /// Keeps ASCII letters, digits and `_`, replaces every other character (and runs of them) with one `_`,
    /// and truncates; the result starts with `prefix`.
    public static func sanitize(_ s: String, maxLength: Int = 48) -> String {
        var out = ""
        var lastUnderscore = false
        for u in s.unicodeScalars {
            let ok = (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9")
            if ok { out.unicodeScalars.append(u); lastUnderscore = false }
            else if !lastUnderscore { out += "_"; lastUnderscore = true }
            if out.count >= maxLength { break }
        }
        return out
    }

    /// A unique identifier `prefix_<sanitized display name>`; asking again for the same key returns the same name,
    /// and two keys whose names sanitize alike get `_2`, `_3`... in the order they are first asked for.
    public mutating func name(for key: String, prefix: String, display: String? = nil) -> String {
        let k = prefix + "\u{0}" + key
        if let n = assigned[k] { return n }
        let s = CIdentifiers.sanitize(display ?? key)
        var base = s.isEmpty ? prefix : "\(prefix)_\(s)"
        while base.hasSuffix("_") && base.count > prefix.count { base.removeLast() }
        var candidate = base
        var n = 2
        while used.contains(candidate) { candidate = "\(base)_\(n)"; n += 1 }
        used.insert(candidate)
        assigned[k] = candidate
        return candidate
    }

    /// Whether `s` is a valid C identifier that is not a keyword (used to validate `--prefix`).
    public static func isValid(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, (f >= "a" && f <= "z") || (f >= "A" && f <= "Z") || f == "_" else { return false }
        let ok = s.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
        return ok && !reserved.contains(s) && s.count <= 64
    }
}

public enum CText {
    /// Text safe inside `/* ... */`: printable ASCII except `*`, `/`, `\` and `?` (no comment terminators,
    /// no nested-comment warnings, no trigraphs, no line splices); anything else becomes `\xNN` or `\u{...}`.
    public static func comment(_ s: String, limit: Int = 80) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if out.count >= limit { out += "..."; break }
            if u.value >= 0x20 && u.value < 0x7f && !"*/\\?".unicodeScalars.contains(u) {
                out.unicodeScalars.append(u)
            } else if u.value < 0x80 {
                out += "\\x" + String(u.value, radix: 16, uppercase: false).leftPadded(2)
            } else {
                out += "\\u{" + String(u.value, radix: 16) + "}"
            }
        }
        return out
    }

    /// A `float` literal that reads back to exactly the same value (Swift prints the shortest round-trip form).
    public static func float(_ f: Float) -> String {
        if f.isNaN { return "NAN" }
        if f.isInfinite { return f < 0 ? "-INFINITY" : "INFINITY" }
        var s = "\(f)"
        if !s.contains(".") && !s.contains("e") { s += ".0" }
        return s + "f"
    }

    /// A `double` literal that reads back exactly.
    public static func double(_ d: Double) -> String {
        if d.isNaN { return "NAN" }
        if d.isInfinite { return d < 0 ? "-INFINITY" : "INFINITY" }
        var s = "\(d)"
        if !s.contains(".") && !s.contains("e") { s += ".0" }
        return s
    }

    /// An integer literal of the given C type that is valid for the type's whole range (INT64_MIN included).
    public static func integer(_ v: Int64, _ dtype: DType) -> String {
        switch dtype {
        case .int64:
            return v == Int64.min ? "(-INT64_C(9223372036854775807) - 1)" : "INT64_C(\(v))"
        case .uint64: return "UINT64_C(\(UInt64(bitPattern: v)))"
        case .uint32: return "\(UInt32(truncatingIfNeeded: v))u"
        case .int32: return v == Int64(Int32.min) ? "(-2147483647 - 1)" : "\(v)"
        default: return "\(v)"
        }
    }
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
