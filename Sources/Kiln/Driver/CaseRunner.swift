import Foundation

/// Runs ONNX backend-style test folders (`model.onnx` + `test_data_set_*/input_*.pb, output_*.pb`):
/// compiles each model, builds them in batches, runs every data set and compares with the expected outputs.
public enum CaseRunner {
    public struct Case {
        public var name: String
        public var dir: URL
        public var dataSets: [URL]
    }

    public enum Status: String { case passed, failed, unsupported, error }

    public struct Outcome {
        public var name: String
        public var status: Status
        public var detail: String
        /// Op types of the imported model (before folding), for per-op conformance tables.
        public var ops: [String]
    }

    public struct Options {
        public var tolerance = Tolerance()
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        public var sanitize = false
        public var target: TargetDescription
        public var workDir: URL?
        public var keepWorkDir = false
        public init(target: TargetDescription) { self.target = target }
    }

    /// A folder holding `model.onnx` is a case; any other folder is searched one level down for cases.
    public static func discover(_ paths: [String]) throws -> [Case] {
        let fm = FileManager.default
        var out: [Case] = []
        for p in paths {
            let u = URL(fileURLWithPath: p)
            if fm.fileExists(atPath: u.appendingPathComponent("model.onnx").path) {
                out.append(makeCase(u))
            } else {
                guard let items = try? fm.contentsOfDirectory(atPath: u.path) else {
                    throw KilnError.bad("not a test case folder (no model.onnx) and not a folder of them", file: p)
                }
                for i in items.sorted() where fm.fileExists(atPath: u.appendingPathComponent(i).appendingPathComponent("model.onnx").path) {
                    out.append(makeCase(u.appendingPathComponent(i)))
                }
            }
        }
        return out
    }

    static func makeCase(_ u: URL) -> Case {
        let sets = ((try? FileManager.default.contentsOfDirectory(atPath: u.path)) ?? [])
            .filter { $0.hasPrefix("test_data_set_") }.sorted { numericSuffix($0) < numericSuffix($1) }
            .map { u.appendingPathComponent($0) }
        return Case(name: u.lastPathComponent, dir: u, dataSets: sets)
    }

    static func numericSuffix(_ s: String) -> Int { Int(s.split(separator: "_").last ?? "") ?? 0 }

    /// `prefix_0.pb`, `prefix_1.pb`... in numeric order.
    public static func tensorFiles(_ dir: URL, prefix: String) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".pb") }
            .sorted { numericSuffix(String($0.dropLast(3))) < numericSuffix(String($1.dropLast(3))) }
            .map { dir.appendingPathComponent($0) }
    }

    struct Prepared {
        var compiled: CompiledModel
        var inputNames: [String]      // runtime inputs, in harness order
        var dataSets: [(inputs: [String: TensorData], outputs: [TensorData])]
    }

    public static func run(_ cases: [Case], options: Options, progress: ((Outcome) -> Void)? = nil) throws -> [Outcome] {
        let work = options.workDir ?? FileManager.default.temporaryDirectory.appendingPathComponent("kiln-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if !options.keepWorkDir { try? FileManager.default.removeItem(at: work) } }

        // 1. Compile every case (in parallel; each has its own graph).
        let prepared: [Result<Prepared, KilnError>] = Shell.parallelMap(Array(cases.enumerated()), jobs: options.jobs) { (i, c) in
            Result { try prepare(c, prefix: "c\(i)", target: options.target) }.mapError { ($0 as? KilnError) ?? KilnError(.tool, "\($0)") }
        }
        var outcomes = [Outcome?](repeating: nil, count: cases.count)
        var ops = [[String]](repeating: [], count: cases.count)
        for (i, c) in cases.enumerated() {
            ops[i] = (try? ModelImporter.load(path: c.dir.appendingPathComponent("model.onnx").path))
                .map { g in Array(Set(g.nodes.map(\.qualifiedOp))).sorted() } ?? []
            if case .failure(let e) = prepared[i] {
                outcomes[i] = Outcome(name: c.name, status: e.kind == .unsupported ? .unsupported : .error, detail: e.description, ops: ops[i])
            }
        }
        // 2. Build the compiled ones in batches.
        let buildable = cases.indices.filter { outcomes[$0] == nil }
        let toolchain = Toolchain(target: options.target, sanitize: options.sanitize)
        try toolchain.checkInstalled()
        let batch = Batch(workDir: work, toolchain: toolchain, jobs: options.jobs)
        let built = try batch.build(buildable.map { i in
            guard case .success(let p) = prepared[i] else { fatalError() }
            return (prefix: "c\(i)", model: p.compiled)
        })
        // 3. Run and compare.
        let runs: [Outcome] = Shell.parallelMap(Array(zip(buildable, built)), jobs: options.jobs) { (i, b) in
            let c = cases[i]
            guard case .success(let p) = prepared[i] else { fatalError() }
            switch b {
            case .failure(let e): return Outcome(name: c.name, status: .error, detail: e.description, ops: ops[i])
            case .success(let exe):
                let g = p.compiled.schedule.graph
                for (k, ds) in p.dataSets.enumerated() {
                    do {
                        let inputs = try p.inputNames.map { name -> TensorData in
                            guard let d = ds.inputs[name] else { throw KilnError.bad("data set \(k) has no input '\(name)'") }
                            return d
                        }
                        let outs = try ImageRunner.run(exe, target: options.target, inputs: inputs,
                                                       outputTypes: g.outputs.map { g.value($0).type! },
                                                       dir: work.appendingPathComponent("run_c\(i)_\(k)")).outputs
                        guard outs.count == ds.outputs.count else {
                            return Outcome(name: c.name, status: .failed, detail: "model has \(outs.count) outputs, data set has \(ds.outputs.count)", ops: ops[i])
                        }
                        for (j, (got, want)) in zip(outs, ds.outputs).enumerated() {
                            if let d = options.tolerance.compare(got, want) {
                                return Outcome(name: c.name, status: .failed, detail: "data set \(k) output \(j): \(d)", ops: ops[i])
                            }
                        }
                    } catch {
                        return Outcome(name: c.name, status: .failed, detail: "\(error)", ops: ops[i])
                    }
                }
                return Outcome(name: c.name, status: .passed, detail: "", ops: ops[i])
            }
        }
        for (k, i) in buildable.enumerated() { outcomes[i] = runs[k] }
        let result = outcomes.map { $0! }
        if let progress { result.forEach(progress) }
        return result
    }

    static func prepare(_ c: Case, prefix: String, target: TargetDescription) throws -> Prepared {
        let modelPath = c.dir.appendingPathComponent("model.onnx").path
        var dataSets: [(inputs: [String: TensorData], outputs: [TensorData])] = []
        let g = try ModelImporter.load(path: modelPath)
        let names = g.inputs.map { g.value($0).name }
        for ds in c.dataSets {
            let inFiles = tensorFiles(ds, prefix: "input"), outFiles = tensorFiles(ds, prefix: "output")
            guard inFiles.count == names.count else {
                throw KilnError.bad("\(ds.lastPathComponent) has \(inFiles.count) inputs, the model takes \(names.count)", file: modelPath)
            }
            var inputs: [String: TensorData] = [:]
            for (k, f) in inFiles.enumerated() { inputs[names[k]] = try TensorProtoCoding.readFile(f).data }
            dataSets.append((inputs, try outFiles.map { try TensorProtoCoding.readFile($0).data }))
        }
        guard let first = dataSets.first else { throw KilnError.bad("no test_data_set_* folders", file: c.dir.path) }
        g.bindings = first.inputs
        var options = CompileOptions(target: target)
        options.emit.prefix = prefix
        options.emit.modelFileName = "model.onnx"
        let compiled = try Compiler.compile(graph: g, options: options)
        for (k, ds) in dataSets.enumerated().dropFirst() {
            for name in g.frozenInputs where ds.inputs[name] != first.inputs[name] {
                throw KilnError.unsupported("data set \(k) changes input '\(name)', which the model needs at compile time", file: modelPath)
            }
        }
        return Prepared(compiled: compiled, inputNames: g.inputs.map { g.value($0).name }, dataSets: dataSets)
    }
}
