import Foundation

/// `kiln run`: compile a model, build it for a target, feed it `input_<i>.pb` and write `output_<i>.pb`;
/// on boards also measure instructions, memory and stack.
public enum ModelRunner {
    public struct Options {
        public var target: TargetDescription
        public var inputShapes: [String: [Int]] = [:]
        public var sanitize = false
        public var keepWorkDir = false
        /// Count instructions per scheduled step (boards).
        public var profile = false
        public var timeout: Double = 600
        public init(target: TargetDescription) { self.target = target }
    }

    public struct Report {
        public var outputs: [TensorData]
        public var stats: JSON
        /// (step index, op, node, instructions) when profiling.
        public var profile: [(Int, String, String, Int)]
    }

    public static func run(model: String, inputsDir: String, outputsDir: String, options: Options) throws -> Report {
        var io = ImportOptions()
        io.inputShapes = options.inputShapes
        let g = try ModelImporter.load(path: model, options: io)
        let names = g.inputs.map { g.value($0).name }
        let files = CaseRunner.tensorFiles(URL(fileURLWithPath: inputsDir), prefix: "input")
        guard files.count == names.count else {
            throw KilnError.bad("\(inputsDir) holds \(files.count) input_<i>.pb files, the model takes \(names.count) inputs", file: model)
        }
        var data: [String: TensorData] = [:]
        for (i, f) in files.enumerated() {
            let d = try TensorProtoCoding.readFile(f).data
            let want = g.value(g.inputs[i]).type!
            guard d.type == want else { throw KilnError.bad("\(f.lastPathComponent) is \(d.type), input '\(KilnError.printable(names[i]))' is \(want)", file: model) }
            data[names[i]] = d
        }
        g.bindings = data
        var co = CompileOptions(target: options.target)
        co.emit.prefix = "model"
        co.emit.modelFileName = URL(fileURLWithPath: model).lastPathComponent
        let compiled = try Compiler.compile(graph: g, options: co)

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-run-\(UUID().uuidString)")
        defer { if !options.keepWorkDir { try? FileManager.default.removeItem(at: work) } }
        let toolchain = Toolchain(target: options.target, sanitize: options.sanitize)
        try toolchain.checkInstalled()
        let batch = Batch(workDir: work, toolchain: toolchain, jobs: 2)
        batch.profile = options.profile && !options.target.isHost
        let built = try batch.build([(prefix: "model", model: compiled)])[0].get()
        let r = try ImageRunner.run(built, target: options.target, inputs: g.inputs.map { data[g.value($0).name]! },
                                    outputTypes: g.outputs.map { g.value($0).type! }, dir: work.appendingPathComponent("run"),
                                    timeout: options.timeout, countInstructions: !options.target.isHost)
        let outDir = URL(fileURLWithPath: outputsDir)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        for (k, d) in r.outputs.enumerated() {
            try TensorProtoCoding.writeFile(d, name: g.value(g.outputs[k]).name, to: outDir.appendingPathComponent("output_\(k).pb"))
        }
        // Footprint of the model (its objects and the kernels it links), from the linker map.
        var sizes = SectionSizes()
        if !options.target.isHost, let map = try? String(contentsOfFile: built.image + ".map", encoding: .utf8) {
            sizes = SectionSizes.fromMap(map) { f in
                f.hasSuffix("model.c.o") || f.hasSuffix("model_weights.c.o") || f.contains("libkiln_kernels.a(")
            }
        }
        let s = compiled.schedule
        var fields: [(String, JSON)] = [("target", .string(options.target.name))]
        fields.append(("instructions", r.instructions.map { .int($0) } ?? .null))
        fields += [("text_bytes", .int(sizes.text)), ("rodata_bytes", .int(sizes.rodata)), ("data_bytes", .int(sizes.data)),
                   ("bss_bytes", .int(sizes.bss)), ("arena_bytes", .int(max(s.arenaBytes, s.alignment))),
                   ("arena_lower_bound_bytes", .int(s.lowerBoundBytes)), ("weights_bytes", .int(s.weightsBytes)),
                   ("stack_bytes", r.stackBytes.map { .int($0) } ?? .null),
                   ("stack_estimate_bytes", StackEstimator.estimate(compiled, prefix: "model", toolchain: Toolchain(target: options.target)).bytes.map { .int($0) } ?? .null),
                   ("macs", .int(s.totalMacs))]
        var profile: [(Int, String, String, Int)] = []
        if r.stepInstructions.count == s.steps.count + 1 {
            for (i, st) in s.steps.enumerated() { profile.append((i, st.opType, st.nodeName, r.stepInstructions[i])) }
        }
        return Report(outputs: r.outputs, stats: .object(fields), profile: profile)
    }
}
