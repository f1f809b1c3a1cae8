/// NumPy-style multidirectional broadcasting, shared by element-wise operators.
public enum Broadcast {
    /// The broadcast shape of several shapes, or nil if they are incompatible.
    public static func shape(_ shapes: [[Int]]) -> [Int]? {
        let rank = shapes.map(\.count).max() ?? 0
        var out = [Int](repeating: 1, count: rank)
        for s in shapes {
            let pad = rank - s.count
            for (i, d) in s.enumerated() {
                let j = i + pad
                if out[j] == 1 { out[j] = d } else if d != 1 && d != out[j] { return nil }
            }
        }
        return out
    }

    /// Element strides of `input` when read as `output` (0 on broadcast dims).
    public static func strides(of input: [Int], as output: [Int]) -> [Int] {
        let pad = output.count - input.count
        var strides = [Int](repeating: 0, count: output.count)
        var s = 1
        for i in stride(from: input.count - 1, through: 0, by: -1) {
            strides[i + pad] = input[i] == 1 ? 0 : s
            s *= input[i]
        }
        return strides
    }

    /// Merges adjacent output dims whose strides are contiguous in every operand, so kernels loop over as few
    /// dims as possible (a same-shape add becomes one flat loop). Returns the collapsed shape and strides.
    public static func collapse(shape: [Int], strides: [[Int]]) -> (shape: [Int], strides: [[Int]]) {
        var outShape: [Int] = []
        var outStrides = [[Int]](repeating: [], count: strides.count)
        for d in 0..<shape.count where shape[d] != 1 {
            if let last = outShape.last {
                let mergeable = strides.indices.allSatisfy { k in
                    let prev = outStrides[k].last!
                    return prev == strides[k][d] * shape[d]
                }
                if mergeable {
                    outShape[outShape.count - 1] = last * shape[d]
                    for k in strides.indices { outStrides[k][outStrides[k].count - 1] = strides[k][d] }
                    continue
                }
            }
            outShape.append(shape[d])
            for k in strides.indices { outStrides[k].append(strides[k][d]) }
        }
        return (outShape, outStrides)
    }

    /// For each output element (row-major), the flat index into each input.
    public static func indexMaps(_ shapes: [[Int]], to out: [Int]) -> [[Int]] {
        let strides = shapes.map { Broadcast.strides(of: $0, as: out) }
        let n = out.elementCount
        var maps = [[Int]](repeating: [], count: shapes.count)
        for k in maps.indices { maps[k].reserveCapacity(n) }
        var idx = [Int](repeating: 0, count: out.count)
        for _ in 0..<n {
            for k in shapes.indices {
                var o = 0
                for d in 0..<out.count { o += idx[d] * strides[k][d] }
                maps[k].append(o)
            }
            var d = out.count - 1
            while d >= 0 { idx[d] += 1; if idx[d] < out[d] { break }; idx[d] = 0; d -= 1 }
        }
        return maps
    }
}
