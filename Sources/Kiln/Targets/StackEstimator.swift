import Foundation

/// Estimates the stack one inference needs on a target: compiles the generated sources with the target's compiler
/// and `-fstack-usage` (plus GCC's `-fcallgraph-info=su` for the call edges), then takes the deepest call chain
/// from `<prefix>_invoke`: its own frame plus, recursively, the largest callee chain. Compilers without call-graph
/// output (clang) get the edges the schedule shows (invoke → each kernel), kernels counted as leaves.
/// Library functions (libm, memcpy) have no frame information and count as 0; they are listed in the note.
public struct StackEstimate: Equatable {
    /// nil when the compiler is not installed or the estimate is unbounded (recursion, dynamic allocation).
    public var bytes: Int?
    /// How the number was obtained and what it leaves out.
    public var note: String
}

public enum StackEstimator {
    public static func estimate(_ c: CompiledModel, prefix: String, toolchain: Toolchain) -> StackEstimate {
        let cc = toolchain.cc
        guard let v = try? Shell.run(cc, ["--version"], timeout: 30), v.status == 0 else {
            return StackEstimate(bytes: nil, note: "\(cc) is not installed")
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("kiln-stack-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            for f in c.files { try Data(f.contents.utf8).write(to: dir.appendingPathComponent(f.name)) }
        } catch {
            return StackEstimate(bytes: nil, note: "cannot write sources: \(error.localizedDescription)")
        }
        let sources = c.files.map(\.name).filter { $0.hasSuffix(".c") && $0 != "\(prefix)_weights.c" && $0 != "main.c" }.sorted()
        let cwd = dir.path
        // -fcallgraph-info is GCC's; try it first, without it when the compiler refuses the flag.
        func compileAll(_ callgraph: Bool) -> String? {
            let errors = Shell.parallelMap(sources, jobs: max(1, ProcessInfo.processInfo.activeProcessorCount)) { s -> String? in
                let extra = ["-fstack-usage"] + (callgraph ? ["-fcallgraph-info=su"] : [])
                do { return try toolchain.compile(s, to: s + ".o", includes: ["."], cwd: cwd, extra: extra) } catch { return "\(error)" }
            }
            return errors.compactMap { $0 }.first
        }
        var haveCallgraph = true
        if compileAll(true) != nil {
            haveCallgraph = false
            if let e = compileAll(false) {
                return StackEstimate(bytes: nil, note: "\(cc) -fstack-usage failed: \(e.split(separator: "\n").first ?? "")")
            }
        }
        var frame: [String: Int] = [:]
        var dynamic: Set<String> = []
        var edges: [String: Set<String>] = [:]
        for s in sources {
            let base = (s as NSString).deletingPathExtension
            for name in [s + ".su", base + ".su", s + ".o.su", base + ".o.su"] {
                guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
                for line in text.split(separator: "\n") {
                    let cols = line.split(separator: "\t")
                    guard cols.count >= 3, let bytes = Int(cols[1]) else { continue }
                    let fn = String(cols[0].split(separator: ":").last ?? "")
                    frame[fn] = max(frame[fn] ?? 0, bytes)
                    if cols[2].contains("dynamic") && !cols[2].contains("bounded") { dynamic.insert(fn) }
                }
                break
            }
            if haveCallgraph {
                for name in [s + ".ci", base + ".ci", s + ".o.ci", base + ".o.ci"] {
                    guard let text = try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8) else { continue }
                    for line in text.split(separator: "\n") where line.hasPrefix("edge:") {
                        if let from = quoted(line, after: "sourcename:"), let to = quoted(line, after: "targetname:") {
                            edges[from, default: []].insert(to)
                        }
                    }
                    break
                }
            }
        }
        let entry = "\(prefix)_invoke"
        guard frame[entry] != nil else { return StackEstimate(bytes: nil, note: "no stack usage reported for \(entry)") }
        if !haveCallgraph {
            edges[entry] = Set(c.schedule.steps.flatMap { $0.calls.map(\.function) })
        }
        var memo: [String: Int] = [:]
        var onPath: Set<String> = []
        var external: Set<String> = []
        var recursive = false
        func depth(_ f: String) -> Int {
            if let m = memo[f] { return m }
            guard let own = frame[f] else { external.insert(f); return 0 }
            if !onPath.insert(f).inserted { recursive = true; return 0 }
            var deepest = 0
            for callee in (edges[f] ?? []).sorted() { deepest = max(deepest, depth(callee)) }
            onPath.remove(f)
            memo[f] = own + deepest
            return own + deepest
        }
        let total = depth(entry)
        let unbounded = memo.keys.filter { dynamic.contains($0) }.sorted()
        var note = "\(cc) -fstack-usage" + (haveCallgraph ? " -fcallgraph-info" : " (kernels counted as leaves)")
            + ", \(entry) call chain"
        if !external.isEmpty { note += "; excludes library calls: \(external.sorted().joined(separator: ", "))" }
        if recursive { return StackEstimate(bytes: nil, note: note + "; recursion in the call graph") }
        if !unbounded.isEmpty { return StackEstimate(bytes: nil, note: note + "; dynamic stack in \(unbounded.joined(separator: ", "))") }
        return StackEstimate(bytes: total, note: note)
    }

    /// The text between the quotes that follow `key` in a VCG line.
    static func quoted(_ line: Substring, after key: String) -> String? {
        guard let k = line.range(of: key) else { return nil }
        let rest = line[k.upperBound...]
        guard let open = rest.firstIndex(of: "\"") else { return nil }
        let tail = rest[rest.index(after: open)...]
        guard let close = tail.firstIndex(of: "\"") else { return nil }
        return String(tail[..<close])
    }
}
