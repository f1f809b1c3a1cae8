import Foundation

/// Compiles and links C for one target: the host (`cc`, optionally with ASan+UBSan) or a bare-metal board
/// (cross GCC + picolibc, the board's memory map enforced at link time).
public struct Toolchain {
    public let target: TargetDescription
    /// Host only: build with AddressSanitizer and UndefinedBehaviorSanitizer.
    public var sanitize: Bool
    /// Extra preprocessor definitions (`NAME=VALUE` or `NAME`).
    public var defines: [String] = []

    public init(target: TargetDescription, sanitize: Bool = false) {
        self.target = target
        self.sanitize = sanitize && target.isHost
    }

    public var cc: String {
        target.isHost ? (ProcessInfo.processInfo.environment["CC"] ?? target.cc) : target.cc
    }

    /// Flags for every C compilation: C99, warnings as errors, the target's CPU flags, size-friendly sections.
    public var cflags: [String] {
        var f = ["-std=c99", "-Wall", "-Wextra", "-Werror"] + target.cflags
        if target.isHost {
            f += sanitize ? ["-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"] : ["-O2"]
        } else {
            f += ["-O2", "-ffunction-sections", "-fdata-sections"]
        }
        return f + defines.map { "-D" + $0 }
    }

    /// Link flags: sanitizer runtime on the host; on boards the linker script (or picolibc.ld with the memory map as
    /// --defsym), section garbage collection and a map file for size accounting.
    public func ldflags(mapFile: String?) throws -> [String] {
        if target.isHost { return sanitize ? ["-fsanitize=address,undefined"] : [] }
        // `ldflags` is complete for linking (CPU, specs, crt0): RISC-V links with the multilib -march, not the real one.
        var f = target.ldflags + ["-Wl,--gc-sections"]
        if let m = target.memory {
            f += ["-Wl,--defsym=__flash=\(hex(m.flash_origin))", "-Wl,--defsym=__flash_size=\(hex(m.flash_bytes))",
                  "-Wl,--defsym=__ram=\(hex(m.ram_origin))", "-Wl,--defsym=__ram_size=\(hex(m.ram_bytes))",
                  "-Wl,--defsym=__stack_size=\(hex(m.stack_bytes))"]
        }
        if let mapFile { f.append("-Wl,-Map=\(mapFile)") }
        return f
    }

    func hex(_ v: Int) -> String { "0x" + String(v, radix: 16) }

    /// Compiles one C (or assembly) file to an object; returns the compiler's diagnostics on failure.
    public func compile(_ source: String, to object: String, includes: [String], cwd: String, extra: [String] = []) throws -> String? {
        let r = try Shell.run(cc, cflags + extra + includes.map { "-I" + $0 } + ["-c", source, "-o", object], cwd: cwd)
        return r.status == 0 ? nil : (r.stderr + r.stdout)
    }

    /// Links objects and archives into an executable or firmware image.
    public func link(_ objects: [String], to exe: String, cwd: String, mapFile: String? = nil) throws -> String? {
        var args = try ldflags(mapFile: mapFile)
        if let script = target.linker_script {
            let local = try materialize(script, in: cwd)
            args.append("-T" + local)
        }
        args += objects + ["-o", exe] + (target.libs ?? []) + ["-lm"]
        let r = try Shell.run(cc, args, cwd: cwd)
        return r.status == 0 ? nil : (r.stderr + r.stdout)
    }

    public func archive(_ objects: [String], to lib: String, cwd: String) throws -> String? {
        try? FileManager.default.removeItem(atPath: (cwd as NSString).appendingPathComponent(lib))
        let ar = target.isHost ? "ar" : target.tools_prefix + "ar"
        let r = try Shell.run(ar, ["rcs", lib] + objects, cwd: cwd)
        return r.status == 0 ? nil : (r.stderr + r.stdout)
    }

    /// Writes a toolchains/ file next to the build and returns its local name.
    func materialize(_ relative: String, in cwd: String) throws -> String {
        let name = "tc_" + relative.replacingOccurrences(of: "/", with: "_")
        let path = (cwd as NSString).appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: path) {
            try Data(try TargetDescription.toolchainFile(relative).utf8).write(to: URL(fileURLWithPath: path))
        }
        return name
    }

    /// Compiles the target's startup sources; returns their object names.
    public func startupObjects(cwd: String) throws -> [String] {
        var objs: [String] = []
        for s in target.startup_sources ?? [] {
            let local = try materialize(s, in: cwd)
            let obj = local + ".o"
            if let e = try compile(local, to: obj, includes: ["."], cwd: cwd) {
                throw KilnError(.tool, "startup file \(s) does not build for \(target.name): \(e.prefix(1000))")
            }
            objs.append(obj)
        }
        return objs
    }

    /// Checks that the toolchain is installed, with an actionable message if not.
    public func checkInstalled() throws {
        let r = try? Shell.run(cc, ["--version"], timeout: 30)
        guard let r, r.status == 0 else {
            throw KilnError(.tool, "\(cc) is not installed (target \(target.name)); run toolchains/install.sh (as root) to install: \(target.packages.joined(separator: " "))")
        }
        if let q = target.qemu {
            let r = try? Shell.run(q.binary, ["--version"], timeout: 30)
            guard let r, r.status == 0 else {
                throw KilnError(.tool, "\(q.binary) is not installed (target \(target.name)); run toolchains/install.sh (as root)")
            }
        }
    }
}
