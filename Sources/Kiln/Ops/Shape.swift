/// Shape: the input's dims as int64, optionally sliced by `start`/`end` (opset 15). Always known at compile
/// time, so it folds even when the input is computed at run time.
public enum Shape: Operator {
    public static let opType = "Shape"
    public static let foldsFromTypes = true

    static func value(_ n: NodeContext) throws -> TensorData {
        let x = try n.input(0)
        let r = x.rank
        var start = 0, end = r
        if n.opset >= 15 {
            func clamp(_ v: Int) -> Int { let w = v < 0 ? v &+ r : v; return Swift.min(Swift.max(w, 0), r) }
            start = clamp(try n.int("start", default: 0))
            if let e = try n.int("end") { end = clamp(e) }
        }
        let dims = start < end ? Array(x.shape[start..<end]) : []
        return .vector(dims.map { Int64($0) })
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] { [try value(n).type] }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? { [try value(n)] }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try DataMovement.lowerConstantOutput(n, &b, try value(n))
    }
}
