import Foundation

/// Mod: NumPy broadcasting. fmod=0 (default): the result takes the divisor's sign (Python / numpy.mod);
/// fmod=1: the dividend's sign (C fmod). Integer x mod 0 = 0; float x mod 0 = NaN. Every numeric type.
public enum Mod: Operator {
    public static let opType = "Mod"
    static func isFmod(_ n: NodeContext) throws -> Bool {
        switch try n.int("fmod", default: 0) {
        case 0: return false
        case 1: return true
        case let v: throw n.error("fmod must be 0 or 1, got \(v)")
        }
    }
    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        _ = try isFmod(n)
        return try BinaryElementwise.inferSameType(n, allowed: BinaryElementwise.numeric)
    }
    static func floatMod(_ x: Double, _ z: Double, fmod: Bool) -> Double {
        let r = Foundation.fmod(x, z)
        if fmod || z == 0 { return r }
        if r != 0 { return (r < 0) != (z < 0) ? r + z : r }
        return z.sign == .minus ? -0.0 : 0.0
    }
    static func intMod(_ x: Int64, _ z: Int64, fmod: Bool) -> Int64 {
        if z == 0 { return 0 }
        let r = x.remainderReportingOverflow(dividingBy: z)
        if r.overflow { return 0 }
        if !fmod && r.partialValue != 0 && ((r.partialValue < 0) != (z < 0)) { return r.partialValue &+ z }
        return r.partialValue
    }
    public static func fold(_ n: NodeContext) throws -> [TensorData]? {
        let f = try isFmod(n)
        return try BinaryElementwise.foldNumeric(n, float: { floatMod($0, $1, fmod: f) },
                                                 signed: { intMod($0, $1, fmod: f) },
                                                 unsigned: { $1 == 0 ? 0 : $0 % $1 })
    }
    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        try BinaryElementwise.lower(n, &b, kernel: try isFmod(n) ? "fmod" : "mod", source: "kiln_mod")
    }
}
