import Foundation

/// A target board: toolchain, flags, memory map, emulator and ISA features, read from `toolchains/<name>.json`
/// (embedded in the binary; `KILN_TOOLCHAINS=DIR` adds or overrides descriptions without rebuilding Kiln).
/// Adding a board is adding a JSON file, not Swift code.
public struct TargetDescription: Codable, Equatable {
    public struct Memory: Codable, Equatable {
        public var flash_origin: Int
        public var flash_bytes: Int
        public var ram_origin: Int
        public var ram_bytes: Int
        /// Stack reserved at the top of RAM (measured use is reported by `kiln run --stats-json`).
        public var stack_bytes: Int
    }
    public struct Emulator: Codable, Equatable {
        public var binary: String
        public var args: [String]
    }

    public var name: String
    public var summary: String
    /// C compiler driver.
    public var cc: String
    /// Prefix of binutils (`<prefix>size`, `<prefix>nm`).
    public var tools_prefix: String
    /// Flags for compiling (and linking) every C file.
    public var cflags: [String]
    /// Extra flags for linking only.
    public var ldflags: [String]
    /// Libraries appended after the objects.
    public var libs: [String]?
    /// Startup files (relative to toolchains/) compiled into firmware, when picolibc's crt0 is not enough.
    public var startup_sources: [String]?
    /// Linker script (relative to toolchains/); otherwise picolibc.ld with the memory map passed as --defsym.
    public var linker_script: String?
    public var memory: Memory?
    public var qemu: Emulator?
    /// ISA features kernels may rely on (`dsp`, `fpu-sp`, `fpu-dp`, `mve`, `neon`, `rvv`).
    public var features: [String]
    /// Kernel folders under Templates/kernels/ to prefer over `generic`, most specific first.
    public var kernel_isas: [String]
    /// Debian packages that provide the toolchain and emulator (installed by toolchains/install.sh).
    public var packages: [String]

    public var isHost: Bool { qemu == nil }

    /// Every known target, host first.
    public static func all() throws -> [TargetDescription] {
        var byName: [String: TargetDescription] = [:]
        for (path, text) in EmbeddedTemplates.files where path.hasPrefix("toolchains/") && path.hasSuffix(".json")
            && !path.dropFirst("toolchains/".count).contains("/") {
            let t = try decode(text, path)
            byName[t.name] = t
        }
        if let dir = ProcessInfo.processInfo.environment["KILN_TOOLCHAINS"],
           let items = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for f in items.sorted() where f.hasSuffix(".json") {
                let p = (dir as NSString).appendingPathComponent(f)
                guard let text = try? String(contentsOfFile: p, encoding: .utf8) else { continue }
                let t = try decode(text, p)
                byName[t.name] = t
            }
        }
        return byName.values.sorted { ($0.name == "host" ? "" : $0.name) < ($1.name == "host" ? "" : $1.name) }
    }

    public static func named(_ name: String) throws -> TargetDescription {
        let all = try all()
        guard let t = all.first(where: { $0.name == name }) else {
            throw KilnError.bad("unknown target '\(KilnError.printable(name))'; available: \(all.map(\.name).joined(separator: ", "))")
        }
        return t
    }

    static func decode(_ text: String, _ path: String) throws -> TargetDescription {
        do { return try JSONDecoder().decode(TargetDescription.self, from: Data(text.utf8)) } catch {
            throw KilnError.bad("invalid target description: \(error)", file: path)
        }
    }

    /// Text of a file under toolchains/ (embedded, or from KILN_TOOLCHAINS when present there).
    public static func toolchainFile(_ relative: String) throws -> String {
        if let dir = ProcessInfo.processInfo.environment["KILN_TOOLCHAINS"],
           let t = try? String(contentsOfFile: (dir as NSString).appendingPathComponent(relative), encoding: .utf8) {
            return t
        }
        guard let t = EmbeddedTemplates.files["toolchains/" + relative] else {
            throw KilnError(.tool, "toolchains/\(relative) is missing")
        }
        return t
    }
}

extension TargetDescription {
    /// The host target (always present: it is embedded).
    public static var host: TargetDescription {
        // The embedded host.json is part of the binary; failing to decode it is a build defect caught by unit tests.
        (try? named("host")) ?? TargetDescription(name: "host", summary: "host", cc: "cc", tools_prefix: "", cflags: [],
                                                   ldflags: [], features: [], kernel_isas: [], packages: [])
    }
}
