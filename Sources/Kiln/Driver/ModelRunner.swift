import Foundation

/// `kiln run`: compile a model, build it for a target, feed it `input_<i>.pb` and write `output_<i>.pb`.
public enum ModelRunner {
    public struct Options {
        public var inputShapes: [String: [Int]] = [:]
        public var sanitize = false
        public var keepWorkDir = false
        public init() {}
    }

    /// Returns the outputs (also written to `outputsDir`).
    @discardableResult
    public static func runHost(model: String, inputsDir: String, outputsDir: String, options: Options) throws -> [TensorData] {
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
        var co = CompileOptions()
        co.emit.prefix = "model"
        co.emit.modelFileName = URL(fileURLWithPath: model).lastPathComponent
        let compiled = try Compiler.compile(graph: g, options: co)

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-run-\(UUID().uuidString)")
        defer { if !options.keepWorkDir { try? FileManager.default.removeItem(at: work) } }
        let batch = HostBatch(workDir: work, toolchain: HostToolchain(sanitize: options.sanitize), jobs: 2)
        let exe = try batch.build([(prefix: "model", model: compiled)])[0].get()
        let outs = try HostBatch.run(exe, inputs: g.inputs.map { data[g.value($0).name]! },
                                     outputTypes: g.outputs.map { g.value($0).type! }, dir: work.appendingPathComponent("run"))
        let outDir = URL(fileURLWithPath: outputsDir)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        for (k, d) in outs.enumerated() {
            try TensorProtoCoding.writeFile(d, name: g.value(g.outputs[k]).name, to: outDir.appendingPathComponent("output_\(k).pb"))
        }
        return outs
    }
}
