import Foundation
import GRDB
import RoDomain
import RoEventStore
import RoHandlers

/// One measurement: the time of the thing measured and of its limit, taken in
/// the same run on the same machine, and the ratio allowed between them.
struct Measurement {
    var name: String
    var what: String
    var limitName: String
    var seconds: Double
    var limitSeconds: Double
    var allowed: Double

    var ratio: Double { seconds / limitSeconds }
    var passed: Bool { ratio <= allowed }
}

/// Wall time of `body`, the best of `repeats` runs (the least disturbed by
/// other work on a shared machine).
func best(of repeats: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.min()!
}

/// A fresh directory for one benchmark's files.
/// ``best(of:_:)`` for work that waits.
func bestAsync(of repeats: Int = 3, _ body: () async throws -> Void) async rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.min()!
}

func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ro-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The floor under any durable write: `count` transactions of one INSERT each,
/// in an SQLite file in WAL mode with `synchronous = FULL`, as the store uses.
func bareCommits(_ count: Int, rowsPerCommit: Int = 1) throws -> Double {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pool = try DatabasePool(path: dir.appendingPathComponent("bare.sqlite").path)
    try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
    try pool.write { try $0.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT, hash BLOB)") }
    let payload = String(repeating: "Báo cáo tiến độ tháng. ", count: 12)
    return try best {
        for _ in 0..<count {
            try pool.write { db in
                for _ in 0..<rowsPerCommit {
                    try db.execute(sql: "INSERT INTO t (payload, hash) VALUES (?, ?)", arguments: [payload, Data(count: 32)])
                }
            }
        }
    }
}
