import Foundation

/// Everything `kiln compile` needs to know.
public struct CompileOptions {
    public var importOptions = ImportOptions()
    public var emit = EmitOptions()
    public var target = "host"
    /// `--dump-after PASS`: called with the IR text after that pass.
    public var dumpAfter: String?
    public var dump: ((String) -> Void)?
    public init() {}
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
        let schedule = try ScheduleBuilder.build(g)
        var files = try CEmitter.emit(schedule, options.emit)
        let meta = Metadata.json(schedule, options.emit, target: options.target)
        files.append(GeneratedFile("\(options.emit.prefix).json", meta.render() + "\n"))
        return CompiledModel(schedule: schedule, files: files, metadata: meta)
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
            // Replace only files Kiln wrote before; keep anything else the user put there.
            for f in files {
                let target = dest.appendingPathComponent(f.name)
                try? fm.removeItem(at: target)
                try fm.moveItem(at: tmp.appendingPathComponent(f.name), to: target)
            }
            try? fm.removeItem(at: tmp)
        } else {
            try fm.moveItem(at: tmp, to: dest)
        }
    }
}
