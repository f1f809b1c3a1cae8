import Foundation
import ONNX
@testable import Kiln

/// Builds small ONNX models in tests without Python.
struct ModelBuilder {
    var model = Onnx_ModelProto()

    init(opset: Int64 = 13) {
        model.irVersion = 8
        var o = Onnx_OperatorSetIdProto()
        o.domain = ""
        o.version = opset
        model.opsetImport = [o]
        model.graph.name = "test"
    }

    static func valueInfo(_ name: String, _ dtype: DType, _ dims: [Int64?], symbolic: String = "N") -> Onnx_ValueInfoProto {
        var vi = Onnx_ValueInfoProto()
        vi.name = name
        var tt = Onnx_TypeProto.Tensor()
        tt.elemType = Int32(dtype.rawValue)
        var shape = Onnx_TensorShapeProto()
        for d in dims {
            var dim = Onnx_TensorShapeProto.Dimension()
            if let d { dim.dimValue = d } else { dim.dimParam = symbolic }
            shape.dim.append(dim)
        }
        tt.shape = shape
        vi.type.tensorType = tt
        return vi
    }

    mutating func input(_ name: String, _ dtype: DType = .float32, _ dims: [Int64?]) {
        model.graph.input.append(Self.valueInfo(name, dtype, dims))
    }

    mutating func output(_ name: String, _ dtype: DType = .float32, _ dims: [Int64?]? = nil) {
        if let dims { model.graph.output.append(Self.valueInfo(name, dtype, dims)) } else {
            var vi = Onnx_ValueInfoProto()
            vi.name = name
            model.graph.output.append(vi)
        }
    }

    mutating func initializer(_ name: String, _ data: TensorData) {
        var t = TensorProtoCoding.encode(data, name: name)
        t.name = name
        model.graph.initializer.append(t)
    }

    mutating func node(_ op: String, _ inputs: [String], _ outputs: [String], name: String = "",
                       ints: [String: [Int64]] = [:], int: [String: Int64] = [:], floats: [String: Float] = [:]) {
        var n = Onnx_NodeProto()
        n.opType = op
        n.input = inputs
        n.output = outputs
        n.name = name
        for (k, v) in ints.sorted(by: { $0.key < $1.key }) {
            var a = Onnx_AttributeProto(); a.name = k; a.type = .ints; a.ints = v; n.attribute.append(a)
        }
        for (k, v) in int.sorted(by: { $0.key < $1.key }) {
            var a = Onnx_AttributeProto(); a.name = k; a.type = .int; a.i = v; n.attribute.append(a)
        }
        for (k, v) in floats.sorted(by: { $0.key < $1.key }) {
            var a = Onnx_AttributeProto(); a.name = k; a.type = .float; a.f = v; n.attribute.append(a)
        }
        model.graph.node.append(n)
    }

    func data() throws -> Data { try model.serializedBytes() }

    /// Writes the model into a fresh temporary folder and returns the model path.
    func write(name: String = "model.onnx", in dir: URL? = nil) throws -> String {
        let d = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("kiln-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        let p = d.appendingPathComponent(name)
        try data().write(to: p)
        return p.path
    }

    /// A small valid model: y = Relu(x + b), x float32[1,4].
    static func addRelu() -> ModelBuilder {
        var b = ModelBuilder()
        b.input("x", .float32, [1, 4])
        b.initializer("b", TensorData(dtype: .float32, shape: [4], doubles: [1, -2, 3, -4]))
        b.node("Add", ["x", "b"], ["s"], name: "add")
        b.node("Relu", ["s"], ["y"], name: "relu")
        b.output("y", .float32, [1, 4])
        return b
    }
}

func compileErrors(_ path: String, _ options: CompileOptions = CompileOptions(target: .host)) -> KilnError? {
    do { _ = try Compiler.compile(path: path, options: options); return nil } catch let e as KilnError { return e } catch {
        return KilnError(.tool, "unexpected error type: \(error)")
    }
}
