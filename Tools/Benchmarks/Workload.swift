import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// A commune-sized workload: one unit, a leader and an officer, and tasks that
/// live a year each: assigned, accepted, then twelve monthly reports each
/// approved: 26 commands, 26 events, one command per transaction. The same
/// workload is what the peer (Peer/peer.py) runs.
enum Workload {
    static let admin = Login(unchecked: "admin")
    static let leader = Login(unchecked: "chutich")
    static let officer = Login(unchecked: "lan")
    static let unit = UnitID(unchecked: "vhxh")
    static let commandsPerTask = 26
    /// Tasks are assigned in January; the year's reports are sent in the January after.
    static let assignedAt = Timestamp.parse("2026-01-05T09:00:00+07:00")!
    static let reportedAt = Timestamp.parse("2027-01-10T09:00:00+07:00")!

    static func task(_ n: Int) -> TaskID { TaskID(unchecked: "KH-\(n)") }
    static func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }

    /// The directory: one unit, its officer, the leader.
    static func directory(_ handler: CommandHandler) throws {
        _ = try handler.bootstrap(
            admin: .init(login: admin, name: "Quản trị", role: .admin, unit: nil, email: nil), context: by(.system))
        _ = try handler.addUnit(.init(id: unit, name: "Phòng Văn hóa – Xã hội"), context: by(admin))
        _ = try handler.addUser(.init(login: leader, name: "Chủ tịch", role: .leader, unit: nil, email: nil), context: by(admin))
        _ = try handler.addUser(.init(login: officer, name: "Lan", role: .officer, unit: unit, email: "lan@xa.vn"), context: by(admin))
    }

    /// The 26 commands of task `n`, in order, with who sends each and when.
    static func commands(_ n: Int) -> [(TaskCommand, Login, Date)] {
        var commands: [(TaskCommand, Login, Date)] = [
            (.assign(.init(title: "Nhiệm vụ số \(n) của Kế hoạch", lead: unit, due: nil, output: nil)), leader, assignedAt),
            (.accept(note: nil), officer, assignedAt),
        ]
        for month in 1...12 {
            let period = Period(year: 2026, month: month)!
            commands.append((.report(.init(
                period: period,
                summary: "Đã hoàn thành \(month * 8)% khối lượng; tổ chức 2 hội nghị tuyên truyền cho 250 người.",
                percentDone: month * 8)), officer, reportedAt))
            commands.append((.approve(period: period, revision: 1, note: nil), leader, reportedAt))
        }
        return commands
    }

    /// Handlers over one store for the two instants of the workload.
    struct Handlers {
        var early: CommandHandler
        var late: CommandHandler
        init(_ store: SQLiteEventStore) {
            early = CommandHandler(store: store, clock: SetTime(assignedAt))
            late = CommandHandler(store: store, clock: SetTime(reportedAt))
        }
        func handler(at instant: Date) -> CommandHandler { instant == assignedAt ? early : late }
    }

    /// Runs task `n`'s commands one after the other, each committed alone.
    static func run(_ n: Int, _ handlers: Handlers) throws {
        for (command, login, at) in commands(n) {
            _ = try handlers.handler(at: at).execute(command, on: task(n), context: by(login))
        }
    }

    /// The same through the group commit (what `ro serve` does).
    static func runConcurrently(_ n: Int, _ handlers: Handlers) async throws {
        for (command, login, at) in commands(n) {
            _ = try await handlers.handler(at: at).execute(command, on: task(n), context: by(login))
        }
    }

    /// A store with `tasks` whole years of work, written in batches straight
    /// through the store (the deciders make the events; fast to set up).
    static func seed(_ store: SQLiteEventStore, tasks: Int, from first: Int = 0) throws {
        let leaderActor = Actor(login: leader, role: .leader)
        let officerActor = Actor(login: officer, role: .officer, unit: unit)
        var batch: [AppendRequest] = []
        for n in first..<(first + tasks) {
            var state = TaskState.initial
            var events: [TaskEvent] = []
            for (command, login, at) in commands(n) {
                let actor = login == leader ? leaderActor : officerActor
                let decided = try TaskDecider.decide(command, DecisionContext(actor: actor, now: at, units: [unit]), state)
                state = decided.reduce(state, TaskState.evolve)
                events += decided
            }
            batch.append(AppendRequest(
                streamID: TaskEvent.streamID(task(n)), expectedVersion: 0, fingerprint: "seed-\(n)",
                metadata: EventMetadata(
                    commandID: "seed-\(n)", actor: leaderActor, recordedAt: reportedAt, source: .cli, simulatedClock: true),
                events: events.map(EventCoding.encode)))
            if batch.count == 200 {
                _ = try store.append(batch: batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { _ = try store.append(batch: batch) }
    }
}
