import Foundation

/// The C kernels embedded from `Templates/kernels/`. A kernel `NAME` is `NAME.c` + `NAME.h`; its dependencies
/// are the kernel headers it includes. ISA folders override `generic/` file by file (same name), so selecting a
/// variant is a lookup here, not an `#if` in C.
public struct KernelLibrary {
    /// ISA folders to search, most specific first; `generic` is always last.
    public let isas: [String]

    public init(isas: [String] = []) { self.isas = isas.filter { $0 != "generic" } + ["generic"] }

    func file(_ name: String) -> (path: String, text: String)? {
        for isa in isas {
            let p = "kernels/\(isa)/\(name)"
            if let t = EmbeddedTemplates.files[p] { return (p, t) }
        }
        return nil
    }

    /// Every file the given kernels need (their .h/.c, headers they include, and those headers' kernels),
    /// by output file name, in sorted order.
    public func files(for kernels: Set<String>) throws -> [(name: String, text: String)] {
        var out: [String: String] = [:]
        var queue = Array(kernels).sorted()
        while let k = queue.popLast() {
            for ext in [".h", ".c"] {
                let name = k + ext
                guard out[name] == nil else { continue }
                guard let f = file(name) else {
                    if ext == ".c" { continue }  // header-only (kiln_common.h)
                    throw KilnError(.tool, "internal: kernel file \(name) is missing from Templates/kernels")
                }
                out[name] = f.text
                for inc in KernelLibrary.includes(f.text) where out[inc + ".h"] == nil {
                    queue.append(inc)
                }
            }
        }
        return out.keys.sorted().map { ($0, out[$0]!) }
    }

    /// Names (without `.h`) of the quoted includes of a C file.
    static func includes(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("#include \""), t.hasSuffix(".h\"") else { return nil }
            return String(t.dropFirst("#include \"".count).dropLast(3))
        }
    }
}
