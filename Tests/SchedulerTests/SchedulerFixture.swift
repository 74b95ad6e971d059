import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import TestSupport

@testable import RoScheduler

/// A mailer that records what it is handed and answers as scripted: the
/// double for the runner's unit tests (the end-to-end tests use a real MTA).
final class RecordingMailer: ReminderMailer, @unchecked Sendable {
    private let lock = NSLock()
    private var sentMails: [ReminderEvent.MailIntended] = []
    private var script: [MailResult] = []

    /// Answers each send with the next scripted result, then with `.accepted`.
    func answer(_ results: MailResult...) { lock.withLock { script += results } }

    var sent: [ReminderEvent.MailIntended] { lock.withLock { sentMails } }

    func send(_ mail: ReminderEvent.MailIntended) async -> MailResult {
        lock.withLock {
            sentMails.append(mail)
            return script.isEmpty ? .accepted : script.removeFirst()
        }
    }
}

/// A commune with addresses on every rung but one unit with none, and two
/// tasks assigned on Thursday 5 November 2026 and accepted the same day.
struct SchedulerWorld {
    static let vhxh = UnitID(unchecked: "vhxh")
    static let ap = UnitID(unchecked: "ap1")
    static let task = TaskID(unchecked: "kh/1")
    static let silentTask = TaskID(unchecked: "kh/2")

    let temporary: TemporaryStore
    let mailer = RecordingMailer()

    init() throws {
        temporary = try TemporaryStore()
        let handler = temporary.handler(at: Fixture.instant("2026-11-05T08:00:00+07:00"))
        func ctx(_ login: String) -> CommandContext { CommandContext(login: Login(unchecked: login), source: .cli) }
        _ = try handler.bootstrap(
            admin: .init(login: Login(unchecked: "admin"), name: "Quản trị", role: .admin, unit: nil, email: nil),
            context: ctx("system"))
        let head = Plan.Contact(name: "Trưởng phòng Văn hóa", email: "truong.vhxh@xa.vn", login: nil)
        _ = try handler.addUnit(
            .init(id: Self.vhxh, name: "Phòng Văn hóa – Xã hội", emails: ["vhxh@xa.vn"], head: head), context: ctx("admin"))
        _ = try handler.addUnit(.init(id: Self.ap, name: "Ấp 1"), context: ctx("admin"))
        let users: [(String, String, Role, UnitID?, String?)] = [
            ("chutich", "Nguyễn Văn An", .leader, nil, "chutich@xa.vn"),
            ("daumoi", "Lê Thị Thanh", .coordinator, nil, "daumoi@xa.vn"),
            ("lan", "Trần Thị Lan", .officer, Self.vhxh, "lan@xa.vn"),
            ("tu", "Võ Văn Tư", .officer, Self.ap, nil),
        ]
        for (login, name, role, unit, email) in users {
            _ = try handler.addUser(
                .init(login: Login(unchecked: login), name: name, role: role, unit: unit, email: email), context: ctx("admin"))
        }
        let due = try CommuneTime.deadline(fromDate: "2026-12-31", field: "hạn")
        for (task, lead, officer) in [(Self.task, Self.vhxh, "lan"), (Self.silentTask, Self.ap, "tu")] {
            _ = try handler.execute(
                .assign(.init(title: "Tuyên truyền Nghị quyết 57-NQ/TW", lead: lead, coUnits: [], due: due, output: nil)),
                on: task, context: ctx("chutich"))
            _ = try handler.execute(.accept(note: nil), on: task, context: ctx(officer))
        }
    }

    var store: SQLiteEventStore { temporary.store }

    func runner(at instant: String) -> ReminderRunner {
        ReminderRunner(
            store: store, mailer: mailer, clock: SetTime(Fixture.instant(instant)), messageDomain: "xa.vn",
            text: ReminderText(sender: "UBND xã Thử Nghiệm"))
    }

    func pass(at instant: String, dryRun: Bool = false) async throws -> RunReport {
        try await runner(at: instant).run(dryRun: dryRun)
    }
}
