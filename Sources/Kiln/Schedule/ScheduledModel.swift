/// One scheduled step: the kernel calls that compute one node's outputs.
public struct Step {
    public var nodeName: String
    public var opType: String
    public var inputs: [ValueID]
    public var outputs: [ValueID]
    public var calls: [KernelCall]
    /// Buffer ids of this step's scratch memory, parallel to `LoweringBuilder.scratch`.
    public var scratchBuffers: [Int]
    public var macs: Int { calls.reduce(0) { $0 + $1.macs } }
}

/// A region of the arena that one or more values share (a value and the Reshapes of it; in-place results).
public struct Buffer: Equatable {
    public var id: Int
    public var bytes: Int
    /// First and last step index during which the buffer holds live data (inclusive). Graph inputs start at -1
    /// (written before invoke), graph outputs end at `steps.count` (read after it).
    public var firstStep: Int
    public var lastStep: Int
    public var offset: Int = 0
    public func overlapsInTime(_ o: Buffer) -> Bool { firstStep <= o.lastStep && o.firstStep <= lastStep }
    public func overlapsInMemory(_ o: Buffer) -> Bool {
        bytes > 0 && o.bytes > 0 && offset < o.offset + o.bytes && o.offset < offset + bytes
    }
}

/// The scheduled IR: the graph, the ordered steps, and where every run-time value lives.
public final class ScheduledModel {
    public let graph: Graph
    public var steps: [Step]
    public var buffers: [Buffer]
    /// Buffer of every run-time value (constants have none: they are weights).
    public var bufferOf: [ValueID: Int]
    public var arenaBytes: Int = 0
    /// Max over steps of the bytes live at that step: no plan of these buffers can use less.
    public var lowerBoundBytes: Int = 0
    /// Alignment of every buffer offset (and of the arena itself).
    public let alignment: Int

    init(graph: Graph, steps: [Step], buffers: [Buffer], bufferOf: [ValueID: Int], alignment: Int) {
        self.graph = graph; self.steps = steps; self.buffers = buffers; self.bufferOf = bufferOf; self.alignment = alignment
    }

    public func offset(of v: ValueID) -> Int? { bufferOf[v].map { buffers[$0].offset } }

    /// Constants referenced by kernel calls, in first-use order (the weights file's order).
    public var usedConstants: [ValueID] {
        var seen = Set<ValueID>(), out: [ValueID] = []
        for s in steps { for c in s.calls { for a in c.args {
            if case .input(let v) = a, graph.value(v).constant != nil, seen.insert(v).inserted { out.append(v) }
        } } }
        return out
    }

    public var totalMacs: Int { steps.reduce(0) { $0 + $1.macs } }
    public var weightsBytes: Int { usedConstants.reduce(0) { $0 + graph.value($1).constant!.bytes.count } }
}
