/// Where: y = condition ? x : y element-wise, with three-way NumPy broadcasting. Any element type.
public enum Where: Operator {
    public static let opType = "Where"
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let c = try n.input(0), x = try n.input(1), y = try n.input(2)
        guard c.dtype == .bool else { throw n.error("condition must be bool, the model gives \(c.dtype.onnxName)") }
        try n.requireSameDType([x, y])
        guard let s = Broadcast.shape([c.shape, x.shape, y.shape]) else {
            throw n.error("shapes \(c.shape), \(x.shape) and \(y.shape) cannot be broadcast together")
        }
        return [TensorType(x.dtype, s)]
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let c = n.constant(0), let x = n.constant(1), let y = n.constant(2) else { return nil }
        let out = try n.output(0)
        let m = Broadcast.indexMaps([c.shape, x.shape, y.shape], to: out.shape)
        let size = out.dtype.size
        var bytes = [UInt8]()
        bytes.reserveCapacity(out.count * size)
        for i in 0..<out.count {
            let (src, k) = c.bytes[m[0][i]] != 0 ? (x, m[1][i]) : (y, m[2][i])
            bytes.append(contentsOf: src.bytes[(k * size)..<((k + 1) * size)])
        }
        return [TensorData(dtype: out.dtype, shape: out.shape, bytes: bytes)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let c = try n.input(0), x = try n.input(1), y = try n.input(2), o = try n.output(0)
        let l = try BinaryElementwise.layout(n, [c.shape, x.shape, y.shape], o.shape)
        b.call("kiln_where_\(o.dtype.kernelSuffix)", source: "kiln_where",
               [.input(try n.inputID(0)), .input(try n.inputID(1)), .input(try n.inputID(2)), .output(try n.outputID(0)),
                .int(l.shape.count), .ints(l.shape), .ints(l.strides[0]), .ints(l.strides[1]), .ints(l.strides[2])])
        if x.shape == o.shape { b.allowInPlace(input: 1, output: 0) }
        if y.shape == o.shape { b.allowInPlace(input: 2, output: 0) }
        if c.shape == o.shape && o.dtype.size == 1 { b.allowInPlace(input: 0, output: 0) }
    }
}
