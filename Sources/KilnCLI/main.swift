import ArgumentParser
import Foundation
import Kiln

/// Exit codes: 0 ok, 1 mismatch / failed test / tool failure, 2 bad input or unsupported model.
struct KilnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiln",
        abstract: "Ahead-of-time compiler from ONNX models to standalone C99 for microcontrollers.",
        subcommands: [CompileCommand.self, RunCommand.self, TestCommand.self, InspectCommand.self, TargetsCommand.self])
}

/// Runs a command body, turning Kiln errors into one line on stderr and the documented exit code.
func guarded(_ body: () throws -> Void) throws {
    do { try body() } catch let e as KilnError {
        FileHandle.standardError.write(Data("kiln: error: \(e.description)\n".utf8))
        throw ExitCode(e.exitCode)
    }
}

/// `NAME=1x3x224x224`
func parseInputShapes(_ specs: [String]) throws -> [String: [Int]] {
    var out: [String: [Int]] = [:]
    for s in specs {
        guard let eq = s.lastIndex(of: "=") else { throw KilnError.bad("--input-shape '\(s)' is not NAME=DIMS (e.g. input=1x3x224x224)") }
        let name = String(s[..<eq])
        let dims = s[s.index(after: eq)...].split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard !name.isEmpty, !dims.isEmpty, dims.allSatisfy({ $0 != nil && $0! >= 0 }) else {
            throw KilnError.bad("--input-shape '\(s)' is not NAME=DIMS with non-negative integer dims (e.g. input=1x3x224x224)")
        }
        out[name] = dims.map { $0! }
    }
    return out
}

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile an ONNX model to C: <prefix>.h, <prefix>.c, <prefix>_weights.c, kernels and <prefix>.json.")

    @Argument(help: "The .onnx model.") var model: String
    @Option(name: .shortAndLong, help: "Output directory (created; replaced files only when compilation succeeds).") var output: String
    @Option(help: "Target board (see `kiln targets`).") var target: String = "host"
    @Option(help: "Prefix of generated symbols and files; a C identifier.") var prefix: String = "model"
    @Option(name: .customLong("input-shape"), help: "Pin an input's shape: NAME=1x3x224x224 (repeatable).") var inputShape: [String] = []
    @Option(name: .customLong("dump-after"), help: "Print the IR after this pass to stdout (import, \(Pipeline.passes.map(\.name).joined(separator: ", "))).") var dumpAfter: String?
    @Flag(help: "Also write main.c, a program that runs the model on input files (built by the generated Makefile).") var harness = false
    @Option(name: .customLong("max-ram"), help: "Refuse models whose arena exceeds this many bytes (default: the target's RAM minus stack).") var maxRAM: Int?
    @Option(name: .customLong("max-flash"), help: "Refuse models whose weights exceed this many bytes (default: the target's flash).") var maxFlash: Int?
    @Flag(name: .customLong("no-stack-estimate"), help: "Do not compile the sources with the target's compiler to estimate stack use (stack_estimate_bytes in <prefix>.json).") var noStackEstimate = false

    func run() throws {
        try guarded {
            guard CIdentifiers.isValid(prefix) else { throw KilnError.bad("--prefix '\(KilnError.printable(prefix))' is not a C identifier") }
            let t = try TargetDescription.named(target)
            var o = CompileOptions(target: t)
            o.importOptions.inputShapes = try parseInputShapes(inputShape)
            o.emit.prefix = prefix
            o.emit.modelFileName = URL(fileURLWithPath: model).lastPathComponent
            o.dumpAfter = dumpAfter
            o.dump = { print($0, terminator: "") }
            if let maxRAM {
                guard maxRAM >= 0 else { throw KilnError.bad("--max-ram \(maxRAM) is negative") }
                o.maxRAM = maxRAM
            }
            if let maxFlash {
                guard maxFlash >= 0 else { throw KilnError.bad("--max-flash \(maxFlash) is negative") }
                o.maxFlash = maxFlash
            }
            var c = try Compiler.compile(path: model, options: o)
            if !noStackEstimate {
                c.attachStackEstimate(StackEstimator.estimate(c, prefix: prefix, toolchain: Toolchain(target: t)), prefix: prefix)
            }
            let project = try ProjectEmitter.files(prefix: prefix, toolchain: Toolchain(target: t), harnessFor: harness ? c.schedule : nil)
            try OutputDirectory.write(c.files + project, to: output)
            let s = c.schedule
            print("kiln: \(model) -> \(output)/\(prefix).{h,c,json}: \(s.steps.count) steps, arena \(max(s.arenaBytes, s.alignment)) B (lower bound \(s.lowerBoundBytes) B), weights \(s.weightsBytes) B, \(s.totalMacs) MACs")
        }
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compile, build and run a model on input_<i>.pb files; write output_<i>.pb.")

    @Argument(help: "The .onnx model.") var model: String
    @Option(help: "Target board (see `kiln targets`); boards run under QEMU.") var target: String = "host"
    @Option(help: "Folder with input_0.pb, input_1.pb, ... (TensorProto, graph-input order).") var inputs: String
    @Option(help: "Folder to write output_0.pb, ... into.") var outputs: String
    @Option(name: .customLong("input-shape"), help: "Pin an input's shape: NAME=1x3x224x224 (repeatable).") var inputShape: [String] = []
    @Flag(help: "Host: build with AddressSanitizer and UndefinedBehaviorSanitizer.") var sanitize = false
    @Option(name: .customLong("stats-json"), help: "Write instructions (one inference), text/rodata/data/bss/arena/stack bytes to this file.") var statsJSON: String?
    @Flag(help: "Boards: print instructions per scheduled step.") var profile = false
    @Option(help: "Seconds before a run counts as hung.") var timeout: Double = 600

    func run() throws {
        try guarded {
            var o = ModelRunner.Options(target: try TargetDescription.named(target))
            o.inputShapes = try parseInputShapes(inputShape)
            o.sanitize = sanitize
            o.profile = profile
            o.timeout = timeout
            let r = try ModelRunner.run(model: model, inputsDir: inputs, outputsDir: outputs, options: o)
            if let statsJSON { try Data((r.stats.render() + "\n").utf8).write(to: URL(fileURLWithPath: statsJSON)) }
            if profile {
                for (i, op, node, n) in r.profile { print("step \(i) \(op) '\(KilnError.printable(node))': \(n) instructions") }
            }
            print("kiln: wrote \(r.outputs.count) output(s) to \(outputs)")
        }
    }
}

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run ONNX backend-style test folders (model.onnx + test_data_set_*/) and compare outputs.")

    @Argument(help: "Case folders, or folders of case folders.") var cases: [String]
    @Option(help: "Target board (see `kiln targets`); boards run under QEMU.") var target: String = "host"
    @Option(help: "Relative tolerance for float32/float64.") var rtol: Double = 1e-3
    @Option(help: "Absolute tolerance for float32/float64.") var atol: Double = 1e-4
    @Option(name: .customLong("int-tolerance"), help: "Largest accepted difference for integer outputs (quantized models: steps of the output scale; default 0, exact).") var intTolerance: Int = 0
    @Option(help: "Parallel jobs.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Build with AddressSanitizer and UndefinedBehaviorSanitizer.") var sanitize = false
    @Option(help: "Write per-case results (JSON) to this file.") var report: String?
    @Option(name: .customLong("expect-pass"), help: "File listing cases that must pass (one per line); any of them failing fails the run.") var expectPass: String?
    @Flag(help: "Print only failing cases and the summary.") var quiet = false

    func run() throws {
        try guarded {
            let found = try CaseRunner.discover(cases)
            var o = CaseRunner.Options(target: try TargetDescription.named(target))
            o.tolerance.rtol = rtol
            o.tolerance.atol = atol
            o.tolerance.intTolerance = max(0, intTolerance)
            o.jobs = max(1, jobs)
            o.sanitize = sanitize
            let results = try CaseRunner.run(found, options: o)
            var passed = 0
            for r in results {
                if r.status == .passed { passed += 1; if !quiet { print("PASS \(r.name)") } }
                else { print("\(r.status == .unsupported ? "UNSUPPORTED" : "FAIL") \(r.name): \(r.detail)") }
            }
            if let report {
                let json = JSON.array(results.map { r in
                    .object([("name", .string(r.name)), ("status", .string(r.status.rawValue)),
                             ("detail", .string(r.detail)), ("ops", .array(r.ops.map { .string($0) }))])
                })
                try Data((json.render() + "\n").utf8).write(to: URL(fileURLWithPath: report))
            }
            var regressions: [String] = []
            if let expectPass {
                guard let text = try? String(contentsOfFile: expectPass, encoding: .utf8) else { throw KilnError.bad("cannot read", file: expectPass) }
                let status = Dictionary(results.map { ($0.name, $0.status) }, uniquingKeysWith: { a, _ in a })
                for line in text.split(separator: "\n") {
                    let name = line.trimmingCharacters(in: .whitespaces)
                    if name.isEmpty || name.hasPrefix("#") { continue }
                    if let s = status[name], s != .passed { regressions.append(name) }
                }
            }
            print("\(passed) passed, \(results.count - passed) failed")
            if !regressions.isEmpty {
                print("regressions (listed in \(expectPass!) but not passing): \(regressions.joined(separator: ", "))")
                throw ExitCode(1)
            }
            if expectPass == nil && passed != results.count { throw ExitCode(1) }
        }
    }
}

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a model's ops, shapes, parameter bytes, MACs and memory plan.")

    @Argument(help: "The .onnx model.") var model: String
    @Option(name: .customLong("input-shape"), help: "Pin an input's shape: NAME=1x3x224x224 (repeatable).") var inputShape: [String] = []
    @Flag(help: "Print the metadata JSON instead of the table.") var json = false
    @Option(help: "Target board (kernel selection and memory limits).") var target: String = "host"

    func run() throws {
        try guarded {
            var o = CompileOptions(target: try TargetDescription.named(target))
            o.importOptions.inputShapes = try parseInputShapes(inputShape)
            o.emit.modelFileName = URL(fileURLWithPath: model).lastPathComponent
            let c = try Compiler.compile(path: model, options: o)
            if json { print(c.metadata.render()); return }
            print(Inspector.report(c))
        }
    }
}

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "targets", abstract: "List the targets (toolchains/*.json).")

    func run() throws {
        try guarded {
            for t in try TargetDescription.all() {
                var line = "\(t.name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(t.summary)"
                if let m = t.memory { line += " [flash \(m.flash_bytes / 1024) KiB, RAM \(m.ram_bytes / 1024) KiB]" }
                print(line)
            }
        }
    }
}

KilnCommand.main()
