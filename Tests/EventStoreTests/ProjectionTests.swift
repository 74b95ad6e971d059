import Foundation
import GRDB
import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@Suite("Read models")
struct ProjectionTests {
    let temp: TemporaryStore
    let november = Period(year: 2026, month: 11)!

    init() throws {
        temp = try TemporaryStore()
        try Fixture.seedDirectory(temp.handler(at: Fixture.november10))
    }

    func run(_ command: TaskCommand, as login: Login, task: String = "KH07-1", at: String = "2026-11-10T09:00:00+07:00") throws {
        _ = try temp.handler(at: Fixture.instant(at)).execute(
            command, on: TaskID(unchecked: task), context: CommandContext(login: login, source: .cli))
    }

    /// Every row of every read model, as text.
    func dump() throws -> [String] {
        try temp.store.catchUp()
        let raw = try DatabaseQueue(path: temp.path)
        defer { try? raw.close() }
        return try raw.read { db in
            try ["unit_view", "user_view", "task_view", "task_snapshot", "report_view"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" }
            }
        }
    }

    func workflow() throws {
        try run(.assign(Fixture.assignment), as: Fixture.leader)
        var second = Fixture.assignment
        second.title = "Số hóa hồ sơ hộ tịch"
        second.lead = Fixture.vp
        second.coUnits = []
        try run(.assign(second), as: Fixture.leader, task: "KH07-2")
        try run(.accept(note: nil), as: Fixture.officer)
        try run(.report(.init(period: november, summary: "Đạt 30%", percentDone: 30)), as: Fixture.officer)
        try run(.returnReport(period: november, revision: 1, reason: "Thiếu số liệu"), as: Fixture.leader)
        try run(.report(.init(period: november, summary: "Đạt 35%")), as: Fixture.officer, at: "2026-11-20T08:00:00+07:00")
        try run(.approve(period: november, revision: 2, note: nil), as: Fixture.leader, at: "2026-11-21T08:00:00+07:00")
    }

    @Test func taskStateAndReportsFollowTheEvents() throws {
        try workflow()
        let state = try #require(try temp.store.task(Fixture.task))
        #expect(state.status == .accepted)
        #expect(state.reports[november]?.status == .approved)
        #expect(state.reports[november]?.revision == 2)
        #expect(state.reports[november]?.late == true)
        let listed = try temp.store.tasks(TaskFilter(period: november), now: Fixture.instant("2026-11-21T09:00:00+07:00"))
        #expect(listed.map(\.id) == ["KH07-1", "KH07-2"])
        #expect(listed.map { $0.periodReport?.state } == [.approved, .missing])
        let status = try temp.store.reportStatus(november, now: Fixture.instant("2026-11-21T09:00:00+07:00"))
        #expect(status.map(\.unit) == ["vhxh", "vp"])
        #expect(status.map(\.approved) == [1, 0])
        #expect(status.map(\.missing) == [0, 1])
        #expect(status.map(\.late) == [1, 1])
    }

    @Test func filtersByUnitStatusAndOverdue() throws {
        try workflow()
        #expect(try temp.store.tasks(TaskFilter(unit: Fixture.vp), now: Fixture.november10).map(\.id) == ["KH07-2"])
        #expect(try temp.store.tasks(TaskFilter(status: .accepted), now: Fixture.november10).map(\.id) == ["KH07-1"])
        let january = Fixture.instant("2027-01-02T09:00:00+07:00")
        #expect(try temp.store.tasks(TaskFilter(overdueAt: Fixture.november10), now: Fixture.november10).isEmpty)
        #expect(try temp.store.tasks(TaskFilter(overdueAt: january), now: january).count == 2)
    }

    @Test func rebuildGivesIdenticalReadModels() throws {
        try workflow()
        let before = try dump()
        #expect(before.contains { $0.hasPrefix("report_view") })
        #expect(try temp.store.rebuild() == Int(try temp.store.lastPosition()))
        #expect(try dump() == before)
    }

    @Test func readModelsCatchUpByThemselvesAfterACrash() throws {
        try workflow()
        let expected = try dump()
        // A crash between the append and the projection: the events are there,
        // the read models and their checkpoint are behind.
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            try db.execute(sql: "DELETE FROM report_view")
            try db.execute(sql: "DELETE FROM task_view")
            try db.execute(sql: "UPDATE projection_checkpoints SET position = 7")
        }
        try raw.close()
        try temp.reopen()
        #expect(try temp.store.task(Fixture.task)?.reports[november]?.status == .approved)
        #expect(try dump() == expected)
    }

    @Test func theCheckpointMovesWithTheReadModels() throws {
        try workflow()
        try temp.store.catchUp()
        let raw = try DatabaseQueue(path: temp.path)
        defer { try? raw.close() }
        let checkpoint = try raw.read { try Int64.fetchOne($0, sql: "SELECT position FROM projection_checkpoints") }
        #expect(checkpoint == (try temp.store.lastPosition()))
    }

    /// A month's status is decided by the events, not by where tasks stand today:
    /// a task done in December still counts in November; one assigned after the
    /// November deadline does not.
    @Test func aMonthKeepsTheTasksThatOwedItWhenOneClosesLater() throws {
        try workflow()
        try run(.reportCompletion(output: "Biên bản"), as: Fixture.officer, at: "2026-12-02T08:00:00+07:00")
        try run(.confirmCompletion(note: nil), as: Fixture.leader, at: "2026-12-03T08:00:00+07:00")
        var late = Fixture.assignment
        late.title = "Nhiệm vụ giao sau hạn tháng 11"
        try run(.assign(late), as: Fixture.leader, task: "KH07-3", at: "2026-11-25T08:00:00+07:00")
        let now = Fixture.instant("2026-12-05T08:00:00+07:00")
        let inNovember = try temp.store.tasks(TaskFilter(period: november), now: now)
        #expect(inNovember.map(\.id) == ["KH07-1", "KH07-2"])
        #expect(inNovember.first?.status == .completed && inNovember.first?.periodReport?.state == .approved)
        let vhxh = try #require(try temp.store.reportStatus(november, now: now).first { $0.unit == "vhxh" })
        #expect(vhxh.tasks == 1 && vhxh.approved == 1)
        let december = try temp.store.tasks(TaskFilter(period: november.next), now: now)
        #expect(december.map(\.id) == ["KH07-2", "KH07-3"], "KH07-1 was done before the December deadline")
    }
}
