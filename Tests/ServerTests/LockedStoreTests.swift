import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoDomain
import RoEventStore
import Testing
import TestSupport

@testable import RoServer

/// Another process (the CLI, a backup) holding the store's write lock must not
/// freeze the web front: reads go on at once, and writes wait for the lock
/// without holding a thread of Swift's cooperative pool, then go through.
@Suite struct LockedStoreTests {
    let web: WebTests
    init() throws { web = try WebTests(reported: true) }

    /// How long the other process holds the lock.
    static let held: Duration = .seconds(5)

    @Test func readsAnswerWhileAnotherProcessHoldsTheWriteLockAndWritesGoThroughWhenItIsReleased() async throws {
        try await web.app().test(.router) { client in
            // Warm up: the leader's password goes through bcrypt once.
            #expect(try await client.execute(uri: "/api/tasks", method: .get, headers: APITests.basic(Fixture.leader)).status == .ok)

            let holder = try LockHolder(path: web.temporary.path, seconds: 5)
            defer { holder.stop() }
            try holder.waitUntilLocked()
            let released = ContinuousClock.now.advanced(by: Self.held)

            // Two writes, and more than the pool has threads, all waiting on the lock.
            let writes = Task {
                try await withThrowingTaskGroup(of: (HTTPResponse.Status, ContinuousClock.Instant).self) { group in
                    group.addTask {
                        let approve = try await client.execute(
                            uri: "/api/approve", method: .post, headers: APITests.basic(Fixture.leader),
                            body: APITests.json(#"{"task":"KH07-1","period":"2026-11","revision":1}"#))
                        return (approve.status, .now)
                    }
                    group.addTask {
                        let request = try await client.execute(
                            uri: "/api/extension-request", method: .post, headers: APITests.basic(Fixture.officer),
                            body: APITests.json(#"{"task":"KH07-1","due":"2027-01-31","reason":"Chờ kinh phí"}"#))
                        return (request.status, .now)
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            try await Task.sleep(for: .milliseconds(200))

            // Reads answer at once, while the lock is still held.
            var slowest: Duration = .zero
            for uri in ["/dang-nhap", "/api/tasks", "/api/task?id=KH07-1", "/api/queue"] {
                let start = ContinuousClock.now
                let response = try await client.execute(
                    uri: uri, method: .get, headers: uri.hasPrefix("/api") ? APITests.basic(Fixture.leader) : [:])
                #expect(response.status == .ok, "\(uri)")
                slowest = max(slowest, ContinuousClock.now - start)
            }
            #expect(holder.isHolding, "the reads were answered while the other process still held the lock")
            #expect(ContinuousClock.now < released)
            // The issue's figure is 100 ms (PERFORMANCE.md has the measured one, 4 ms);
            // the bound here only says the reads did not wait for the lock, so that a
            // test machine busy with other work does not fail it.
            #expect(slowest < Self.held / 2, "slowest read while the store was locked: \(slowest)")
            print("slowest read while the store was locked: \(slowest)")

            // The writes went through once the lock was released, not before.
            let results = try await writes.value
            #expect(results.map(\.0) == [.ok, .ok])
            for (_, at) in results { #expect(at >= released.advanced(by: .milliseconds(-500))) }
            let types = try web.temporary.store.events(of: TaskEvent.streamID(Fixture.task)).suffix(2).map(\.type)
            #expect(Set(types) == ["ReportApproved", "ExtensionRequested"])
        }
    }
}

/// A python3 process that takes the store's write lock (`BEGIN IMMEDIATE`),
/// says so, holds it, and lets it go.
final class LockHolder {
    let process: Process
    private let output: Pipe

    init(path: String, seconds: Int) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            c.execute("ROLLBACK")
            """,
            path, "\(seconds)",
        ]
        output = Pipe()
        process.standardOutput = output
        try process.run()
    }

    /// Blocks until the holder has the lock (it prints one line then).
    func waitUntilLocked() throws {
        let line = output.fileHandleForReading.availableData
        guard String(decoding: line, as: UTF8.self).hasPrefix("locked") else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the lock holder did not start"])
        }
    }

    var isHolding: Bool { process.isRunning }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
