import Foundation
import ONNX
import XCTest
@testable import Kiln

final class ModelImporterTests: XCTestCase {
    func testImportsTypesAndOrder() throws {
        var b = ModelBuilder.addRelu()
        // Put the nodes in reverse file order: the importer must still order them topologically.
        b.model.graph.node.reverse()
        let g = try ModelImporter.importModel(b.model, file: "m.onnx", baseDirectory: nil)
        XCTAssertEqual(g.nodes.map(\.opType), ["Add", "Relu"])
        XCTAssertEqual(g.value(g.inputs[0]).type, TensorType(.float32, [1, 4]))
        XCTAssertEqual(g.opset, 13)
    }

    func testRejectsGarbage() throws {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        let empty = d.appendingPathComponent("empty.onnx")
        try Data().write(to: empty)
        XCTAssertEqual(compileErrors(empty.path)?.kind, .badInput)
        let random = d.appendingPathComponent("random.onnx")
        try Data((0..<500).map { UInt8(($0 * 7919) % 251) }).write(to: random)
        let e = compileErrors(random.path)
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.description.contains("random.onnx") ?? false)
    }

    func testCycleIsAnError() throws {
        var b = ModelBuilder()
        b.input("x", .float32, [2])
        b.node("Add", ["x", "z"], ["y"], name: "a")
        b.node("Relu", ["y"], ["z"], name: "r")
        b.output("y", .float32, [2])
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.message.contains("cycle") ?? false, e?.description ?? "")
    }

    func testUndefinedAndDuplicateNames() throws {
        var b = ModelBuilder()
        b.input("x", .float32, [2])
        b.node("Relu", ["nope"], ["y"], name: "r")
        b.output("y", .float32, [2])
        XCTAssertTrue(compileErrors(try b.write())?.description.contains("'nope' is not defined") ?? false)

        var c = ModelBuilder()
        c.input("x", .float32, [2])
        c.node("Relu", ["x"], ["y"], name: "r1")
        c.node("Relu", ["x"], ["y"], name: "r2")
        c.output("y", .float32, [2])
        XCTAssertTrue(compileErrors(try c.write())?.description.contains("already produced") ?? false)
    }

    func testSymbolicDimNeedsInputShape() throws {
        var b = ModelBuilder()
        b.input("x", .float32, [nil, 4])
        b.node("Relu", ["x"], ["y"])
        b.output("y")
        let path = try b.write()
        let e = compileErrors(path)
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.message.contains("--input-shape x=") ?? false, e?.description ?? "")
        var o = CompileOptions(target: .host)
        o.importOptions.inputShapes = ["x": [3, 4]]
        let c = try Compiler.compile(path: path, options: o)
        XCTAssertEqual(c.schedule.graph.value(c.schedule.graph.outputs[0]).type, TensorType(.float32, [3, 4]))
    }

    func testUnsupportedOpNamesNodeAndOp() throws {
        var b = ModelBuilder()
        b.input("x", .float32, [2])
        b.node("NoSuchOp", ["x"], ["y"], name: "weird")
        b.output("y")
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .unsupported)
        XCTAssertEqual(e?.node, "weird")
        XCTAssertEqual(e?.op, "NoSuchOp")
        XCTAssertEqual(e?.exitCode, 2)
    }

    func testTensorPayloadSizeIsChecked() throws {
        var b = ModelBuilder.addRelu()
        b.model.graph.initializer[0].rawData = Data([0, 0, 0])
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.message.contains("raw_data holds 3 bytes") ?? false, e?.description ?? "")
    }

    func testExternalDataStaysInsideModelFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-ext-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("model")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let payload = Data([Float](arrayLiteral: 1, -2, 3, -4).flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) })
        try payload.write(to: dir.appendingPathComponent("w.bin"))
        try payload.write(to: root.appendingPathComponent("outside.bin"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("link.bin"),
                                                   withDestinationURL: root.appendingPathComponent("outside.bin"))

        func model(location: String) -> ModelBuilder {
            var b = ModelBuilder.addRelu()
            var t = b.model.graph.initializer[0]
            t.clearRawData()
            t.dataLocation = .external
            var e = Onnx_StringStringEntryProto(); e.key = "location"; e.value = location
            t.externalData = [e]
            b.model.graph.initializer[0] = t
            return b
        }
        // Inside the folder: works and reads the bytes.
        let ok = try model(location: "w.bin").write(in: dir)
        let c = try Compiler.compile(path: ok, options: CompileOptions(target: .host))
        XCTAssertEqual(c.schedule.graph.values.first { $0.name == "b" }?.constant?.doubles, [1, -2, 3, -4])
        for bad in ["../outside.bin", "/etc/passwd", "link.bin", "sub/../../outside.bin", "missing.bin"] {
            let p = try model(location: bad).write(name: "bad.onnx", in: dir)
            let e = compileErrors(p)
            XCTAssertEqual(e?.kind, .badInput, "location \(bad)")
            XCTAssertTrue(e?.message.contains("external data") ?? false, "\(bad): \(e?.description ?? "")")
        }
    }

    /// A model file reached through a symlink (test cases link the shared MLPerf models) is a regular file.
    func testSymlinkedModelFileLoads() throws {
        let path = try ModelBuilder.addRelu().write()
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-link-\(UUID().uuidString).onnx")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: path)
        defer { try? FileManager.default.removeItem(at: link) }
        XCTAssertNoThrow(try Compiler.compile(path: link.path, options: CompileOptions(target: .host)))
    }

    func testDeclaredOutputShapeMismatch() throws {
        var b = ModelBuilder.addRelu()
        b.model.graph.output[0] = ModelBuilder.valueInfo("y", .float32, [1, 5])
        let e = compileErrors(try b.write())
        XCTAssertEqual(e?.kind, .badInput)
        XCTAssertTrue(e?.message.contains("declared") ?? false)
    }
}
