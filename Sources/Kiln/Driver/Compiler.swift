import Foundation

/// Everything `kiln compile` needs to know.
public struct CompileOptions {
    public var importOptions = ImportOptions()
    public var emit = EmitOptions()
    public var target: TargetDescription
    /// `--dump-after PASS`: called with the IR text after that pass.
    public var dumpAfter: String?
    public var dump: ((String) -> Void)?
    /// Refuse models whose arena or weights exceed these (default: the target's memory map).
    public var maxRAM: Int?
    public var maxFlash: Int?
    public init(target: TargetDescription) {
        self.target = target
        emit.kernelISAs = target.kernel_isas
        maxRAM = target.memory.map { $0.ram_bytes - $0.stack_bytes }
        maxFlash = target.memory?.flash_bytes
    }
}

/// The result of compiling one model.
public struct CompiledModel {
    public var schedule: ScheduledModel
    public var files: [GeneratedFile]
    public var metadata: JSON
}

/// The whole pipeline: import → passes → schedule → emit. Pure: it writes nothing (see `OutputDirectory`).
public enum Compiler {
    public static func compile(path: String, options: CompileOptions) throws -> CompiledModel {
        let g = try ModelImporter.load(path: path, options: options.importOptions)
        return try compile(graph: g, options: options)
    }

    public static func compile(graph g: Graph, options: CompileOptions) throws -> CompiledModel {
        if let d = options.dumpAfter, !Pipeline.names.contains(d) {
            throw KilnError.bad("--dump-after '\(KilnError.printable(d))' is not a pass; passes: \(Pipeline.names.joined(separator: ", "))")
        }
        try Pipeline.run(g) { name, graph in
            if name == options.dumpAfter { options.dump?(IRPrinter.print(graph, after: name)) }
        }
        // Any one run-time tensor larger than the RAM is refused before lowering builds tables for it.
        if let limit = options.maxRAM {
            for n in g.nodes {
                for case let o? in n.outputs {
                    let v = g.value(o)
                    guard v.constant == nil, let t = v.type, t.bytes > limit else { continue }
                    throw KilnError(.unsupported, "output '\(KilnError.printable(v.name))' (\(t)) needs \(t.bytes) bytes of RAM, more than the \(limit) available on \(options.target.name)",
                                    file: g.sourceFile, node: n.name, op: n.qualifiedOp)
                }
            }
        }
        let schedule = try ScheduleBuilder.build(g)
        let arena = max(schedule.arenaBytes, schedule.alignment)
        if let limit = options.maxRAM, arena > limit {
            throw KilnError.unsupported("the arena needs \(arena) bytes of RAM, \(arena - limit) more than the \(limit) available on \(options.target.name) (RAM minus stack)", file: g.sourceFile)
        }
        if let limit = options.maxFlash, schedule.weightsBytes > limit {
            throw KilnError.unsupported("the weights need \(schedule.weightsBytes) bytes of flash, \(schedule.weightsBytes - limit) more than the \(limit) on \(options.target.name)", file: g.sourceFile)
        }
        var files = try CEmitter.emit(schedule, options.emit)
        let meta = Metadata.json(schedule, options.emit, target: options.target.name)
        files.append(GeneratedFile("\(options.emit.prefix).json", meta.render() + "\n"))
        return CompiledModel(schedule: schedule, files: files, metadata: meta)
    }
}

extension CompiledModel {
    /// Adds `stack_estimate_bytes` (null when unknown) and `stack_estimate_note` to `<prefix>.json`
    /// (see `StackEstimator`).
    public mutating func attachStackEstimate(_ e: StackEstimate, prefix: String) {
        guard case .object(var fields) = metadata else { return }
        fields.removeAll { $0.0 == "stack_estimate_bytes" || $0.0 == "stack_estimate_note" }
        fields.append(("stack_estimate_bytes", e.bytes.map { .int($0) } ?? .null))
        fields.append(("stack_estimate_note", .string(e.note)))
        metadata = .object(fields)
        let name = "\(prefix).json"
        files = files.map { $0.name == name ? GeneratedFile(name, metadata.render() + "\n") : $0 }
    }
}

/// Writes generated files so that a failure never leaves a half-written output: files go to a temporary sibling
/// directory that replaces the destination only when complete.
public enum OutputDirectory {
    public static func write(_ files: [GeneratedFile], to dir: String) throws {
        let fm = FileManager.default
        let dest = URL(fileURLWithPath: dir).standardizedFileURL
        let parent = dest.deletingLastPathComponent()
        do { try fm.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw KilnError.bad("cannot create \(parent.path)", file: dir)
        }
        let tmp = parent.appendingPathComponent(".\(dest.lastPathComponent).kiln-tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: tmp)
        do {
            try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
            for f in files { try Data(f.contents.utf8).write(to: tmp.appendingPathComponent(f.name)) }
        } catch {
            try? fm.removeItem(at: tmp)
            throw KilnError.bad("cannot write output: \(error.localizedDescription)", file: dir)
        }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dest.path, isDirectory: &isDir) {
            guard isDir.boolValue else { try? fm.removeItem(at: tmp); throw KilnError.bad("output path exists and is not a directory", file: dir) }
            // Replace only files Kiln wrote before; keep anything else the user put there. rename(2) swaps each file
            // atomically: a reader sees the old or the new file, never a half-written one.
            for f in files {
                if rename(tmp.appendingPathComponent(f.name).path, dest.appendingPathComponent(f.name).path) != 0 {
                    let reason = String(cString: strerror(errno))
                    try? fm.removeItem(at: tmp)
                    throw KilnError.bad("cannot write output file \(f.name): \(reason)", file: dir)
                }
            }
            try? fm.removeItem(at: tmp)
        } else {
            if rename(tmp.path, dest.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? fm.removeItem(at: tmp)
                throw KilnError.bad("cannot create the output folder: \(reason)", file: dir)
            }
        }
    }
}
