import Foundation
import ONNX
import XCTest
@testable import Kiln

/// Issue 6: hostile input handling in the importer, the linear-time memory planner against its quadratic
/// reference, output directory writes, stack-estimate parsing. The corpus itself is checked by
/// scripts/run-hostile.py (`make hostile-test`).
final class RobustnessTests: XCTestCase {
    func testDuplicateGraphInputIsAnError() throws {
        var b = ModelBuilder.addRelu()
        b.model.graph.input.append(ModelBuilder.valueInfo("x", .float32, [1, 4]))
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.message.contains("listed more than once") ?? false, e?.description ?? "")
    }

    func testInitializerListedAsInputStaysConstant() throws {
        // ONNX IR < 4: initializers also appear among the graph inputs.
        var b = ModelBuilder.addRelu()
        b.model.graph.input.append(ModelBuilder.valueInfo("b", .float32, [4]))
        let g = try ModelImporter.importModel(b.model, file: "m.onnx", baseDirectory: nil)
        XCTAssertEqual(g.inputs.map { g.value($0).name }, ["x"])
    }

    func testMissingAndFutureIRVersion() throws {
        var b = ModelBuilder.addRelu()
        b.model.irVersion = 0
        XCTAssertTrue(compileErrors(try b.write())?.message.contains("ir_version is missing") ?? false)
        b.model.irVersion = 1000
        XCTAssertEqual(compileErrors(try b.write())?.kind, .unsupported)
    }

    func testEmptyOpType() throws {
        var b = ModelBuilder.addRelu()
        b.model.graph.node[1].opType = ""
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertEqual(e?.node, "relu")
        XCTAssertTrue(e?.message.contains("empty op_type") ?? false)
    }

    func testTooManyOutputsIsNamed() throws {
        var b = ModelBuilder()
        b.input("x", .float32, [2])
        b.node("Relu", ["x"], ["y", "z"], name: "two")
        b.output("y")
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.message.contains("the node has 2 outputs, the operator produces 1") ?? false, e?.description ?? "")
    }

    func testLoadFromMemoryMatchesFile() throws {
        let b = ModelBuilder.addRelu()
        let g = try ModelImporter.load(data: try b.data(), file: "mem.onnx", baseDirectory: nil)
        XCTAssertEqual(g.nodes.map(\.opType), ["Add", "Relu"])
        XCTAssertThrowsError(try ModelImporter.load(data: Data(), file: "mem.onnx", baseDirectory: nil))
    }

    func testFifoAndDirectoryAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("model.onnx")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertTrue(compileErrors(fifo.path)?.message.contains("not a regular file") ?? false)
        XCTAssertTrue(compileErrors(dir.path)?.message.contains("no such model file") ?? false)

        // External data that is a FIFO would block the reader forever.
        var b = ModelBuilder.addRelu()
        var t = b.model.graph.initializer[0]
        t.clearRawData()
        t.dataLocation = .external
        var e = Onnx_StringStringEntryProto(); e.key = "location"; e.value = "w.bin"
        t.externalData = [e]
        b.model.graph.initializer[0] = t
        let sub = dir.appendingPathComponent("m")
        let p = try b.write(in: sub)
        XCTAssertEqual(mkfifo(sub.appendingPathComponent("w.bin").path, 0o600), 0)
        XCTAssertTrue(compileErrors(p)?.message.contains("is not a regular file") ?? false, compileErrors(p)?.description ?? "")
    }

    // MARK: memory planner

    /// The planner before it was made linear: the same greedy-by-size best fit, scanning every placed buffer.
    static func referencePlan(_ buffers: inout [Buffer], alignment: Int) -> Int {
        func roundUp(_ x: Int) -> Int { (x + alignment - 1) / alignment * alignment }
        let order = buffers.indices.sorted {
            let a = buffers[$0], b = buffers[$1]
            if a.bytes != b.bytes { return a.bytes > b.bytes }
            if a.firstStep != b.firstStep { return a.firstStep < b.firstStep }
            return a.id < b.id
        }
        var placed: [Int] = []
        var arena = 0
        for i in order {
            let b = buffers[i]
            if b.bytes == 0 { buffers[i].offset = 0; continue }
            let live = placed.filter { buffers[$0].overlapsInTime(b) }.sorted { buffers[$0].offset < buffers[$1].offset }
            var best: (offset: Int, gap: Int)? = nil
            var cursor = 0
            for j in live {
                let o = buffers[j]
                let start = roundUp(cursor)
                if o.offset >= start + b.bytes {
                    let gap = o.offset - start
                    if best == nil || gap < best!.gap { best = (start, gap) }
                }
                cursor = max(cursor, o.offset + o.bytes)
            }
            let offset = best?.offset ?? roundUp(cursor)
            buffers[i].offset = offset
            arena = max(arena, offset + b.bytes)
            placed.append(i)
        }
        return roundUp(arena)
    }

    func testPlannerMatchesReferenceOnRandomLifetimes() {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<200 {
            let steps = Int.random(in: 1...40, using: &rng)
            var buffers: [Buffer] = []
            for k in 0..<Int.random(in: 0...60, using: &rng) {
                let f = Int.random(in: -1...steps, using: &rng)
                let l = Int.random(in: f...min(steps, f + Int.random(in: 0...(trial % 2 == 0 ? 3 : steps + 1), using: &rng)), using: &rng)
                buffers.append(Buffer(id: k, bytes: [0, 1, 4, 16, 24, 64, 100, 256].randomElement(using: &rng)!, firstStep: f, lastStep: l))
            }
            var fast = buffers, slow = buffers
            let a = MemoryPlanner.plan(&fast, alignment: 16)
            let b = RobustnessTests.referencePlan(&slow, alignment: 16)
            XCTAssertEqual(a, b)
            XCTAssertEqual(fast.map(\.offset), slow.map(\.offset))
            XCTAssertNil(MemoryPlanValidator.validate(fast, arenaBytes: a, alignment: 16))
            var brute = 0
            for s in -1...steps { brute = max(brute, buffers.filter { $0.firstStep <= s && s <= $0.lastStep }.reduce(0) { $0 + $1.bytes }) }
            XCTAssertEqual(MemoryPlanner.lowerBound(buffers, stepCount: steps), brute)
        }
    }

    func testValidatorFindsOverlaps() {
        let a = Buffer(id: 0, bytes: 32, firstStep: 0, lastStep: 5, offset: 0)
        let b = Buffer(id: 1, bytes: 32, firstStep: 5, lastStep: 6, offset: 16)
        let c = Buffer(id: 2, bytes: 32, firstStep: 6, lastStep: 9, offset: 0)
        let far = Buffer(id: 3, bytes: 1000, firstStep: 0, lastStep: 9, offset: 64)
        XCTAssertNotNil(MemoryPlanValidator.validate([a, b, far], arenaBytes: 2048, alignment: 16))
        XCTAssertNil(MemoryPlanValidator.validate([a, c, far], arenaBytes: 2048, alignment: 16))
        XCTAssertNotNil(MemoryPlanValidator.validate([a, c, far, Buffer(id: 4, bytes: 8, firstStep: 9, lastStep: 9, offset: 1000)],
                                                     arenaBytes: 2048, alignment: 8))
    }

    // MARK: output and stack estimate

    func testOutputDirectoryReplacesOnlyItsFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try OutputDirectory.write([GeneratedFile("a.c", "one")], to: out.path)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try OutputDirectory.write([GeneratedFile("a.c", "two"), GeneratedFile("b.h", "x")], to: out.path)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("a.c"), encoding: .utf8), "two")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8), "mine")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"])
        let file = root.appendingPathComponent("plain")
        try Data().write(to: file)
        XCTAssertThrowsError(try OutputDirectory.write([GeneratedFile("a.c", "x")], to: file.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["out", "plain"])
    }

    func testCallGraphLineParsing() {
        let line: Substring = "edge: { sourcename: \"model_invoke\" targetname: \"kiln_add_f32\" label: \"model.c:3:5\" }"
        XCTAssertEqual(StackEstimator.quoted(line, after: "sourcename:"), "model_invoke")
        XCTAssertEqual(StackEstimator.quoted(line, after: "targetname:"), "kiln_add_f32")
        XCTAssertNil(StackEstimator.quoted("edge: { sourcename: \"x", after: "sourcename:"))
    }

    func testStackEstimateOnHost() throws {
        var c = try Compiler.compile(path: try ModelBuilder.addRelu().write(), options: CompileOptions(target: .host))
        let e = StackEstimator.estimate(c, prefix: "model", toolchain: Toolchain(target: .host))
        XCTAssertNotNil(e.bytes, e.note)
        XCTAssertGreaterThanOrEqual(e.bytes ?? -1, 0)
        c.attachStackEstimate(e, prefix: "model")
        let json = c.files.first { $0.name == "model.json" }!.contents
        XCTAssertTrue(json.contains("\"stack_estimate_bytes\": \(e.bytes!)"), json)
        let missing = StackEstimator.estimate(c, prefix: "model", toolchain: Toolchain(target: TargetDescription(
            name: "nothing", summary: "", cc: "kiln-no-such-cc", tools_prefix: "", cflags: [], ldflags: [], libs: nil,
            startup_sources: nil, linker_script: nil, memory: nil, qemu: nil, features: [], kernel_isas: [], packages: [])))
        XCTAssertNil(missing.bytes)
        XCTAssertTrue(missing.note.contains("not installed"))
    }
}
