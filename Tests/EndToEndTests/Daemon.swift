import Foundation

/// A server program a test starts and always stops: chromedriver, `ro serve`.
/// Its output goes to a file, read when it fails.
final class Daemon: @unchecked Sendable {
    let process = Process()
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("ro-daemon-\(UUID().uuidString).log")

    /// Starts `executable`, waits until the path `ready` answers over HTTP on `port`, runs `body`, then
    /// stops the program (SIGTERM, SIGKILL after 5 s), also when anything throws.
    static func with(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], port: Int, ready: String,
        _ body: (Daemon) async throws -> Void
    ) async throws {
        let daemon = Daemon()
        defer { try? FileManager.default.removeItem(at: daemon.log) }
        daemon.process.executableURL = executable
        daemon.process.arguments = arguments
        daemon.process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: daemon.log.path, contents: nil)
        let output = try FileHandle(forWritingTo: daemon.log)
        defer { try? output.close() }
        daemon.process.standardOutput = output
        daemon.process.standardError = output
        daemon.process.standardInput = FileHandle.nullDevice
        try daemon.process.run()
        do {
            try await daemon.waitUntilAnswering(port: port, ready)
            try await body(daemon)
        } catch {
            await daemon.stop()
            throw error
        }
        await daemon.stop()
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Polls `path` on `port` until it answers at all (any status), for up to 20 s.
    func waitUntilAnswering(port: Int, _ path: String) async throws {
        let name = process.executableURL?.lastPathComponent ?? "?"
        let deadline = Date().addingTimeInterval(20)
        while true {
            guard process.isRunning else {
                throw BrowserTestError("\(name) exited (\(process.terminationStatus)) before answering: \(output)")
            }
            if (try? await localHTTP(.get, port: port, path)) != nil { return }
            guard Date() < deadline else { throw BrowserTestError("\(name) did not answer \(path) within 20 s: \(output)") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// SIGTERM, then SIGKILL if it is still running 5 s later.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        if await waitForExit(seconds: 5) { return }
        kill(process.processIdentifier, SIGKILL)
        await waitForExit(seconds: 5)
    }

    /// Whether it exited within `seconds`; waits by polling, holding no thread.
    @discardableResult
    func waitForExit(seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return !process.isRunning
    }

    /// A loopback TCP port nobody listens on now: bound to port 0, read, let go.
    static func freePort() throws -> Int {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw BrowserTestError("socket: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let status = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) == 0 && getsockname(fd, $0, &size) == 0 }
        }
        guard status else { throw BrowserTestError("bind to a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
