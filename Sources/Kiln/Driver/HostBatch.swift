import Foundation

/// Builds many compiled models into a few host executables: every model keeps its own prefix, kernels are
/// compiled once into an archive, and each executable's harness dispatches on a case index. This is what keeps
/// `kiln test` over a thousand conformance cases fast.
public final class HostBatch {
    public struct Built {
        public var executable: String
        public var index: Int
    }

    let workDir: URL
    let toolchain: HostToolchain
    let jobs: Int
    let modelsPerExecutable: Int

    public init(workDir: URL, toolchain: HostToolchain, jobs: Int, modelsPerExecutable: Int = 48) {
        self.workDir = workDir; self.toolchain = toolchain; self.jobs = jobs; self.modelsPerExecutable = modelsPerExecutable
    }

    /// Builds the models; each result is the executable and case index, or the build error text.
    public func build(_ models: [(prefix: String, model: CompiledModel)]) throws -> [Result<Built, KilnError>] {
        let fm = FileManager.default
        let src = workDir.appendingPathComponent("src")
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
        // Kernels: compiled once, archived.
        let kernelList = kernelSources.sorted()
        let kernelErrors = Shell.parallelMap(kernelList, jobs: jobs) { k -> String? in
            do { return try toolchain.compile(k, to: k + ".o", includes: ["."], cwd: cwd) } catch { return "\(error)" }
        }
        if let e = kernelErrors.compactMap({ $0 }).first {
            throw KilnError(.tool, "kernel build failed: \(e.prefix(2000))")
        }
        if !kernelList.isEmpty, let e = try toolchain.archive(kernelList.map { $0 + ".o" }, to: "libkiln_kernels.a", cwd: cwd) {
            throw KilnError(.tool, "ar failed: \(e)")
        }
        // Model sources, in parallel.
        let modelErrors = Shell.parallelMap(models.map(\.prefix), jobs: jobs) { p -> String? in
            do {
                for f in [p + ".c", p + "_weights.c"] {
                    if let e = try toolchain.compile(f, to: f + ".o", includes: ["."], cwd: cwd) { return e }
                }
                return nil
            } catch { return "\(error)" }
        }
        var results = [Result<Built, KilnError>?](repeating: nil, count: models.count)
        var good: [Int] = []
        for (i, e) in modelErrors.enumerated() {
            if let e { results[i] = .failure(KilnError(.tool, "generated C does not compile: \(HostBatch.firstLines(e))")) } else { good.append(i) }
        }
        // Harness executables, one per chunk.
        let chunks = stride(from: 0, to: good.count, by: modelsPerExecutable).map { Array(good[$0..<min($0 + modelsPerExecutable, good.count)]) }
        let linkErrors = Shell.parallelMap(Array(chunks.enumerated()), jobs: jobs) { (k, chunk) -> String? in
            let harness = HarnessEmitter.hostMain(chunk.map { i in
                let g = models[i].model.schedule.graph
                return .init(prefix: models[i].prefix, inputs: g.inputs.count, outputs: g.outputs.count)
            })
            let main = "harness_\(k).c"
            do {
                try Data(harness.utf8).write(to: src.appendingPathComponent(main))
                if let e = try toolchain.compile(main, to: main + ".o", includes: ["."], cwd: cwd) { return e }
                var objs = [main + ".o"]
                for i in chunk { objs += [models[i].prefix + ".c.o", models[i].prefix + "_weights.c.o"] }
                if !kernelList.isEmpty { objs.append("libkiln_kernels.a") }
                return try toolchain.link(objs, to: "harness_\(k)", cwd: cwd)
            } catch { return "\(error)" }
        }
        for (k, chunk) in chunks.enumerated() {
            for (j, i) in chunk.enumerated() {
                if let e = linkErrors[k] {
                    results[i] = .failure(KilnError(.tool, "harness does not build: \(HostBatch.firstLines(e))"))
                } else {
                    results[i] = .success(Built(executable: src.appendingPathComponent("harness_\(k)").path, index: j))
                }
            }
        }
        return results.map { $0! }
    }

    static func firstLines(_ s: String, _ n: Int = 3) -> String {
        s.split(separator: "\n").prefix(n).joined(separator: " | ")
    }

    /// Runs one model of a built executable on raw input files, returning the raw outputs.
    public static func run(_ b: Built, inputs: [TensorData], outputTypes: [TensorType], dir: URL, timeout: Double = 120) throws -> [TensorData] {
        let fm = FileManager.default
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        var args = [String(b.index)]
        for (i, d) in inputs.enumerated() {
            let u = dir.appendingPathComponent("in_\(i).bin")
            try Data(d.bytes).write(to: u)
            args.append(u.path)
        }
        let outURLs = outputTypes.indices.map { dir.appendingPathComponent("out_\($0).bin") }
        args += outURLs.map(\.path)
        let r = try Shell.run(b.executable, args, timeout: timeout)
        if r.timedOut { throw KilnError(.tool, "the model did not finish within \(Int(timeout)) s") }
        if r.status != 0 || r.signaled {
            throw KilnError(.tool, "the model run failed (status \(r.status)\(r.signaled ? ", killed by a signal" : "")): \(firstLines(r.stderr, 4))")
        }
        return try outputTypes.enumerated().map { (k, t) in
            let bytes = [UInt8](try Data(contentsOf: outURLs[k]))
            guard bytes.count == t.bytes else { throw KilnError(.tool, "output \(k) has \(bytes.count) bytes, expected \(t.bytes)") }
            return TensorData(dtype: t.dtype, shape: t.shape, bytes: bytes)
        }
    }
}
