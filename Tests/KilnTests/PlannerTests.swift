import XCTest
@testable import Kiln

final class MemoryPlannerTests: XCTestCase {
    /// Random DAG-shaped lifetimes: the plan must never overlap two live buffers and never beat the lower bound.
    func testRandomLifetimesNeverOverlap() {
        var rng = SplitMix64(seed: 42)
        for trial in 0..<300 {
            let steps = Int(rng.next() % 40) + 1
            var buffers: [Buffer] = []
            for i in 0..<Int(rng.next() % 60 + 1) {
                let a = Int(rng.next() % UInt64(steps + 2)) - 1
                let b = min(steps, a + Int(rng.next() % UInt64(steps + 1)))
                buffers.append(Buffer(id: i, bytes: Int(rng.next() % 5000), firstStep: a, lastStep: max(a, b)))
            }
            let arena = MemoryPlanner.plan(&buffers, alignment: 16)
            XCTAssertNil(MemoryPlanValidator.validate(buffers, arenaBytes: arena, alignment: 16), "trial \(trial)")
            XCTAssertGreaterThanOrEqual(arena, MemoryPlanner.lowerBound(buffers, stepCount: steps))
        }
    }

    func testValidatorCatchesOverlap() {
        let a = Buffer(id: 0, bytes: 64, firstStep: 0, lastStep: 2, offset: 0)
        let b = Buffer(id: 1, bytes: 64, firstStep: 1, lastStep: 3, offset: 32)
        XCTAssertNotNil(MemoryPlanValidator.validate([a, b], arenaBytes: 128, alignment: 16))
        let c = Buffer(id: 1, bytes: 64, firstStep: 3, lastStep: 4, offset: 32)
        XCTAssertNil(MemoryPlanValidator.validate([a, c], arenaBytes: 128, alignment: 16))
    }

    func testChainReusesMemory() {
        // x0 -> x1 -> x2 -> x3, each 1000 bytes: two buffers suffice.
        var buffers = (0..<4).map { Buffer(id: $0, bytes: 1000, firstStep: $0 - 1, lastStep: $0) }
        let arena = MemoryPlanner.plan(&buffers, alignment: 16)
        XCTAssertEqual(arena, 2016)
        XCTAssertEqual(MemoryPlanner.lowerBound(buffers, stepCount: 3), 2000)
    }
}

/// Small deterministic PRNG for property tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
