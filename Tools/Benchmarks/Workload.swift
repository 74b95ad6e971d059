import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// A commune-sized workload: units, people, and tasks to report on.
enum Workload {
    static var leader: CommandContext { CommandContext(login: Login(unchecked: "chutich"), source: .cli) }
    /// A new command id each time.
    static var officer: CommandContext { CommandContext(login: Login(unchecked: "lan"), source: .cli) }
    static let unit = UnitID(unchecked: "vhxh")

    static func task(_ n: Int) -> TaskID { TaskID(unchecked: "KH-\(n)") }

    static func report(_ round: Int) -> TaskCommand {
        .report(.init(
            period: Period(year: 2026, month: 11)!,
            summary: "Đã hoàn thành \(round * 10)% khối lượng; tổ chức 2 hội nghị tuyên truyền cho 250 người.",
            percentDone: min(100, round * 10)))
    }

    /// The directory, then `tasks` tasks assigned to one unit and accepted.
    static func seed(_ handler: CommandHandler, tasks: Int) throws {
        let admin = Login(unchecked: "admin")
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        _ = try handler.bootstrap(
            admin: .init(login: admin, name: "Quản trị", role: .admin, unit: nil, email: nil), context: by(.system))
        _ = try handler.addUnit(.init(id: unit, name: "Phòng Văn hóa – Xã hội"), context: by(admin))
        _ = try handler.addUser(.init(login: leader.login, name: "Chủ tịch", role: .leader, unit: nil, email: nil), context: by(admin))
        _ = try handler.addUser(.init(login: officer.login, name: "Lan", role: .officer, unit: unit, email: "lan@xa.vn"), context: by(admin))
        // Seeded in batches straight through the store: the deciders make the
        // events, without a command's two commits each.
        let now = handler.clock.now()
        let leaderActor = Actor(login: leader.login, role: .leader)
        let officerActor = Actor(login: officer.login, role: .officer, unit: unit)
        let requests = try (0..<tasks).map { n -> AppendRequest in
            let assign = TaskCommand.assign(.init(title: "Nhiệm vụ số \(n) của Kế hoạch", lead: unit, due: nil, output: nil))
            let assigned = try TaskDecider.decide(assign, DecisionContext(actor: leaderActor, now: now, units: [unit]), .initial)
            let accepted = try TaskDecider.decide(
                .accept(note: nil), DecisionContext(actor: officerActor, now: now, units: [unit]), TaskState.fold(assigned))
            return AppendRequest(
                streamID: TaskEvent.streamID(task(n)), expectedVersion: 0, fingerprint: "seed-\(n)",
                metadata: EventMetadata(
                    commandID: "seed-\(n)", actor: leaderActor, recordedAt: now, source: .cli, simulatedClock: true),
                events: (assigned + accepted).map(EventCoding.encode))
        }
        for chunk in stride(from: 0, to: requests.count, by: 500) {
            _ = try handler.store.append(batch: Array(requests[chunk..<min(chunk + 500, requests.count)]))
        }
        try handler.store.catchUp()
    }

    static func rawRequest(stream: String) -> AppendRequest {
        AppendRequest(
            streamID: stream, expectedVersion: 0, fingerprint: stream,
            metadata: EventMetadata(
                commandID: UUID().uuidString, actor: Actor(login: leader.login, role: .leader),
                recordedAt: Date(timeIntervalSince1970: 1_790_000_000), source: .cli, simulatedClock: true),
            events: [NewEvent(type: "Sample", schemaVersion: 1, payload: "{\"summary\":\"Báo cáo tiến độ tháng 11\"}")])
    }
}
