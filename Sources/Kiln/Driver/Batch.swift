import Foundation

/// Builds many compiled models into a few executables (host) or firmware images (boards): each model keeps its own
/// prefix, kernels are compiled once into an archive, and each image's harness dispatches on a case index. This is
/// what keeps `kiln test` over a thousand conformance cases fast on every target.
public final class Batch {
    public struct Built {
        public var image: String
        public var index: Int
    }

    let workDir: URL
    public let toolchain: Toolchain
    let jobs: Int
    let modelsPerImage: Int
    /// Call `<PREFIX>_STEP_HOOK` → `kiln_mark` after every step (per-step instruction counts).
    public var profile = false

    public init(workDir: URL, toolchain: Toolchain, jobs: Int, modelsPerImage: Int = 48) {
        self.workDir = workDir; self.toolchain = toolchain; self.jobs = jobs; self.modelsPerImage = modelsPerImage
    }

    var src: URL { workDir.appendingPathComponent("src") }

    /// Builds the models; each result is the image and case index, or the build error.
    public func build(_ models: [(prefix: String, model: CompiledModel)]) throws -> [Result<Built, KilnError>] {
        let fm = FileManager.default
        try fm.createDirectory(at: src, withIntermediateDirectories: true)
        var kernelSources = Set<String>()
        for (prefix, m) in models {
            for f in m.files {
                try Data(f.contents.utf8).write(to: src.appendingPathComponent(f.name))
                if !f.name.hasPrefix(prefix + ".") && !f.name.hasPrefix(prefix + "_") && f.name.hasSuffix(".c") {
                    kernelSources.insert(f.name)
                }
            }
        }
        let cwd = src.path
        let tc = toolchain
        let kernelList = kernelSources.sorted()
        let kernelErrors = Shell.parallelMap(kernelList, jobs: jobs) { k -> String? in
            do { return try tc.compile(k, to: k + ".o", includes: ["."], cwd: cwd) } catch { return "\(error)" }
        }
        if let e = kernelErrors.compactMap({ $0 }).first {
            throw KilnError(.tool, "kernel build failed for \(tc.target.name): \(e.prefix(2000))")
        }
        if !kernelList.isEmpty, let e = try tc.archive(kernelList.map { $0 + ".o" }, to: "libkiln_kernels.a", cwd: cwd) {
            throw KilnError(.tool, "ar failed: \(e)")
        }
        let startup = try tc.startupObjects(cwd: cwd)
        if profile {
            try Data("void kiln_mark(int id);\n".utf8).write(to: src.appendingPathComponent("kiln_profile.h"))
        }
        let profiling = profile
        // Model sources, in parallel. The harness provides the arena, so the models' static ones are left out.
        let modelErrors = Shell.parallelMap(models.map(\.prefix), jobs: jobs) { p -> String? in
            do {
                var extra = ["-D\(p.uppercased())_NO_STATIC_ARENA"]
                if profiling { extra += ["-include", "kiln_profile.h", "-D\(p.uppercased())_STEP_HOOK(step)=kiln_mark(2 + (step))"] }
                for f in [p + ".c", p + "_weights.c"] {
                    if let e = try tc.compile(f, to: f + ".o", includes: ["."], cwd: cwd, extra: extra) { return e }
                }
                return nil
            } catch { return "\(error)" }
        }
        var results = [Result<Built, KilnError>?](repeating: nil, count: models.count)
        var good: [Int] = []
        for (i, e) in modelErrors.enumerated() {
            if let e { results[i] = .failure(KilnError(.tool, "generated C does not compile: \(Batch.firstLines(e))")) } else { good.append(i) }
        }
        // Models share an image only while their weights fit the board's flash together (with room for code);
        // a model too large on its own gets its own image and the linker names the overflow.
        let budget = tc.target.memory.map { $0.flash_bytes * 3 / 5 } ?? Int.max
        var chunks: [[Int]] = []
        var current: [Int] = [], used = 0
        for i in good {
            let w = models[i].model.schedule.weightsBytes
            if !current.isEmpty && (current.count >= modelsPerImage || used + w > budget) {
                chunks.append(current); current = []; used = 0
            }
            current.append(i); used += w
        }
        if !current.isEmpty { chunks.append(current) }
        let firmware = !tc.target.isHost
        let linkErrors = Shell.parallelMap(Array(chunks.enumerated()), jobs: jobs) { (k, chunk) -> String? in
            let harness = HarnessEmitter.main(chunk.map { i in
                let s = models[i].model.schedule
                return .init(prefix: models[i].prefix, inputs: s.graph.inputs.count, outputs: s.graph.outputs.count,
                             arenaBytes: max(s.arenaBytes, s.alignment))
            }, firmware: firmware)
            let main = "harness_\(k).c"
            do {
                try Data(harness.utf8).write(to: self.src.appendingPathComponent(main))
                if let e = try tc.compile(main, to: main + ".o", includes: ["."], cwd: cwd) { return e }
                var objs = startup + [main + ".o"]
                for i in chunk { objs += [models[i].prefix + ".c.o", models[i].prefix + "_weights.c.o"] }
                if !kernelList.isEmpty { objs.append("libkiln_kernels.a") }
                return try tc.link(objs, to: "harness_\(k)", cwd: cwd, mapFile: firmware ? "harness_\(k).map" : nil)
            } catch { return "\(error)" }
        }
        for (k, chunk) in chunks.enumerated() {
            for (j, i) in chunk.enumerated() {
                if let e = linkErrors[k] {
                    let overflow = e.contains("overflowed") || e.contains("will not fit")
                    results[i] = .failure(KilnError(overflow ? .unsupported : .tool,
                        (overflow ? "does not fit \(tc.target.name)'s memory: " : "harness does not build: ") + Batch.firstLines(e, 4)))
                } else {
                    results[i] = .success(Built(image: src.appendingPathComponent("harness_\(k)").path, index: j))
                }
            }
        }
        return results.map { $0! }
    }

    static func firstLines(_ s: String, _ n: Int = 3) -> String {
        s.split(separator: "\n").prefix(n).joined(separator: " | ")
    }
}
