/// Accumulates C source with indentation owned in one place, so emitters build text from structure
/// (`block`, `line`) instead of streams of braces.
public struct CPrinter {
    public private(set) var text = ""
    private var depth = 0
    public init() {}

    public mutating func line(_ s: String = "") {
        if s.isEmpty { text += "\n"; return }
        text += String(repeating: "    ", count: depth) + s + "\n"
    }

    /// Appends text printed by another printer, indented to this printer's current depth.
    public mutating func append(_ other: CPrinter) {
        for l in other.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { line(String(l)) }
    }

    public mutating func comment(_ s: String) { line("/* " + CText.comment(s, limit: 200) + " */") }

    /// `header {` ... `}` + `trailer`, with the body indented.
    public mutating func block(_ header: String, trailer: String = "", _ body: (inout CPrinter) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}" + trailer)
    }
}
