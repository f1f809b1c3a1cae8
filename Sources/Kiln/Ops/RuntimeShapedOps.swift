/// Operators whose output shape depends on the run-time values of their inputs. Kiln plans memory at compile
/// time, so these fail with an error that names the node and the reason, rather than the generic "operator is
/// not supported".
enum RuntimeShaped {
    static func fail(_ n: NodeContext, _ what: String) -> KilnError {
        n.unsupported("the output shape depends on the run-time values of \(what), but Kiln needs static shapes")
    }
}

/// NonMaxSuppression: the number of selected boxes is data-dependent.
public enum NonMaxSuppression: Operator {
    public static let opType = "NonMaxSuppression"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { throw RuntimeShaped.fail(n, "the boxes and scores") }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { throw RuntimeShaped.fail(n, "the boxes and scores") }
}

/// Unique: the number of distinct values is data-dependent.
public enum Unique: Operator {
    public static let opType = "Unique"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { throw RuntimeShaped.fail(n, "X") }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { throw RuntimeShaped.fail(n, "X") }
}

/// ImageDecoder: the image size is read from the encoded bytes, and Kiln has no image codecs.
public enum ImageDecoder: Operator {
    public static let opType = "ImageDecoder"
    public static func infer(_ n: NodeContext) throws -> [TensorType] { throw RuntimeShaped.fail(n, "the encoded image") }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws { throw RuntimeShaped.fail(n, "the encoded image") }
}
