import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoScheduler

// ro-bench: the speed of Rõ's write and read paths, each as a ratio against a
// limit measured in the same run, so the numbers mean the same on a fast
// laptop and on a loaded shared machine. Exits 1 when a ratio exceeds what is
// allowed. `swift run -c release ro-bench [--quick]`.

let quick = CommandLine.arguments.contains("--quick")
/// `--only NAME` runs one benchmark (for a profiler).
let only = CommandLine.arguments.firstIndex(of: "--only").map { CommandLine.arguments[$0 + 1] }
func wanted(_ name: String) -> Bool { only == nil || only == name }
let commands = quick ? 40 : 200
let replayEvents = quick ? 2_000 : 10_000

var results: [Measurement] = []

// 1. A command through the handler (load, decide, append, project) against one
//    bare durable commit: it costs two commits (events, then read models) and
//    some reading and hashing.
if wanted("command") {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    let handler = CommandHandler(store: store, clock: SetTime(Timestamp.parse("2026-11-10T09:00:00+07:00")!))
    try Workload.seed(handler, tasks: commands * 3)
    var round = 0
    let seconds = try best {
        round += 1
        for n in 0..<commands {
            _ = try handler.execute(Workload.report(round), on: Workload.task((round - 1) * commands + n), context: Workload.officer)
            try store.catchUp()
        }
    }
    let limit = try bareCommits(commands)
    results.append(Measurement(
        name: "command", what: "\(commands) reports through the handler, projected",
        limitName: "\(commands) bare durable commits", seconds: seconds, limitSeconds: limit, allowed: 8))
}

// 2. Group commit: many commands in one transaction against the same number of
//    bare rows in one transaction.
if wanted("group-commit") {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    var round = 0
    let seconds = try best {
        round += 1
        let batch = (0..<commands).map { n in Workload.rawRequest(stream: "s-\(round)-\(n)") }
        _ = try store.append(batch: batch)
    }
    let limit = try bareCommits(1, rowsPerCommit: commands)
    results.append(Measurement(
        name: "group-commit", what: "\(commands) appends in one batch", limitName: "\(commands) bare rows in one commit",
        seconds: seconds, limitSeconds: limit, allowed: 10))
}

// 3. Replaying the read models and verifying the chain against reading the
//    same events from the store.
if wanted("rebuild") || wanted("verify") {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    let handler = CommandHandler(store: store, clock: SetTime(Timestamp.parse("2026-11-10T09:00:00+07:00")!))
    try Workload.seed(handler, tasks: replayEvents / 2)
    let read = try best { _ = try store.events(after: 0, limit: 1_000_000) }
    let rebuild = try best(of: 1) { try store.rebuild() }
    let verify = try best { _ = try store.verify() }
    let count = try store.lastPosition()
    results.append(Measurement(
        name: "rebuild", what: "rebuild of \(count) events", limitName: "reading them", seconds: rebuild,
        limitSeconds: read, allowed: 10))
    results.append(Measurement(
        name: "verify", what: "verify of \(count) events", limitName: "reading them", seconds: verify,
        limitSeconds: read, allowed: 3))
}

// 4. A scheduler pass (which notices are due, to whom, each digest's text; a dry
//    run, so no mail) over accepted tasks whose reports are five months overdue,
//    against reading the same tasks' states out of the read model.
if wanted("remind") {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    let handler = CommandHandler(store: store, clock: SetTime(Timestamp.parse("2026-11-10T09:00:00+07:00")!))
    try Workload.seed(handler, tasks: commands * 3)
    let runner = ReminderRunner(
        store: store, mailer: NoMail(), clock: SetTime(Timestamp.parse("2027-03-25T09:00:00+07:00")!),
        messageDomain: "xa.vn", text: ReminderText(sender: "UBND xã"))
    var notices = 0
    let seconds = try await bestAsync {
        notices = try await runner.run(dryRun: true).results.reduce(0) { $0 + $1.mail.notices.count }
    }
    let limit = try best { _ = try store.activeTasks() }
    results.append(Measurement(
        name: "remind", what: "a pass finding \(notices) notices", limitName: "reading \(commands * 3) task states",
        seconds: seconds, limitSeconds: limit, allowed: 25))
}

// 5. The dashboard's figures: every unit's report status for each month of the
//    year over the same tasks, against reading their states once.
if wanted("dashboard") {
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    let handler = CommandHandler(store: store, clock: SetTime(Timestamp.parse("2026-11-10T09:00:00+07:00")!))
    try Workload.seed(handler, tasks: commands * 3)
    let now = Timestamp.parse("2026-12-25T09:00:00+07:00")!
    let year = (1...12).compactMap { Period(year: 2026, month: $0) }
    let seconds = try best { _ = try store.reportStatus(year, now: now) }
    let limit = try best { _ = try store.activeTasks() }
    results.append(Measurement(
        name: "dashboard", what: "12 months of status, \(commands * 3) tasks", limitName: "reading \(commands * 3) task states",
        seconds: seconds, limitSeconds: limit, allowed: 3))
}

print("benchmark      ratio   allowed    measured" + String(repeating: " ", count: 48) + "limit")
for r in results {
    let line = [
        r.name.padding(toLength: 13, withPad: " ", startingAt: 0),
        String(format: "%6.2f", r.ratio), String(format: "%7.1f", r.allowed),
        "  " + "\(r.what) \(String(format: "%.3fs", r.seconds))".padding(toLength: 54, withPad: " ", startingAt: 0),
        "\(r.limitName) \(String(format: "%.3fs", r.limitSeconds))",
        r.passed ? "" : "  OVER",
    ]
    print(line.joined(separator: "  "))
}
let failed = results.filter { !$0.passed }
print("\(results.count - failed.count) passed, \(failed.count) failed")
let schedulerPassed = try await schedulerBenchmarks(quick: quick, wanted: wanted)
exit(failed.isEmpty && schedulerPassed ? 0 : 1)

/// The dry run never sends.
struct NoMail: ReminderMailer {
    func send(_ mail: ReminderEvent.MailIntended) async -> MailResult { .permanent(status: nil, detail: "dry run") }
}
