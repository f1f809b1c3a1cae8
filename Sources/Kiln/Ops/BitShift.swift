/// BitShift: y = a << b or a >> b (`direction` LEFT or RIGHT), NumPy broadcasting. Unsigned integers, and signed
/// ones from opset 28. Shift counts below 0 or at least the bit width give 0, or -1 for a right shift of a
/// negative value; right shifts of signed values are arithmetic and left shifts wrap.
public enum BitShift: Operator {
    public static let opType = "BitShift"
    static func isLeft(_ n: NodeContext) throws -> Bool {
        guard let d = try n.string("direction") else { throw n.error("attribute 'direction' is required") }
        switch d {
        case "LEFT": return true
        case "RIGHT": return false
        default: throw n.error("direction '\(KilnError.printable(d))' is not LEFT or RIGHT")
        }
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try isLeft(n)
        return try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.ints)
    }
    /// The shift on Int64 values of a `bits`-wide type (signed values sign-extended, unsigned zero-extended).
    static func shift(_ x: Int64, _ s: Int64, bits: Int, left: Bool, signed: Bool) -> Int64 {
        let inRange = s >= 0 && s < Int64(bits)
        if left { return inRange ? Int64(bitPattern: UInt64(bitPattern: x) << UInt64(s)) : 0 }
        if signed { return inRange ? x >> s : (x < 0 ? -1 : 0) }
        let u = UInt64(bitPattern: x)
        return inRange ? Int64(bitPattern: u >> UInt64(s)) : 0
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let left = try isLeft(n), t = try n.input(0).dtype
        let bits = t.size * 8, signed = t.isSignedInteger
        // For unsigned types below 64 bits the count is non-negative already; uint64 counts >= 2^63 read as
        // negative here and, like the kernel's, fall outside [0, bits).
        return try BinaryElementwise.foldIntegers(n) { shift($0, $1, bits: bits, left: left, signed: signed) }
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: try isLeft(n) ? "bitshift_left" : "bitshift_right", source: "kiln_logic")
    }
}
