import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// Reads: replaying the read models, a task's history, and what people wait
/// for on a page.
enum ReadBench {
    /// What the reads of one store of `tasks` years of work measure.
    struct Figures {
        var events = 0
        /// Rebuild of the read models: events per second.
        var rebuild = 0.0
        /// Every event read and folded into its stream's state, as the peer's replay: events per second.
        var replay = 0.0
        /// The hash chain checked (`ro verify`): events per second.
        var verify = 0.0
        /// One task's history read and folded (26 events): p50 and p99 in milliseconds.
        var historyP50 = 0.0
        var historyP99 = 0.0
        /// The dashboard's figures (12 months of every unit's status): seconds, the first time in a process and again.
        var dashboardCold = 0.0
        var dashboardWarm = 0.0
        /// `ro task list --json` and `ro status`, each in a process of its own (cold): seconds.
        var taskList = 0.0
        var status = 0.0
    }

    static func reads(tasks: Int, historySamples: Int = 1_000) throws -> Figures {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ro.sqlite").path
        var figures = Figures()
        do {
            let store = try SQLiteEventStore.create(at: path)
            try Workload.directory(Workload.Handlers(store).early)
            try Workload.seed(store, tasks: tasks)
            figures.events = Int(try store.lastPosition())
            figures.rebuild = Double(figures.events) / (try best(of: 2) { try store.rebuild() })
            figures.replay = Double(figures.events) / (try best(of: 2) { try fold(store) })
            figures.verify = Double(figures.events) / (try best(of: 2) { _ = try store.verify() })
            (figures.historyP50, figures.historyP99) = try history(store, tasks: tasks, samples: historySamples)
            try store.close()
        }
        let now = Workload.reportedAt
        let year = (1...12).compactMap { Period(year: 2026, month: $0) }
        // A new process (store) each: the first read decodes every task; a server reads warm.
        let fresh = try SQLiteEventStore.open(at: path)
        figures.dashboardCold = try time { _ = try fresh.reportStatus(year, now: now) }
        figures.dashboardWarm = try best { _ = try fresh.reportStatus(year, now: now) }
        try fresh.close()
        figures.taskList = try best { _ = try External.run(ro, ["task", "list", "--json", "--db", path]) }
        figures.status = try best { _ = try External.run(ro, ["status", "--period", "2026-12", "--db", path]) }
        return figures
    }

    /// The `ro` built beside this program.
    static var ro: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ro").path
    }

    /// Reads every event in pages and folds each task's, as a replay does.
    static func fold(_ store: SQLiteEventStore) throws {
        var states: [String: TaskState] = [:]
        var after: Int64 = 0
        while true {
            let page = try store.events(after: after, limit: 5_000)
            for event in page where event.streamID.hasPrefix("task-") {
                states[event.streamID] = TaskState.evolve(states[event.streamID] ?? .initial, try EventCoding.taskEvent(event))
            }
            guard let last = page.last else { return }
            after = last.position
        }
    }

    /// A task's full history (26 events) read and folded, in milliseconds,
    /// for `samples` tasks picked across the store: p50 and p99.
    static func history(_ store: SQLiteEventStore, tasks: Int, samples: Int) throws -> (p50: Double, p99: Double) {
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
