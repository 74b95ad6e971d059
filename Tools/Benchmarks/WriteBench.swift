import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// Commands through the handler: one writer, each command its own commit; and
/// sixteen concurrent writers through the group commit, as in `ro serve`.
enum WriteBench {
    static let writers = 16

    /// Commands per second of one writer over `tasks` whole years of work.
    static func oneWriter(tasks: Int) throws -> Double {
        try withStore { store in
            let handlers = Workload.Handlers(store)
            try Workload.directory(handlers.early)
            let seconds = try time { for n in 0..<tasks { try Workload.run(n, handlers) } }
            return Double(tasks * Workload.commandsPerTask) / seconds
        }
    }

    /// Commands per second of sixteen writers, each with its own tasks.
    static func concurrentWriters(tasks: Int) async throws -> Double {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
        let handlers = Workload.Handlers(store)
        try Workload.directory(handlers.early)
        let start = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup { group in
            for writer in 0..<writers {
                group.addTask {
                    for n in stride(from: writer, to: tasks, by: writers) { try await Workload.runConcurrently(n, handlers) }
                }
            }
            try await group.waitForAll()
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try store.close()
        return Double(tasks * Workload.commandsPerTask) / seconds
    }
}

/// Runs `body` on a new store in a scratch folder, removed afterwards.
func withStore<T>(_ body: (SQLiteEventStore) throws -> T) throws -> T {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    defer { try? store.close() }
    return try body(store)
}

/// Wall time of `body`, once.
func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
