/// Assigns arena offsets to buffers with known lifetimes: **greedy by size, best fit** (as TFLM's
/// GreedyMemoryPlanner and TVM's USMP "greedy_by_size").
///
/// 1. Sort buffers by size, largest first (ties: earlier first step, then lower id, so plans are deterministic).
/// 2. For each buffer, collect the already placed buffers whose lifetimes overlap its own, sorted by offset.
/// 3. Walk the gaps between them (and above the highest one); choose the smallest gap the buffer fits in
///    (best fit), lowest offset on ties. Offsets are rounded up to `alignment`.
/// 4. The arena size is the highest end offset, rounded up to `alignment`.
///
/// Placing large buffers first leaves small ones to fill the holes; on chain-shaped CNNs this reaches the lower
/// bound (max bytes live at any step) or comes within a few percent of it. `MemoryPlanValidator` checks the result.
public enum MemoryPlanner {
    public static func plan(_ buffers: inout [Buffer], alignment: Int) -> Int {
        let order = buffers.indices.sorted {
            let a = buffers[$0], b = buffers[$1]
            if a.bytes != b.bytes { return a.bytes > b.bytes }
            if a.firstStep != b.firstStep { return a.firstStep < b.firstStep }
            return a.id < b.id
        }
        var placed: [Int] = []
        var arena = 0
        for i in order {
            let b = buffers[i]
            if b.bytes == 0 { buffers[i].offset = 0; continue }
            let live = placed.filter { buffers[$0].overlapsInTime(b) }.sorted { buffers[$0].offset < buffers[$1].offset }
            var best: (offset: Int, gap: Int)? = nil
            var cursor = 0
            for j in live {
                let o = buffers[j]
                let start = roundUp(cursor, alignment)
                if o.offset >= start + b.bytes {
                    let gap = o.offset - start
                    if best == nil || gap < best!.gap { best = (start, gap) }
                }
                cursor = max(cursor, o.offset + o.bytes)
            }
            let offset = best?.offset ?? roundUp(cursor, alignment)
            buffers[i].offset = offset
            arena = max(arena, offset + b.bytes)
            placed.append(i)
        }
        return roundUp(arena, alignment)
    }

    /// Max over steps of the bytes of buffers live at that step.
    public static func lowerBound(_ buffers: [Buffer], stepCount: Int) -> Int {
        var best = 0
        for s in -1...stepCount {
            let live = buffers.filter { $0.firstStep <= s && s <= $0.lastStep }.reduce(0) { $0 + $1.bytes }
            best = max(best, live)
        }
        return best
    }

    static func roundUp(_ x: Int, _ a: Int) -> Int { (x + a - 1) / a * a }
}

/// Proves a plan is safe: every offset is aligned, every buffer lies inside the arena, and no two buffers that are
/// live at the same step overlap in memory.
public enum MemoryPlanValidator {
    public static func validate(_ buffers: [Buffer], arenaBytes: Int, alignment: Int) -> String? {
        for b in buffers where b.bytes > 0 {
            if b.offset % alignment != 0 { return "buffer \(b.id) at offset \(b.offset) is not \(alignment)-byte aligned" }
            if b.offset < 0 || b.offset + b.bytes > arenaBytes { return "buffer \(b.id) [\(b.offset), \(b.offset + b.bytes)) is outside the arena of \(arenaBytes) bytes" }
        }
        // Sweep by offset so large plans stay fast: only buffers whose memory ranges overlap are compared.
        let sorted = buffers.filter { $0.bytes > 0 }.sorted { $0.offset < $1.offset }
        for (k, a) in sorted.enumerated() {
            var j = k + 1
            while j < sorted.count && sorted[j].offset < a.offset + a.bytes {
                let b = sorted[j]
                if a.overlapsInTime(b) {
                    return "buffers \(a.id) [\(a.offset), \(a.offset + a.bytes)) steps \(a.firstStep)...\(a.lastStep) and \(b.id) [\(b.offset), \(b.offset + b.bytes)) steps \(b.firstStep)...\(b.lastStep) overlap while both are live"
                }
                j += 1
            }
        }
        return nil
    }
}
