/// Build files for the generated sources (`Makefile`, `CMakeLists.txt` from Templates/project/) and, with
/// `--harness`, the `main.c` that runs the model, plus the target's startup files and linker script.
public enum ProjectEmitter {
    public static func files(prefix: String, toolchain: Toolchain, harnessFor schedule: ScheduledModel?) throws -> [GeneratedFile] {
        let t = toolchain.target
        var out: [GeneratedFile] = []
        var startup: [String] = []
        for s in t.startup_sources ?? [] {
            let name = s.split(separator: "/").last.map(String.init) ?? s
            out.append(GeneratedFile(name, try TargetDescription.toolchainFile(s)))
            startup.append(name)
        }
        var ldflags = try toolchain.ldflags(mapFile: "\(prefix).map")
        if let script = t.linker_script {
            let name = script.split(separator: "/").last.map(String.init) ?? script
            out.append(GeneratedFile(name, try TargetDescription.toolchainFile(script)))
            ldflags.append("-T" + name)
        }
        let run: String
        if let q = t.qemu {
            run = ([q.binary] + q.args + ["-kernel", "\(prefix).elf", "-append"]).map(shellQuote).joined(separator: " ") + " \"$(ARGS)\""
        } else {
            run = "./\(prefix).elf $(ARGS)"
        }
        let subst: [String: String] = [
            "@TARGET@": t.name, "@PREFIX@": prefix, "@CC@": toolchain.cc,
            "@AR@": t.isHost ? "ar" : t.tools_prefix + "ar",
            "@CFLAGS@": toolchain.cflags.map(shellQuote).joined(separator: " "),
            "@LDFLAGS@": ldflags.map(shellQuote).joined(separator: " "),
            "@LIBS@": ((t.libs ?? []) + ["-lm"]).joined(separator: " "),
            "@STARTUP@": startup.joined(separator: " "),
            "@RUN@": run,
        ]
        for name in ["Makefile", "CMakeLists.txt"] {
            guard var text = EmbeddedTemplates.files["project/\(name)"] else { throw KilnError(.tool, "internal: Templates/project/\(name) missing") }
            for (k, v) in subst.sorted(by: { $0.key < $1.key }) { text = text.replacingOccurrences(of: k, with: v) }
            out.append(GeneratedFile(name, text))
        }
        if let s = schedule {
            out.append(GeneratedFile("main.c", HarnessEmitter.main([.init(prefix: prefix, inputs: s.graph.inputs.count,
                                                                            outputs: s.graph.outputs.count,
                                                                            arenaBytes: max(s.arenaBytes, s.alignment))],
                                                                   firmware: !t.isHost)))
        }
        return out
    }

    static func shellQuote(_ s: String) -> String {
        if s.allSatisfy({ $0.isLetter || $0.isNumber || "-_=./,:+".contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
