/// TfIdfVectorizer (opset 9) on int32/int64 tokens [C] or [B, C]: counts the dictionary's n-grams (of
/// `min_gram_length`..`max_gram_length` tokens, skipping up to `max_skip_count` tokens between items) into
/// float columns `ngram_indexes`, weighted as TF, IDF or TFIDF. String pools are not supported.
public enum TfIdfVectorizer: Operator {
    public static let opType = "TfIdfVectorizer"

    struct Dictionary { var grams: [[Int64]], cols: [Int], outSize: Int, minLen: Int, maxLen: Int, maxSkip: Int, mode: Int, weights: [Float]? }

    static func dictionary(_ n: NodeContext) throws -> Dictionary {
        let x = try n.input(0)
        try n.requireDType(x, [.int32, .int64])
        guard x.rank == 1 || x.rank == 2 else { throw n.error("input must be [C] or [B, C], it is \(x.shape)") }
        if try n.strings("pool_strings") != nil { throw n.unsupported("string pools are not supported") }
        guard let pool = try n.ints("pool_int64s") else { throw n.error("pool_int64s is required") }
        let minLen = try n.int("min_gram_length", default: 1), maxLen = try n.int("max_gram_length", default: 1)
        let maxSkip = try n.int("max_skip_count", default: 0)
        guard minLen >= 1, maxLen >= minLen, maxSkip >= 0 else {
            throw n.error("gram lengths \(minLen)..\(maxLen) and max_skip_count \(maxSkip) are invalid")
        }
        let counts = try n.ints("ngram_counts") ?? []
        let indexes = try n.ints("ngram_indexes") ?? []
        guard let top = indexes.max(), top >= 0, indexes.allSatisfy({ $0 >= 0 }), top < 1 << 24 else {
            throw n.error("ngram_indexes must be nonnegative and not empty")
        }
        let modeName = try n.string("mode", default: "TF")
        guard let mode = ["TF": 1, "IDF": 2, "TFIDF": 3][modeName] else {
            throw n.error("unknown mode '\(KilnError.printable(modeName))'")
        }
        var weights: [Float]? = try n.floats("weights")
        if let w = weights {
            if w.isEmpty { weights = nil } else {
                guard w.count >= top + 1 else { throw n.error("weights has \(w.count) entries for \(top + 1) columns") }
            }
        }
        var order: [[Int64]] = [], colOf: [[Int64]: Int] = [:]
        var id = 0
        for (i, s) in counts.enumerated() {
            let size = i + 1
            let end = i + 1 < counts.count ? counts[i + 1] : pool.count
            guard s >= 0, end >= s, end <= pool.count else { throw n.error("ngram_counts \(counts) do not fit the pool of \(pool.count)") }
            let grams = (end - s) / size
            for g in 0..<grams {
                defer { id += 1 }
                guard size >= minLen && size <= maxLen else { continue }
                guard id < indexes.count else { throw n.error("ngram_indexes has fewer entries than the pool has n-grams") }
                let gram = pool[(s + g * size)..<(s + (g + 1) * size)].map { Int64($0) }
                if colOf[gram] == nil { order.append(gram) }
                colOf[gram] = indexes[id]
            }
        }
        return Dictionary(grams: order, cols: order.map { colOf[$0]! }, outSize: top + 1, minLen: minLen, maxLen: maxLen,
                          maxSkip: min(maxSkip, x.shape[x.rank - 1]), mode: mode, weights: weights)
    }

    public static func infer(_ n: NodeContext) throws -> [TensorType] {
        let d = try dictionary(n), x = try n.input(0)
        return [TensorType(.float32, x.rank == 1 ? [d.outSize] : [x.shape[0], d.outSize])]
    }

    public static func lower(_ n: NodeContext, _ b: inout LoweringBuilder) throws {
        let d = try dictionary(n), x = try n.input(0)
        let rows = x.rank == 1 ? 1 : x.shape[0], c = x.shape[x.rank - 1]
        var starts: [Int] = [], flat: [Int64] = []
        for g in d.grams { starts.append(flat.count); flat += g }
        let pool = b.constant(TensorData(dtype: .int64, shape: [flat.count], int64s: flat), name: "\(n.name)_pool")
        b.call("kiln_tfidf_\(x.dtype.kernelSuffix)", source: "kiln_tfidf",
               [.input(try n.inputID(0)), .output(try n.outputID(0)), .int(rows), .int(c), .int(d.outSize),
                .int(d.grams.count), .input(pool), .ints(starts), .ints(d.grams.map(\.count)), .ints(d.cols),
                .int(d.minLen), .int(d.maxLen), .int(d.maxSkip), .int(d.mode), d.weights.map { .floats($0) } ?? .null],
               macs: rows * c * flat.count * (d.maxSkip + 1))
    }
}
