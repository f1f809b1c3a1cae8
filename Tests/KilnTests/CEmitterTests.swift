import Foundation
import XCTest
@testable import Kiln

final class CEmitterTests: XCTestCase {
    func testSameModelSameBytes() throws {
        let p1 = try ModelBuilder.addRelu().write()
        let p2 = try ModelBuilder.addRelu().write()
        var o = CompileOptions(target: .host)
        o.emit.prefix = "net"
        let a = try Compiler.compile(path: p1, options: o).files
        let b = try Compiler.compile(path: p2, options: o).files
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.map(\.name).sorted(), ["kiln_binary.c", "kiln_binary.h", "kiln_broadcast.h", "kiln_common.h", "kiln_relu.c", "kiln_relu.h",
                                                "net.c", "net.h", "net.json", "net_weights.c"])
    }

    func testHeaderAPI() throws {
        var o = CompileOptions(target: .host)
        o.emit.prefix = "kws"
        let files = try Compiler.compile(path: try ModelBuilder.addRelu().write(), options: o).files
        let h = files.first { $0.name == "kws.h" }!.contents
        for s in ["#define KWS_ARENA_SIZE", "#define KWS_INPUT_0_SHAPE {1, 4}", "#define KWS_OUTPUT_0_DTYPE 1",
                  "void *kws_input(int i);", "int kws_invoke(void);", "int kws_run(const float *in0, float *out0);",
                  "void kws_set_arena(void *arena);"] {
            XCTAssertTrue(h.contains(s), "missing \(s)")
        }
    }

    func testHostileNamesAreSanitized() throws {
        var b = ModelBuilder()
        let evil = "x */ #include <stdio.h>\nint main; /* ??/"
        b.input(evil, .float32, [1, 4])
        b.initializer("int", TensorData(dtype: .float32, shape: [4], doubles: [1, 2, 3, 4]))
        b.initializer("int!", TensorData(dtype: .float32, shape: [4], doubles: [5, 6, 7, 8]))
        b.node("Add", [evil, "int"], ["s"], name: "*/ evil node \u{1F600}")
        b.node("Add", ["s", "int!"], ["y"], name: "n2")
        b.output("y", .float32, [1, 4])
        let files = try Compiler.compile(path: try b.write(), options: CompileOptions(target: .host)).files
        for f in files where f.name.hasPrefix("model") && !f.name.hasSuffix(".json") {
            let text = f.contents
            // Every comment opened is closed on the same line, and no model text escapes into code.
            for line in text.split(separator: "\n") where line.contains("/*") {
                XCTAssertEqual(line.components(separatedBy: "/*").count, 2, "nested comment in \(f.name): \(line)")
                XCTAssertTrue(line.contains("*/"), "unterminated comment in \(f.name): \(line)")
            }
            XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("#include <stdio.h>") || $0.hasPrefix("int main") }, f.name)
            XCTAssertFalse(text.contains("??/"), f.name)
        }
        let w = files.first { $0.name == "model_weights.c" }!.contents
        XCTAssertTrue(w.contains("model_w_int[4]"))
        XCTAssertTrue(w.contains("model_w_int_2[4]"))
    }

    func testIdentifierMapping() {
        var ids = CIdentifiers()
        XCTAssertEqual(ids.name(for: "conv1.weight", prefix: "m_w"), "m_w_conv1_weight")
        XCTAssertEqual(ids.name(for: "conv1/weight", prefix: "m_w"), "m_w_conv1_weight_2")
        XCTAssertEqual(ids.name(for: "conv1.weight", prefix: "m_w"), "m_w_conv1_weight")
        XCTAssertEqual(ids.name(for: "", prefix: "m_w"), "m_w")
        XCTAssertTrue(CIdentifiers.isValid("model_1"))
        XCTAssertFalse(CIdentifiers.isValid("1model"))
        XCTAssertFalse(CIdentifiers.isValid("static"))
        XCTAssertFalse(CIdentifiers.isValid("a-b"))
    }

    func testFloatLiteralsRoundTrip() {
        for f: Float in [0.1, 1, -0.0, 1e-45, 3.4028235e38, 1.17549435e-38, 0.3333333, 16777217] {
            let s = CText.float(f)
            XCTAssertEqual(Float(String(s.dropLast())), f, s)
        }
        XCTAssertEqual(CText.float(.infinity), "INFINITY")
        XCTAssertEqual(CText.integer(Int64.min, .int64), "(-INT64_C(9223372036854775807) - 1)")
    }

    func testTemplatesAreEmbeddedFresh() throws {
        // Templates/ on disk must match what the binary embeds (run `make templates` after editing them).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var onDisk: [String: String] = [:]
        let embeddable = [".c", ".h", ".ld", ".S", ".txt", ".mk", ".cmake", ".in", ".json"]
        for (folder, prefix) in [("Templates", ""), ("toolchains", "toolchains/")] {
            let dir = root.appendingPathComponent(folder)
            let e = FileManager.default.enumerator(atPath: dir.path)!
            while let rel = e.nextObject() as? String {
                let u = dir.appendingPathComponent(rel)
                var isDir: ObjCBool = false
                FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir)
                let name = u.lastPathComponent
                guard !isDir.boolValue, embeddable.contains(where: { name.hasSuffix($0) }) || name == "Makefile" || name == "CMakeLists.txt" else { continue }
                onDisk[prefix + rel] = try String(contentsOf: u, encoding: .utf8)
            }
        }
        XCTAssertEqual(Set(onDisk.keys), Set(EmbeddedTemplates.files.keys), "run `make templates`")
        for (k, v) in onDisk { XCTAssertEqual(EmbeddedTemplates.files[k], v, "\(k) is stale: run `make templates`") }
    }
}
