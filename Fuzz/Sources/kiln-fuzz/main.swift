// The libFuzzer target: every input is an .onnx file's bytes, run through the whole compiler in memory
// (decode → import → infer-and-fold → dead code → schedule → arena plan → C emission → metadata → inspect).
// A malformed model must end in a KilnError whose message is one line; anything else (a trap, a non-Kiln error,
// a multi-line message, a hang or unbounded memory) is a finding.
import FuzzDriver
import Foundation
import Kiln

/// External data may be named by fuzzed models: give them a folder with a few files to find (and escape from).
let sandbox: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-fuzz-\(getpid())")
    let dir = root.appendingPathComponent("model")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? Data((0..<64).map { UInt8($0) }).write(to: dir.appendingPathComponent("w.bin"))
    try? Data([1, 2, 3, 4]).write(to: root.appendingPathComponent("outside.bin"))
    try? FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.bin").path, withDestinationPath: "../outside.bin")
    return dir
}()

let targets: [TargetDescription] = {
    var ts: [TargetDescription] = []
    for name in ["host", "cortex-m4", "riscv32-v"] { if let t = try? TargetDescription.named(name) { ts.append(t) } }
    return ts
}()

func fail(_ what: String) -> Never {
    FileHandle.standardError.write(Data("kiln-fuzz: \(what)\n".utf8))
    abort()
}

func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let bytes, size > 0 else { return 0 }
    let data = Data(bytes: bytes, count: size)
    // The last byte picks a target (kernel ISA selection differs per target).
    var options = CompileOptions(target: targets[Int(bytes[size - 1]) % targets.count])
    // Limits as on a large board: a tiny input that asks for gigabytes must be refused, not computed.
    options.maxRAM = 64 << 20
    options.maxFlash = 64 << 20
    do {
        let g = try ModelImporter.load(data: data, file: "fuzz.onnx", baseDirectory: sandbox, options: options.importOptions)
        let c = try Compiler.compile(graph: g, options: options)
        _ = c.metadata.render()
        _ = Inspector.report(c)
        for f in c.files where f.contents.isEmpty { fail("generated an empty \(f.name)") }
    } catch let e as KilnError {
        let line = e.description
        if line.contains("\n") || line.contains("\r") { fail("multi-line error message: \(line.debugDescription)") }
    } catch {
        fail("error that is not a KilnError: \(error)")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
// KILN_FUZZ_MODE=ops: inputs drive the graph generator of OpFuzz.swift instead of being .onnx files.
if ProcessInfo.processInfo.environment["KILN_FUZZ_MODE"] == "ops" {
    exit(LLVMFuzzerRunDriver(&argc, &argv) { OpFuzz.run($0, $1, targets: targets) })
}
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOne($0, $1) })
