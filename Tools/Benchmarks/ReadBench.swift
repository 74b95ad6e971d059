import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// Reads: replaying the read models, a task's history, and what people wait
/// for on a page.
enum ReadBench {
    /// Events per second of a rebuild of the read models from `tasks` years of work.
    static func replay(tasks: Int) throws -> (eventsPerSecond: Double, events: Int) {
        try withStore { store in
            try Workload.seed(store, tasks: tasks)
            let events = Int(try store.lastPosition())
            let seconds = try best(of: 2) { try store.rebuild() }
            return (Double(events) / seconds, events)
        }
    }

    /// A task's full history (26 events) read and folded, in milliseconds,
    /// for `samples` tasks picked across a store of `tasks`: p50 and p99.
    static func history(tasks: Int, samples: Int) throws -> (p50: Double, p99: Double) {
        try withStore { store in
            try Workload.seed(store, tasks: tasks)
            var generator = SystemRandomNumberGenerator()
            var times: [Double] = []
            for _ in 0..<samples {
                let id = Workload.task(Int.random(in: 0..<tasks, using: &generator))
                times.append(try time {
                    let state = TaskState.fold(try store.events(of: TaskEvent.streamID(id)).map(EventCoding.taskEvent))
                    precondition(state.reports.count == 12)
                } * 1000)
            }
            return (percentile(times, 0.5), percentile(times, 0.99))
        }
    }

    /// Peak resident memory, in MB, of a separate process that rebuilds a
    /// store of `events` events (this program, run with `--rebuild-child`).
    static func rebuildMemory(events: Int) throws -> (mb: Double, seconds: Double, events: Int) {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ro.sqlite").path
        let store = try SQLiteEventStore.create(at: path)
        try Workload.seed(store, tasks: max(1, events / Workload.commandsPerTask))
        let count = Int(try store.lastPosition())
        try store.close()
        let output = try External.run(CommandLine.arguments[0], ["--rebuild-child", path])
        let parts = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        return (parts[0], parts[1], count)
    }

    /// In the child: rebuild, then print the peak resident MB and the seconds it took.
    static func rebuildChild(_ path: String) throws {
        let store = try SQLiteEventStore.open(at: path)
        let seconds = try time { try store.rebuild() }
        print(String(format: "%.1f %.3f", peakResidentMB(), seconds))
    }
}
