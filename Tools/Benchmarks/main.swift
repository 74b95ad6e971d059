import Foundation
import RoDomain
import RoEventStore
import RoHandlers

// ro-bench: every figure of Rõ's engine beside the raw limit of SQLite on this
// disk (a C program) and a peer (the Python `eventsourcing` library doing the
// same workload), all measured in this one run, as a table and as JSON.
//
//   swift run -c release ro-bench [--quick] [--scale N] [--no-peer] [--json FILE]
//
// --quick is a smoke size (CI runs it to keep the benchmark working; its
// figures mean little); --scale multiplies every size (10 and 100 show how
// cost grows). Exits 0 whether targets are met or not: the table says.

let arguments = CommandLine.arguments
if let i = arguments.firstIndex(of: "--rebuild-child") {
    try ReadBench.rebuildChild(arguments[i + 1])
    exit(0)
}
// `--seed PATH TASKS` makes a store of TASKS years of work, for a profiler
// (`perf record .build/release/ro rebuild --db PATH`).
if let i = arguments.firstIndex(of: "--seed") {
    let store = try SQLiteEventStore.create(at: arguments[i + 1])
    try Workload.directory(Workload.Handlers(store).early)
    try Workload.seed(store, tasks: Int(arguments[i + 2])!)
    try store.close()
    exit(0)
}
let quick = arguments.contains("--quick")
let scale = arguments.firstIndex(of: "--scale").flatMap { Int(arguments[$0 + 1]) } ?? 1
let withPeer = !arguments.contains("--no-peer")
let jsonPath = arguments.firstIndex(of: "--json").map { arguments[$0 + 1] }
/// `--only NAME` runs one Rõ figure (for a profiler), without the limit and the peer.
let only = arguments.firstIndex(of: "--only").map { arguments[$0 + 1] }
func wanted(_ name: String) -> Bool { only == nil || only == name }

/// The sizes of one run.
struct Sizes {
    var commandTasks: Int
    var writerTasks: Int
    var replayTasks: Int
    var rebuildEvents: Int
    var historyTasks: Int
    var peerTasks: Int
}
let sizes = quick
    ? Sizes(commandTasks: 8, writerTasks: 16, replayTasks: 200, rebuildEvents: 20_000, historyTasks: 200, peerTasks: 16)
    : Sizes(
        commandTasks: 200 * scale, writerTasks: 320 * scale, replayTasks: 10_000 * scale, rebuildEvents: 1_000_012 * scale,
        historyTasks: 10_000 * scale, peerTasks: 200 * scale)

func say(_ text: String) { FileHandle.standardError.write(Data("ro-bench: \(text)\n".utf8)) }

let dir = try scratch()
defer { try? FileManager.default.removeItem(at: dir) }

var limit: External.Limit?
if only == nil {
    say("raw limit (C, system libsqlite3)")
    limit = try External.limit(
        commits: sizes.commandTasks * Workload.commandsPerTask, scanEvents: sizes.replayTasks * Workload.commandsPerTask,
        in: dir)
}
var peer: External.Peer?
if withPeer && only == nil {
    say("peer (Python eventsourcing, \(sizes.peerTasks) tasks)")
    peer = try External.peer(tasks: sizes.peerTasks, writers: WriteBench.writers, in: dir)
}

var figures: [Figure] = []

var oneWriter: Double?
if wanted("one-writer") {
    say("one writer")
    let rate = try WriteBench.oneWriter(tasks: sizes.commandTasks)
    oneWriter = rate
    figures.append(Figure(
        name: "commands, one writer", unit: "commands/s", higherIsBetter: true, ro: rate,
        limit: limit?.commits_per_second, peer: peer?.one_writer_commands_per_second, target: "≥ 90% of the limit",
        met: limit.map { rate >= 0.9 * $0.commits_per_second }))
}

if wanted("writers") {
    say("\(WriteBench.writers) writers")
    let rate = try await WriteBench.concurrentWriters(tasks: sizes.writerTasks)
    figures.append(Figure(
        name: "commands, \(WriteBench.writers) writers", unit: "commands/s", higherIsBetter: true, ro: rate,
        limit: nil, peer: peer?.writers_commands_per_second,
        target: "≥ 3× one writer" + (oneWriter.map { " (\(Report.number(3 * $0)))" } ?? ""),
        met: oneWriter.map { rate >= 3 * $0 }))
}

if wanted("reads") {
    say("reads over \(sizes.replayTasks) tasks")
    let r = try ReadBench.reads(tasks: sizes.replayTasks)
    let scan = limit?.scan_events_per_second
    figures.append(Figure(
        name: "replay: read and fold \(r.events) events", unit: "events/s", higherIsBetter: true, ro: r.replay,
        limit: scan, peer: peer?.replay_events_per_second, target: "≥ 20% of the limit",
        met: scan.map { r.replay >= 0.2 * $0 }))
    figures.append(Figure(
        name: "rebuild of the read models, \(r.events) events", unit: "events/s", higherIsBetter: true, ro: r.rebuild,
        limit: scan, peer: peer?.replay_events_per_second, target: "≥ 20% of the limit",
        met: scan.map { r.rebuild >= 0.2 * $0 }))
    figures.append(Figure(
        name: "verify the chain, \(r.events) events", unit: "events/s", higherIsBetter: true, ro: r.verify,
        limit: scan, peer: nil, target: "≥ 20% of the limit", met: scan.map { r.verify >= 0.2 * $0 }))
    figures.append(Figure(
        name: "one task's history (26 events), p99", unit: "ms", higherIsBetter: false, ro: r.historyP99, limit: nil,
        peer: peer?.history_p99_ms, target: "≤ 0.2 ms", met: r.historyP99 <= 0.2))
    let share = Double(sizes.replayTasks) / 10_000
    figures.append(Figure(
        name: "dashboard, \(sizes.replayTasks) tasks, first read", unit: "ms", higherIsBetter: false, ro: r.dashboardCold * 1000,
        limit: nil, peer: nil, target: "≤ \(Report.number(50 * share)) ms (50 at 10,000)", met: r.dashboardCold <= 0.05 * share))
    figures.append(Figure(
        name: "dashboard, \(sizes.replayTasks) tasks, server (warm)", unit: "ms", higherIsBetter: false, ro: r.dashboardWarm * 1000,
        limit: nil, peer: nil, target: "≤ \(Report.number(50 * share)) ms (50 at 10,000)", met: r.dashboardWarm <= 0.05 * share))
    let listShare = Double(sizes.replayTasks) / 100_000
    figures.append(Figure(
        name: "ro task list --json, \(sizes.replayTasks) tasks", unit: "s", higherIsBetter: false, ro: r.taskList,
        limit: nil, peer: nil, target: "≤ \(Report.number(listShare)) s (1 at 100,000)", met: r.taskList <= listShare))
    figures.append(Figure(
        name: "ro status, \(sizes.replayTasks) tasks", unit: "s", higherIsBetter: false, ro: r.status,
        limit: nil, peer: nil, target: "≤ \(Report.number(listShare)) s (1 at 100,000)", met: r.status <= listShare))
}

if wanted("memory") {
    say("rebuild memory")
    let memory = try ReadBench.rebuildMemory(events: sizes.rebuildEvents)
    figures.append(Figure(
        name: "rebuild of \(memory.events) events, peak RSS", unit: "MB", higherIsBetter: false, ro: memory.mb,
        limit: nil, peer: nil, target: "< 150 MB at 1,000,000", met: memory.events >= 1_000_000 ? memory.mb < 150 : nil))
}

if only == nil || only!.hasPrefix("remind") { say("scheduler") }
for f in try await schedulerFigures(quick: quick, wanted: wanted) {
    let memory = f.limitMegabytes.map { limit in
        ", ≤ \(Int(limit)) MB" + (f.megabytes.map { String(format: " (%.0f MB)", $0) } ?? "")
    }
    figures.append(Figure(
        name: "scheduler: \(f.what)", unit: "ms", higherIsBetter: false, ro: f.seconds * 1000, limit: nil, peer: nil,
        target: "≤ \(Report.number(f.limitSeconds * 1000)) ms" + (memory ?? ""), met: f.passed))
}

print(Report.table(figures))
let machine = [
    "sqlite": limit?.sqlite_version ?? "", "journal_mode": limit?.journal_mode ?? "",
    "synchronous": limit.map { "\($0.synchronous)" } ?? "",
    "cores": "\(ProcessInfo.processInfo.activeProcessorCount)",
    "peer": peer.map { "eventsourcing \($0.version) (\($0.journal_mode), synchronous \($0.synchronous))" } ?? "not run",
    "size": quick ? "quick" : "scale \(scale)",
]
let json = Report.json(figures, machine: machine)
if let jsonPath { try json.write(toFile: jsonPath, atomically: true, encoding: .utf8) } else { print(json) }
let missed = figures.filter { $0.met == false }.count
print("\(figures.count - missed) met, \(missed) missed")
