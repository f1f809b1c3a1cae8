import Foundation

/// Builds generated C for the machine Kiln runs on with the system C compiler.
public struct HostToolchain {
    public var cc: String
    /// Build with AddressSanitizer and UndefinedBehaviorSanitizer (test runs).
    public var sanitize: Bool

    public init(sanitize: Bool = false) {
        cc = ProcessInfo.processInfo.environment["CC"] ?? "cc"
        self.sanitize = sanitize
    }

    public var cflags: [String] {
        var f = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-Wno-unused-function"]
        if sanitize {
            f += ["-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]
        } else {
            f += ["-O2"]
        }
        return f
    }

    var ldflags: [String] { (sanitize ? ["-fsanitize=address,undefined"] : []) + ["-lm"] }

    /// Compiles one C file to an object; returns the compiler's diagnostics on failure.
    public func compile(_ source: String, to object: String, includes: [String], cwd: String) throws -> String? {
        let r = try Shell.run(cc, cflags + includes.map { "-I" + $0 } + ["-c", source, "-o", object], cwd: cwd)
        return r.status == 0 ? nil : (r.stderr + r.stdout)
    }

    /// Links objects (and archives) into an executable.
    public func link(_ objects: [String], to exe: String, cwd: String) throws -> String? {
        let r = try Shell.run(cc, objects + ["-o", exe] + ldflags, cwd: cwd)
        return r.status == 0 ? nil : (r.stderr + r.stdout)
    }

    /// Builds a static archive.
    public func archive(_ objects: [String], to lib: String, cwd: String) throws -> String? {
        try? FileManager.default.removeItem(atPath: (cwd as NSString).appendingPathComponent(lib))
        let r = try Shell.run("ar", ["rcs", lib] + objects, cwd: cwd)
        return r.status == 0 ? nil : (r.stderr + r.stdout)
    }
}
