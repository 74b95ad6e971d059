import Foundation

/// The raw limit and the peer: programs run by ro-bench in the same run.
///
/// The limit is a small C program against the system libsqlite3
/// (`Limit/rawlimit.c`, compiled here with `cc`) with the store's durability
/// (WAL, synchronous=FULL): one row per committed transaction, and a full scan
/// of a table shaped like the events table. The peer is the Python
/// `eventsourcing` library doing Rõ's workload (`Peer/run-peer.sh`, which
/// installs the pinned version into a virtualenv of its own on first use).
enum External {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    struct Limit: Decodable {
        var sqlite_version: String
        var journal_mode: String
        var synchronous: Int
        var commits_per_second: Double
        var group_rows: Int
        var group_seconds: Double
        var scan_events: Int
        var scan_events_per_second: Double
    }

    struct Peer: Decodable {
        var version: String
        var journal_mode: String
        var synchronous: Int
        var tasks: Int
        var one_writer_commands_per_second: Double
        var writers: Int
        var writers_commands_per_second: Double
        var replay_events_per_second: Double
        var history_p50_ms: Double
        var history_p99_ms: Double
    }

    static func limit(commits: Int, scanEvents: Int, in dir: URL) throws -> Limit {
        let binary = dir.appendingPathComponent("rawlimit").path
        _ = try run("/usr/bin/env", ["cc", "-O2", "-o", binary, here.appendingPathComponent("Limit/rawlimit.c").path, "-lsqlite3"])
        let output = try run(binary, [dir.path, "\(commits)", "\(scanEvents)"])
        return try JSONDecoder().decode(Limit.self, from: output)
    }

    static func peer(tasks: Int, writers: Int, in dir: URL) throws -> Peer {
        let output = try run(
            here.appendingPathComponent("Peer/run-peer.sh").path,
            ["--dir", dir.path, "--tasks", "\(tasks)", "--writers", "\(writers)"])
        return try JSONDecoder().decode(Peer.self, from: output)
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a program; its standard output. Its standard error is ours, so
    /// what it says on failure is seen as it happens.
    static func run(_ program: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return data
    }
}
