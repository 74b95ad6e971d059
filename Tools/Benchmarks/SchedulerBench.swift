#if canImport(Glibc)
import Glibc
#endif
import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoMail
import RoScheduler

// The scheduler's targets (issue 10, item 5), measured in absolute figures
// (they are stated so): a pass over 100,000 active tasks of which 1,000 are
// due, a pass with nothing due, and a real pass (sendmail run for every digest)
// over 5,000 tasks all overdue, once with a sendmail that accepts and once with
// one that defers everything. Time is wall time; memory is the process's peak
// resident size during the pass (VmHWM, reset before it).

/// One scheduler figure against its target.
struct SchedulerFigure {
    var name: String
    var what: String
    var seconds: Double
    var limitSeconds: Double
    var megabytes: Double?
    var limitMegabytes: Double?

    var passed: Bool { seconds <= limitSeconds && (megabytes ?? 0) <= (limitMegabytes ?? .infinity) }
}

/// Runs the scheduler benchmarks that are `wanted`.
func schedulerFigures(quick: Bool, wanted: (String) -> Bool) async throws -> [SchedulerFigure] {
    var figures: [SchedulerFigure] = []
    if wanted("remind-due") || wanted("remind-idle") { figures += try await dueAndIdle(quick: quick) }
    if wanted("remind-real") || wanted("remind-defer") { figures += try await realPasses(quick: quick) }
    return figures
}

/// 100,000 accepted tasks over 30 units: 1,000 assigned in early October (their
/// October report five working days late), the rest on 10 November (nothing due
/// before the 13th). A dry-run pass on 11 November at 08:00 finds the 1,000;
/// after a real pass has recorded them, a pass an hour later finds nothing.
func dueAndIdle(quick: Bool) async throws -> [SchedulerFigure] {
    let (total, due) = quick ? (10_000, 100) : (100_000, 1_000)
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try SQLiteEventStore.create(at: dir.appendingPathComponent("ro.sqlite").path)
    try SchedulerWorkload.seed(store, tasks: total, overdue: due)
    func runner(_ instant: String, _ mailer: any ReminderMailer) -> ReminderRunner {
        ReminderRunner(
            store: store, mailer: mailer, clock: SetTime(Timestamp.parse(instant)!), messageDomain: "xa.vn",
            text: ReminderText(sender: "UBND xã"))
    }
    var notices = 0
    var read = 0
    let dry = runner("2026-11-11T08:00:00+07:00", AcceptingMailer())
    _ = try await dry.run(dryRun: true)
    resetPeakMemory()
    let dueSeconds = try await fastest {
        let report = try await dry.run(dryRun: true)
        notices = report.results.reduce(0) { $0 + $1.mail.notices.count }
        read = report.tasksRead
    }
    let dueMegabytes = peakMemoryMegabytes()
    _ = try await runner("2026-11-11T08:00:00+07:00", AcceptingMailer()).run()
    let idle = runner("2026-11-11T09:00:00+07:00", AcceptingMailer())
    _ = try await idle.run()
    resetPeakMemory()
    var idleRead = -1
    let idleSeconds = try await fastest(of: 5) { idleRead = try await idle.run().tasksRead }
    let idleMegabytes = peakMemoryMegabytes()
    return [
        SchedulerFigure(
            name: "remind-due", what: "dry run, \(total) active tasks, \(read) read, \(notices) notices in digests",
            seconds: dueSeconds, limitSeconds: 0.2, megabytes: dueMegabytes, limitMegabytes: 200),
        SchedulerFigure(
            name: "remind-idle", what: "pass with nothing due, \(total) active tasks, \(idleRead) read",
            seconds: idleSeconds, limitSeconds: 0.01, megabytes: idleMegabytes, limitMegabytes: 200),
    ]
}

/// 5,000 accepted tasks over 30 units, all with their October report five
/// working days late: every rung hears of them (each unit's mailbox and head,
/// the coordinator, the leader: 62 digests, the leader's with 5,000 items). A
/// real pass runs a sendmail (a shell script) for each digest.
func realPasses(quick: Bool) async throws -> [SchedulerFigure] {
    let total = quick ? 500 : 5_000
    let dir = try scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let seeded = dir.appendingPathComponent("seeded.sqlite").path
    let store = try SQLiteEventStore.create(at: seeded)
    try SchedulerWorkload.seed(store, tasks: total, overdue: total)
    try store.close()
    var figures: [SchedulerFigure] = []
    for (name, status) in [("remind-real", 0), ("remind-defer", 75)] {
        let program = dir.appendingPathComponent("sendmail-\(status)").path
        try "#!/bin/sh\ncat > /dev/null\nexit \(status)\n".write(toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        let path = dir.appendingPathComponent("\(name).sqlite").path
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: seeded + suffix) {
            try FileManager.default.copyItem(atPath: seeded + suffix, toPath: path + suffix)
        }
        let copy = try SQLiteEventStore.open(at: path)
        try copy.catchUp()
        let runner = ReminderRunner(
            store: copy, mailer: SendmailMailer(program: program, sender: try .init("ro@xa.vn"), displayName: "Rõ"),
            clock: SetTime(Timestamp.parse("2026-11-11T08:00:00+07:00")!), messageDomain: "xa.vn",
            text: ReminderText(sender: "UBND xã"))
        resetPeakMemory()
        var report: RunReport?
        let seconds = try await fastest(of: 1) { report = try await runner.run() }
        let megabytes = peakMemoryMegabytes()
        let largest = try copy.events(of: ReminderEvent.streamID).map(\.payload.utf8.count).max() ?? 0
        let outcome = status == 0 ? "accepted" : "deferred"
        figures.append(SchedulerFigure(
            name: name,
            what: "\(total) overdue tasks, \(report?.results.count ?? 0) digests \(outcome), "
                + "largest intent \(String(format: "%.2f", Double(largest) / 1_000_000)) MB",
            seconds: seconds, limitSeconds: 2, megabytes: megabytes, limitMegabytes: 200))
    }
    return figures
}

/// The commune of the scheduler benchmarks: 30 units, each with a mailbox and
/// a head; a leader and a coordinator with addresses; tasks spread over the units.
enum SchedulerWorkload {
    static let units = (0..<30).map { UnitID(unchecked: "dv\($0)") }

    /// Seeds `tasks` accepted tasks, the first `overdue` assigned on 5 October
    /// 2026, the others on 10 November.
    static func seed(_ store: SQLiteEventStore, tasks: Int, overdue: Int) throws {
        let handler = CommandHandler(store: store, clock: SetTime(Timestamp.parse("2026-10-01T08:00:00+07:00")!))
        let admin = Login(unchecked: "admin")
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        _ = try handler.bootstrap(
            admin: .init(login: admin, name: "Quản trị", role: .admin, unit: nil, email: nil), context: by(.system))
        for unit in units {
            _ = try handler.addUnit(
                .init(
                    id: unit, name: "Đơn vị \(unit)", emails: ["\(unit)@xa.vn"],
                    head: Plan.Contact(name: "Thủ trưởng \(unit)", email: "truong.\(unit)@xa.vn", login: nil)),
                context: by(admin))
        }
        for (login, role) in [("chutich", Role.leader), ("daumoi", .coordinator)] {
            _ = try handler.addUser(
                .init(login: Login(unchecked: login), name: login, role: role, unit: nil, email: "\(login)@xa.vn"),
                context: by(admin))
        }
        let leader = Actor(login: Login(unchecked: "chutich"), role: .leader)
        let requests = try (0..<tasks).map { n -> AppendRequest in
            let unit = units[n % units.count]
            let officer = Actor(login: Login(unchecked: "cb.\(unit)"), role: .officer, unit: unit)
            let now = Timestamp.parse(n < overdue ? "2026-10-05T09:00:00+07:00" : "2026-11-10T09:00:00+07:00")!
            let assign = TaskCommand.assign(.init(
                title: "Nhiệm vụ số \(n) của Kế hoạch chuyển đổi số", lead: unit, due: nil, output: nil))
            let assigned = try TaskDecider.decide(assign, DecisionContext(actor: leader, now: now, units: Set(units)), .initial)
            let accepted = try TaskDecider.decide(
                .accept(note: nil), DecisionContext(actor: officer, now: now, units: Set(units)), TaskState.fold(assigned))
            return AppendRequest(
                streamID: TaskEvent.streamID(TaskID(unchecked: "KH-\(n)")), expectedVersion: 0, fingerprint: "seed-\(n)",
                metadata: EventMetadata(commandID: "seed-\(n)", actor: leader, recordedAt: now, source: .cli, simulatedClock: true),
                events: (assigned + accepted).map(EventCoding.encode))
        }
        for chunk in stride(from: 0, to: requests.count, by: 500) {
            _ = try store.append(batch: Array(requests[chunk..<min(chunk + 500, requests.count)]))
            try store.catchUp()
        }
    }
}

/// Wall time of `body`, the fastest of `repeats` runs. (Kept here, with the
/// mailer below, so that this file needs nothing of main.swift's.)
func fastest(of repeats: Int = 3, _ body: () async throws -> Void) async rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.min()!
}

/// A mailer that takes everything at once, in the process (a dry run never calls it).
struct AcceptingMailer: ReminderMailer {
    func send(_ mail: ReminderEvent.MailIntended) async -> MailResult { .accepted }
}

/// Resets the process's peak resident size to what it holds now (Linux: write
/// 5 to /proc/self/clear_refs), after giving freed memory back.
func resetPeakMemory() {
    #if canImport(Glibc)
    // malloc_trim(3) is not in Glibc's module map: found at run time.
    if let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") {
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
    }
    #endif
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// The peak resident size since the last reset, in megabytes (VmHWM).
func peakMemoryMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    return kilobytes / 1024
}
