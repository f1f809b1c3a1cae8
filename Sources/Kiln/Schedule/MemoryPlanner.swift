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
        // Placed buffers per step of their lifetime (steps -1...), so finding the ones that overlap a buffer in time
        // costs its lifetime's occupancy rather than a scan of everything placed (chains of thousands of nodes).
        let lowest = buffers.map(\.firstStep).min() ?? 0
        let highest = buffers.map(\.lastStep).max() ?? 0
        var liveAt = [[Int]](repeating: [], count: max(0, highest - lowest + 1))
        var stamp = [Int](repeating: -1, count: buffers.count)
        var arena = 0
        for i in order {
            let b = buffers[i]
            if b.bytes == 0 { buffers[i].offset = 0; continue }
            var live: [Int] = []
            if b.firstStep <= b.lastStep {
                for s in b.firstStep...b.lastStep {
                    for j in liveAt[s - lowest] where stamp[j] != i { stamp[j] = i; live.append(j) }
                }
            }
            live.sort { buffers[$0].offset != buffers[$1].offset ? buffers[$0].offset < buffers[$1].offset : $0 < $1 }
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
            if b.firstStep <= b.lastStep { for s in b.firstStep...b.lastStep { liveAt[s - lowest].append(i) } }
        }
        return roundUp(arena, alignment)
    }

    /// Max over steps of the bytes of buffers live at that step (a sweep over lifetime starts and ends).
    public static func lowerBound(_ buffers: [Buffer], stepCount: Int) -> Int {
        var delta: [Int: Int] = [:]
        for b in buffers where b.firstStep <= b.lastStep && b.bytes > 0 {
            delta[max(b.firstStep, -1), default: 0] += b.bytes
            delta[b.lastStep + 1, default: 0] -= b.bytes
        }
        var best = 0, live = 0
        for s in delta.keys.sorted() where s <= stepCount {
            live += delta[s]!
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
        // At every step, the buffers live then must be disjoint in memory: sort them by offset and compare each
        // with the furthest end before it. A sweep over steps keeps this linear in total lifetime.
        var starts: [Int: [Int]] = [:], ends: [Int: [Int]] = [:]
        for (k, b) in buffers.enumerated() where b.bytes > 0 && b.firstStep <= b.lastStep {
            starts[b.firstStep, default: []].append(k)
            ends[b.lastStep, default: []].append(k)
        }
        var live = Set<Int>()
        for s in Set(starts.keys).union(ends.keys).sorted() {
            for k in starts[s] ?? [] { live.insert(k) }
            if starts[s] != nil {
                let sorted = live.sorted { buffers[$0].offset != buffers[$1].offset ? buffers[$0].offset < buffers[$1].offset : $0 < $1 }
                var furthest: Int? = nil
                for k in sorted {
                    let b = buffers[k]
                    if let f = furthest, b.offset < buffers[f].offset + buffers[f].bytes {
                        let a = buffers[f]
                        return "buffers \(a.id) [\(a.offset), \(a.offset + a.bytes)) steps \(a.firstStep)...\(a.lastStep) and \(b.id) [\(b.offset), \(b.offset + b.bytes)) steps \(b.firstStep)...\(b.lastStep) overlap while both are live"
                    }
                    if furthest == nil || b.offset + b.bytes > buffers[furthest!].offset + buffers[furthest!].bytes { furthest = k }
                }
            }
            for k in ends[s] ?? [] { live.remove(k) }
        }
        return nil
    }
}
