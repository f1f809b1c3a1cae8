/// Static type of a tensor: element type and fully known shape (Kiln only compiles static shapes).
public struct TensorType: Hashable, Sendable, CustomStringConvertible {
    public var dtype: DType
    public var shape: [Int]
    public init(_ dtype: DType, _ shape: [Int]) { self.dtype = dtype; self.shape = shape }
    public var count: Int { shape.elementCount }
    public var bytes: Int { count * dtype.size }
    public var rank: Int { shape.count }
    public var description: String { "\(dtype.onnxName)[\(shape.map(String.init).joined(separator: "x"))]" }
}

/// Affine quantization of a tensor: real = scale * (q - zeroPoint). One entry per tensor, or one per slice along
/// `axis` (per-channel). Filled by the QDQ passes; carried through scheduling so kernels and `kiln inspect` see it.
public struct QuantParams: Hashable, Sendable {
    public var scale: [Float]
    public var zeroPoint: [Int]
    public var axis: Int?
    public init(scale: [Float], zeroPoint: [Int], axis: Int? = nil) {
        self.scale = scale; self.zeroPoint = zeroPoint; self.axis = axis
    }
}

public typealias ValueID = Int
public typealias NodeID = Int

/// A tensor in the graph: a model input, a constant, or the output of one node.
public final class Value {
    public let id: ValueID
    /// The ONNX name. Never printed into C unsanitized (see `CIdentifiers`).
    public var name: String
    public var type: TensorType?
    /// Known value (initializer, Constant node or folded result). A value with `constant` set is never computed at run time.
    public var constant: TensorData?
    public var quant: QuantParams?
    public var producer: NodeID?
    init(id: ValueID, name: String) { self.id = id; self.name = name }
}

/// An attribute value as ONNX stores it. Subgraph attributes are kept as imported graphs for control-flow ops.
public enum Attribute {
    case int(Int)
    case float(Float)
    case string(String)
    case ints([Int])
    case floats([Float])
    case strings([String])
    case tensor(TensorData)
    case graph(Graph)
    case graphs([Graph])
    /// A type this compiler does not model (sparse tensors, type protos); naming it lets errors be precise.
    case unsupported(String)

    public var kindName: String {
        switch self {
        case .int: return "INT"
        case .float: return "FLOAT"
        case .string: return "STRING"
        case .ints: return "INTS"
        case .floats: return "FLOATS"
        case .strings: return "STRINGS"
        case .tensor: return "TENSOR"
        case .graph: return "GRAPH"
        case .graphs: return "GRAPHS"
        case .unsupported(let k): return k
        }
    }
}

/// An activation applied by the producing kernel as it stores results (set by the fusion pass, never by a model).
public struct ActivationSpec: Equatable {
    public enum Kind: Int { case none = 0, relu = 1, clip = 2 }
    public var kind: Kind
    public var min: Float
    public var max: Float
    public init(_ kind: Kind, min: Float = -.infinity, max: Float = .infinity) { self.kind = kind; self.min = min; self.max = max }
}

/// One operator application.
public final class Node {
    public let id: NodeID
    public var name: String
    public var opType: String
    public var domain: String
    public var attributes: [String: Attribute]
    /// Input values by position; nil for an omitted optional input (ONNX's empty name).
    public var inputs: [ValueID?]
    public var outputs: [ValueID?]
    /// Activation fused into this node by `FuseActivation`.
    public var fusedActivation: ActivationSpec?
    init(id: NodeID, name: String, opType: String, domain: String, attributes: [String: Attribute],
         inputs: [ValueID?], outputs: [ValueID?]) {
        self.id = id; self.name = name; self.opType = opType; self.domain = domain
        self.attributes = attributes; self.inputs = inputs; self.outputs = outputs
    }

    /// `domain::OpType`, or just the op type for the default domain.
    public var qualifiedOp: String { domain.isEmpty || domain == "ai.onnx" ? opType : "\(domain)::\(opType)" }
}

/// The typed graph IR. Nodes are kept in a valid topological order by every pass.
public final class Graph {
    public private(set) var values: [Value] = []
    public var nodes: [Node] = []
    public var inputs: [ValueID] = []
    public var outputs: [ValueID] = []
    /// Opset version per domain ("" is ai.onnx).
    public var opsets: [String: Int] = [:]
    /// Where the model came from, for error messages.
    public var sourceFile: String
    /// Output types the model file declares (static ones only); checked against inferred types.
    public var declaredOutputTypes: [ValueID: TensorType] = [:]
    /// Graph inputs that an operator needed at compile time and that were frozen from `ImportOptions.bindings`.
    public var frozenInputs: [String] = []
    /// For subgraphs: values of this graph that stand for values of the enclosing graph.
    public var outerReferences: [ValueID: ValueID] = [:]
    /// Nodes a pass has created but not yet put into `nodes` (control-flow expansion), by id, so that
    /// compile-time evaluation can still find a value's producer.
    public var pendingNodes: [NodeID: Node] = [:]
    /// Values available for freezing graph inputs (see `ImportOptions.bindings`).
    public var bindings: [String: TensorData] = [:]
    private var nextNodeID = 0

    public init(sourceFile: String) { self.sourceFile = sourceFile }

    public var opset: Int { opsets[""] ?? 1 }

    @discardableResult
    public func addValue(name: String, type: TensorType? = nil, constant: TensorData? = nil) -> Value {
        let v = Value(id: values.count, name: name)
        v.type = constant?.type ?? type
        v.constant = constant
        values.append(v)
        return v
    }

    @discardableResult
    public func addNode(name: String, opType: String, domain: String = "", attributes: [String: Attribute] = [:],
                        inputs: [ValueID?], outputs: [ValueID?]) -> Node {
        let n = Node(id: nextNodeID, name: name, opType: opType, domain: domain, attributes: attributes,
                     inputs: inputs, outputs: outputs)
        nextNodeID += 1
        for case let o? in outputs { values[o].producer = n.id }
        return n
    }

    public func value(_ id: ValueID) -> Value { values[id] }

    /// Consumers of every value, in node order.
    public func consumers() -> [ValueID: [Node]] {
        var map: [ValueID: [Node]] = [:]
        for n in nodes { for case let i? in n.inputs { map[i, default: []].append(n) } }
        return map
    }

    /// Sets a value's type, replacing what was there.
    public func setType(_ id: ValueID, _ t: TensorType) { values[id].type = t }

    /// Makes `id` a compile-time constant; its producer becomes dead and is removed by dead-code elimination.
    public func setConstant(_ id: ValueID, _ data: TensorData) {
        values[id].constant = data
        values[id].type = data.type
    }

    /// Rewires every use of `old` (node inputs and graph outputs) to `new`.
    public func replaceUses(of old: ValueID, with new: ValueID) {
        for n in nodes { n.inputs = n.inputs.map { $0 == old ? new : $0 } }
    }
}
