import Foundation
import Testing

/// Runs the built `ro` binary against a store in a fresh temporary folder, as
/// a person at a terminal would: real process, real SQLite file.
final class RoRunner: @unchecked Sendable {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The output parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    let folder: URL
    var db: String { folder.appendingPathComponent("ro.sqlite").path }
    /// The clock for the next runs (RO_NOW).
    var now = "2026-11-10T09:00:00+07:00"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ro-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The `ro` binary: beside the test bundle in the build folder, or RO_BIN.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["RO_BIN"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("ro")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "/nonexistent/ro")
    }()

    /// Runs `ro ARGS` with RO_DB and RO_NOW set (unless `environment` overrides them).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no ro binary at \(Self.binary.path)")
        return try Self.execute(Self.binary, arguments, environment: ["RO_DB": db, "RO_NOW": now].merging(environment) { $1 })
    }

    /// `ro` with raw bytes as arguments, through /bin/sh and printf, for bytes a Swift String cannot hold.
    func runShell(_ script: String) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no ro binary at \(Self.binary.path)")
        return try Self.execute(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script],
            environment: ["RO_DB": db, "RO_NOW": now, "RO": Self.binary.path])
    }

    /// `run`, waiting without holding a thread: for long tests that run `ro`
    /// hundreds of times, which must not starve the tests running beside them.
    @discardableResult
    func runWaiting(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no ro binary at \(Self.binary.path)")
        return try await Self.execute(
            Self.binary, arguments, environment: ["RO_DB": db, "RO_NOW": now].merging(environment) { $1 }, waiting: true)
    }

    /// Runs `executable` with RO_DB and RO_NOW taken out of the inherited environment, then
    /// `environment` added, in `directory` (the current one when nil).
    static func execute(
        _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL? = nil
    ) throws -> Result {
        let run = try Run(executable, arguments, environment: environment, directory: directory)
        try run.process.run()
        run.process.waitUntilExit()
        return run.result()
    }

    static func execute(
        _ executable: URL, _ arguments: [String], environment: [String: String], directory: URL? = nil, waiting: Bool
    ) async throws -> Result {
        let run = try Run(executable, arguments, environment: environment, directory: directory)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            run.process.terminationHandler = { _ in continuation.resume() }
            do { try run.process.run() } catch {
                run.process.terminationHandler = nil
                continuation.resume()
            }
        }
        return run.result()
    }

    /// One run of a program, its output going to files (not pipes: no deadlock
    /// however much either stream holds).
    final class Run: @unchecked Sendable {
        let process = Process()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ro-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("ro-err-\(UUID().uuidString)")

        init(_ executable: URL, _ arguments: [String], environment: [String: String], directory: URL?) throws {
            process.executableURL = executable
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "RO_DB")
            env.removeValue(forKey: "RO_NOW")
            process.environment = env.merging(environment) { $1 }
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
        }

        func result() -> Result {
            defer {
                try? FileManager.default.removeItem(at: out)
                try? FileManager.default.removeItem(at: err)
            }
            return Result(
                status: process.isRunning ? -1 : process.terminationStatus,
                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }
    }

    /// How many events the store holds, read through `ro verify --json`.
    func eventCount() throws -> Int {
        let result = try run(["verify", "--json"])
        let object = try #require(try result.json() as? [String: Any])
        return try #require(object["checked"] as? Int)
    }

    /// A store with the admin, two units, a leader, an officer of each unit and an auditor.
    func seed() throws {
        let steps: [[String]] = [
            ["init", "--admin", "admin", "--name", "Quản trị viên"],
            ["unit", "add", "vhxh", "--name", "Phòng Văn hóa – Xã hội", "--as", "admin"],
            ["unit", "add", "vp", "--name", "Văn phòng HĐND và UBND xã", "--as", "admin"],
            ["user", "add", "chutich", "--name", "Nguyễn Văn An", "--role", "leader", "--as", "admin"],
            ["user", "add", "lan", "--name", "Trần Thị Lan", "--role", "officer", "--unit", "vhxh", "--as", "admin"],
            ["user", "add", "minh", "--name", "Phạm Văn Minh", "--role", "officer", "--unit", "vp", "--as", "admin"],
            ["user", "add", "thanhtra", "--name", "Lê Văn Kiểm", "--role", "auditor", "--as", "admin"],
        ]
        for step in steps {
            let result = try run(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
    }

    /// Assigns KH07-1 to vhxh (co-unit vp, due 2026-12-31) and has lan accept it.
    func assignAndAccept() throws {
        let assign = try run([
            "assign", "KH07-1", "--title", "Tuyên truyền Nghị quyết 57-NQ/TW", "--lead", "vhxh", "--co", "vp",
            "--due", "2026-12-31", "--output", "Báo cáo kết quả", "--as", "chutich",
        ])
        #expect(assign.status == 0, "\(assign.stderr)")
        #expect(try run(["accept", "KH07-1", "--as", "lan"]).status == 0)
    }
}
