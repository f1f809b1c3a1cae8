import Foundation

/// Runs external tools (cc, QEMU) with a timeout and captured output.
public enum Shell {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var timedOut: Bool
        /// Terminated by a signal (crash) rather than exiting.
        public var signaled: Bool
    }

    public static func run(_ executable: String, _ args: [String], cwd: String? = nil, timeout: Double = 600,
                           environment: [String: String]? = nil) throws -> Result {
        let p = Process()
        if executable.contains("/") {
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = args
        } else {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [executable] + args
        }
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, b in b } }
        // Collect output through temporary files: pipes can fill and deadlock on chatty tools.
        let tmp = FileManager.default.temporaryDirectory
        let outURL = tmp.appendingPathComponent("kiln-out-\(UUID().uuidString)")
        let errURL = tmp.appendingPathComponent("kiln-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        let outH = try FileHandle(forWritingTo: outURL), errH = try FileHandle(forWritingTo: errURL)
        p.standardOutput = outH
        p.standardError = errH
        p.standardInput = FileHandle.nullDevice
        // The handler must be set before run(): a process that exits first would otherwise never signal.
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        do { try p.run() } catch {
            throw KilnError(.tool, "cannot run \(executable): \(error.localizedDescription)")
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            p.terminate()
            if done.wait(timeout: .now() + 2) == .timedOut { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        }
        try? outH.close(); try? errH.close()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(status: p.terminationStatus, stdout: out, stderr: err, timedOut: timedOut,
                      signaled: p.terminationReason == .uncaughtSignal)
    }

    /// Runs `work` over `items` on up to `jobs` threads, keeping result order.
    public static func parallelMap<T, R>(_ items: [T], jobs: Int, _ work: (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        let lock = NSLock()
        var next = 0
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, items.count))) { _ in
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                if i >= items.count { return }
                let r = work(items[i])
                lock.lock()
                results[i] = r
                lock.unlock()
            }
        }
        return results.map { $0! }
    }
}
