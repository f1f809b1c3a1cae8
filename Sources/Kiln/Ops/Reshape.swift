/// Reshape: same bytes, new shape. The target shape must be known at compile time; 0 copies the input dim
/// (unless `allowzero`=1) and one -1 is inferred. Opset < 5 takes the shape as an attribute.
public enum Reshape: Operator {
    public static let opType = "Reshape"
    public static let aliasesInput = true

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let x = try n.input(0)
        let requested: [Int]
        if n.opset < 5 {
            guard let s = try n.ints("shape") else { throw n.error("missing 'shape' attribute") }
            requested = s
        } else {
            let s = try n.requireConstant(1, "shape")
            guard s.dtype == .int64, s.shape.count == 1 else { throw n.error("shape must be a 1-D int64 tensor") }
            requested = s.ints
        }
        let allowZero = try n.int("allowzero", default: 0) != 0
        return [TensorType(x.dtype, try resolve(requested, input: x.shape, allowZero: allowZero, n))]
    }

    /// Resolves 0 and -1 entries of a requested shape against the input shape.
    public static func resolve(_ requested: [Int], input: [Int], allowZero: Bool, _ n: NodeContext) throws -> [Int] {
        var out = requested
        var inferAt: Int? = nil
        for (i, d) in requested.enumerated() {
            if d == 0 && !allowZero {
                guard i < input.count else { throw n.error("shape \(requested) copies dim \(i), the input has rank \(input.count)") }
                out[i] = input[i]
            } else if d == -1 {
                if inferAt != nil { throw n.error("shape \(requested) has more than one -1") }
                inferAt = i
            } else if d < 0 {
                throw n.error("shape \(requested) has a negative dim")
            }
        }
        let total = input.elementCount
        if let k = inferAt {
            var known = 1
            for (i, d) in out.enumerated() where i != k {
                let (p, o) = known.multipliedReportingOverflow(by: d)
                guard !o else { throw n.error("cannot reshape \(input) to \(requested)") }
                known = p
            }
            guard known > 0, total % known == 0 else { throw n.error("cannot reshape \(input) to \(requested)") }
            out[k] = total / known
        }
        guard out.checkedElementCount() == total else { throw n.error("cannot reshape \(input) (\(total) elements) to \(requested)") }
        return out
    }

    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        guard let x = n.constant(0) else { return nil }
        return [x.reshaped(try n.output(0).shape)]
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {}
}
