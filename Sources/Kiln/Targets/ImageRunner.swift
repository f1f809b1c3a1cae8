import Foundation

/// Runs one model of a built image: natively on the host, or under QEMU for boards, with inputs and outputs moved
/// through files (semihosting), and instructions counted by Kiln's QEMU plugin between the harness's markers.
public enum ImageRunner {
    public struct Result {
        public var outputs: [TensorData]
        /// Instructions of one inference (boards only; exact and repeatable).
        public var instructions: Int?
        /// Instructions per scheduled step when the image was built with profiling.
        public var stepInstructions: [Int]
        /// Peak stack use of the inference measured by painting (boards only).
        public var stackBytes: Int?
    }

    public static func run(_ b: Batch.Built, target: TargetDescription, inputs: [TensorData], outputTypes: [TensorType],
                           dir: URL, timeout: Double = 300, countInstructions: Bool = false) throws -> Result {
        let fm = FileManager.default
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        var args = ["@kiln", String(b.index)]
        for (i, d) in inputs.enumerated() {
            try Data(d.bytes).write(to: dir.appendingPathComponent("in_\(i).bin"))
            args.append("in_\(i).bin")
        }
        for k in outputTypes.indices {
            try? fm.removeItem(at: dir.appendingPathComponent("out_\(k).bin"))
            args.append("out_\(k).bin")
        }
        let r: Shell.Result
        var counts: URL? = nil
        if let q = target.qemu {
            var qargs = q.args + ["-kernel", b.image, "-append", args.joined(separator: " ")]
            if countInstructions {
                let plugin = try PluginCache.instructionCounter()
                let mark = try markAddress(b.image, target: target)
                counts = dir.appendingPathComponent("icount.txt")
                try? fm.removeItem(at: counts!)
                qargs += ["-plugin", "\(plugin),mark=0x\(String(mark, radix: 16)),out=\(counts!.path)"]
            }
            r = try Shell.run(q.binary, qargs, cwd: dir.path, timeout: timeout)
        } else {
            r = try Shell.run(b.image, args, cwd: dir.path, timeout: timeout)
        }
        let where_ = target.isHost ? "on the host" : "on \(target.name) under QEMU"
        if r.timedOut { throw KilnError(.tool, "the model hung \(where_): no exit within \(Int(timeout)) s") }
        let console = r.stdout + r.stderr
        if r.signaled || r.status >= 128 || console.contains("qemu: fatal") {
            let why = console.split(separator: "\n").first { $0.contains("fatal") || $0.contains("ERROR") || $0.contains("Sanitizer") }
            throw KilnError(.tool, "the model crashed \(where_) (guest fault or signal, status \(r.status)): \(why.map(String.init) ?? Batch.firstLines(console, 3))")
        }
        if r.status != 0 {
            throw KilnError(.tool, "the model run failed \(where_) (exit status \(r.status)): \(Batch.firstLines(console, 4))")
        }
        let outputs = try outputTypes.enumerated().map { (k, t) -> TensorData in
            let bytes = [UInt8]((try? Data(contentsOf: dir.appendingPathComponent("out_\(k).bin"))) ?? Data())
            guard bytes.count == t.bytes else { throw KilnError(.tool, "output \(k) has \(bytes.count) bytes, expected \(t.bytes)") }
            return TensorData(dtype: t.dtype, shape: t.shape, bytes: bytes)
        }
        var result = Result(outputs: outputs, instructions: nil, stepInstructions: [], stackBytes: nil)
        if let line = console.split(separator: "\n").first(where: { $0.hasPrefix("kiln-stats ") }),
           let v = line.split(separator: "=").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            result.stackBytes = v
        }
        if let counts {
            let text = (try? String(contentsOf: counts, encoding: .utf8)) ?? ""
            let events = text.split(separator: "\n").filter { !$0.hasPrefix("total") }
                .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            guard events.count >= 2 else { throw KilnError(.tool, "the instruction counter saw \(events.count) markers, expected at least 2") }
            // Events: start, [after step 0, after step 1, ...], end.
            result.instructions = events.last! - events.first!
            if events.count > 2 { result.stepInstructions = zip(events.dropFirst(), events).map { $0 - $1 } }
        }
        return result
    }

    private static let lock = NSLock()
    private static var marks: [String: UInt64] = [:]

    /// Address of `kiln_mark` in the image (Thumb bit cleared).
    static func markAddress(_ image: String, target: TargetDescription) throws -> UInt64 {
        lock.lock(); defer { lock.unlock() }
        if let a = marks[image] { return a }
        let r = try Shell.run(target.tools_prefix + "nm", [image])
        guard let line = r.stdout.split(separator: "\n").first(where: { $0.hasSuffix(" kiln_mark") }),
              let a = UInt64(line.split(separator: " ")[0], radix: 16) else {
            throw KilnError(.tool, "kiln_mark not found in \(image)")
        }
        marks[image] = a & ~1
        return a & ~1
    }
}

/// Builds Kiln's QEMU instruction-counting plugin once (from the embedded toolchains/qemu-plugin/kiln_icount.c)
/// into a cache folder keyed by its content.
public enum PluginCache {
    private static let lock = NSLock()
    private static var built: String?

    public static func instructionCounter() throws -> String {
        lock.lock(); defer { lock.unlock() }
        if let b = built { return b }
        let source = try TargetDescription.toolchainFile("qemu-plugin/kiln_icount.c")
        var h: UInt64 = 1469598103934665603
        for b in source.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        let base = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        let dir = base.appendingPathComponent("kiln")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let so = dir.appendingPathComponent("kiln_icount-\(String(h, radix: 16)).so")
        if !FileManager.default.fileExists(atPath: so.path) {
            let c = dir.appendingPathComponent("kiln_icount-\(String(h, radix: 16)).c")
            try Data(source.utf8).write(to: c)
            let tmp = so.path + ".tmp\(ProcessInfo.processInfo.processIdentifier)"
            let r = try Shell.run("cc", ["-shared", "-fPIC", "-O2", "-o", tmp, c.path])
            guard r.status == 0 else { throw KilnError(.tool, "cannot build the QEMU plugin: \(r.stderr.prefix(500))") }
            try? FileManager.default.removeItem(at: so)
            try FileManager.default.moveItem(atPath: tmp, toPath: so.path)
        }
        built = so.path
        return so.path
    }
}
