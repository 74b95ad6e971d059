import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@testable import RoScheduler

/// `task_schedule`: each active task's next notice instant, kept with the task
/// and moved by what is recorded, so that a pass reads only what is due.
@Suite struct ScheduleTests {
    func ctx(_ login: String) -> CommandContext { CommandContext(login: Login(unchecked: login), source: .cli) }

    /// The instant the rule itself gives, from everything the store holds: the oracle.
    func expectedNext(_ world: SchedulerWorld, _ task: TaskID) throws -> Date? {
        let state = try #require(try world.store.activeTasks().first { $0.id == task }?.state)
        return ReminderPolicy.nextNotice(
            for: .init(id: task, state: state, rules: .standalone), recorded: try world.store.reminderProgress(),
            calendar: try world.store.calendar().calendar)
    }

    @Test func aPassReadsOnlyTheTasksWithANoticeDue() async throws {
        let world = try SchedulerWorld()
        let handler = world.temporary.handler(at: Fixture.instant("2026-11-05T09:00:00+07:00"))
        // Twenty more tasks due at the end of March: their first notice is the December report's.
        let due = try CommuneTime.deadline(fromDate: "2027-03-31", field: "hạn")
        for n in 0..<20 {
            let task = TaskID(unchecked: "kh/x\(n)")
            _ = try await handler.execute(
                .assign(.init(title: "Việc số \(n)", lead: SchedulerWorld.vhxh, coUnits: [], due: due, output: nil)),
                on: task, context: ctx("chutich"))
            _ = try await handler.execute(.accept(note: nil), on: task, context: ctx("lan"))
            _ = try await handler.execute(
                .report(.init(period: Period(year: 2026, month: 11)!, summary: "Đã làm", percentDone: 10)),
                on: task, context: ctx("lan"))
        }
        #expect(try world.store.dueTasks(at: Fixture.instant("2026-11-13T06:59:00+07:00")).isEmpty)
        let first = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        #expect(first.tasksRead == 2)
        #expect(world.mailer.sent.count == 2)
        // Nothing due: nothing read.
        let idle = try await world.pass(at: "2026-11-13T09:00:00+07:00")
        #expect(idle.tasksRead == 0 && idle.results.isEmpty)
        #expect(idle.next == Fixture.instant("2026-11-17T07:00:00+07:00"))
        // The twenty come due together with the December report.
        #expect(try world.store.scheduledNotice(of: TaskID(unchecked: "kh/x0")) == Fixture.instant("2026-12-14T07:00:00+07:00"))
    }

    @Test func aRecordedNoticeMovesItsTaskToTheNextOne() async throws {
        let world = try SchedulerWorld()
        #expect(try world.store.scheduledNotice(of: SchedulerWorld.task) == Fixture.instant("2026-11-13T07:00:00+07:00"))
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        // Both the mailed task and the one nobody could be told of move on to the two-day notice.
        #expect(try world.store.scheduledNotice(of: SchedulerWorld.task) == Fixture.instant("2026-11-17T07:00:00+07:00"))
        #expect(try world.store.scheduledNotice(of: SchedulerWorld.silentTask) == Fixture.instant("2026-11-17T07:00:00+07:00"))
    }

    @Test func theNextInstantFollowsReportReturnApproveAndExtension() throws {
        let world = try SchedulerWorld()
        let store = world.store
        let task = TaskID(unchecked: "kh/3")
        let november = Period(year: 2026, month: 11)!
        func at(_ instant: String) -> CommandHandler { world.temporary.handler(at: Fixture.instant(instant)) }
        func check(_ expected: String, _ comment: Comment) throws {
            #expect(try store.scheduledNotice(of: task) == Fixture.instant(expected), comment)
            #expect(try store.scheduledNotice(of: task) == (try expectedNext(world, task)), comment)
        }
        _ = try at("2026-11-05T09:00:00+07:00").execute(
            .assign(.init(
                title: "Số hóa hồ sơ", lead: SchedulerWorld.vhxh, coUnits: [],
                due: try CommuneTime.deadline(fromDate: "2026-11-25", field: "hạn"), output: nil)),
            on: task, context: ctx("chutich"))
        // Assigned: the acceptance is due within three working days (by the end of Tuesday 10 November).
        try check("2026-11-05T07:00:00+07:00", "assigned")
        _ = try at("2026-11-05T10:00:00+07:00").execute(.accept(note: nil), on: task, context: ctx("lan"))
        try check("2026-11-13T07:00:00+07:00", "accepted: the November report")
        let report = TaskCommand.report(.init(period: november, summary: "Đã làm", percentDone: 50))
        _ = try at("2026-11-10T09:00:00+07:00").execute(report, on: task, context: ctx("lan"))
        try check("2026-11-20T07:00:00+07:00", "reported: the task's own deadline")
        _ = try at("2026-11-12T09:00:00+07:00").execute(
            .returnReport(period: november, revision: nil, reason: "Thiếu số liệu"), on: task, context: ctx("chutich"))
        try check("2026-11-13T07:00:00+07:00", "returned: the report is due again")
        _ = try at("2026-11-12T10:00:00+07:00").execute(report, on: task, context: ctx("lan"))
        _ = try at("2026-11-12T11:00:00+07:00").execute(
            .approve(period: november, revision: nil, note: nil), on: task, context: ctx("chutich"))
        try check("2026-11-20T07:00:00+07:00", "approved")
        let later = try CommuneTime.deadline(fromDate: "2027-01-31", field: "hạn")
        _ = try at("2026-11-12T12:00:00+07:00").execute(
            .requestExtension(due: later, reason: "Chờ kinh phí"), on: task, context: ctx("lan"))
        _ = try at("2026-11-12T13:00:00+07:00").execute(.grantExtension(due: nil, note: nil), on: task, context: ctx("chutich"))
        try check("2026-12-14T07:00:00+07:00", "extended: the December report comes first")
        _ = try at("2026-11-12T14:00:00+07:00").execute(.cancel(reason: "Thôi"), on: task, context: ctx("chutich"))
        #expect(try store.scheduledNotice(of: task) == nil)
    }

    @Test func aCalendarLoadedMovesEveryTask() throws {
        let world = try SchedulerWorld()
        #expect(try world.store.scheduledNotice(of: SchedulerWorld.task) == Fixture.instant("2026-11-13T07:00:00+07:00"))
        let friday = LocalDay(year: 2026, month: 11, day: 13)!
        _ = try world.temporary.handler(at: Fixture.instant("2026-11-06T08:00:00+07:00")).loadCalendar(
            CalendarAdjustments(
                version: "2026.9", daysOff: [.init(date: friday, reason: "Nghỉ thử")], workingDays: [], notOff: []),
            digest: "thu", context: ctx("admin"))
        // The five-day notice falls on a day off now: the working day before.
        #expect(try world.store.scheduledNotice(of: SchedulerWorld.task) == Fixture.instant("2026-11-12T07:00:00+07:00"))
        #expect(try world.store.scheduledNotice(of: SchedulerWorld.silentTask) == Fixture.instant("2026-11-12T07:00:00+07:00"))
    }

    @Test func aRebuildGivesTheSameSchedule() async throws {
        let world = try SchedulerWorld()
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        let before = try [SchedulerWorld.task, SchedulerWorld.silentTask].map(world.store.scheduledNotice)
        try world.store.rebuild()
        // Rebuilt under the calendar and plans in force: nothing to compute again.
        #expect(try world.store.refreshSchedules() == 0)
        #expect(try [SchedulerWorld.task, SchedulerWorld.silentTask].map(world.store.scheduledNotice) == before)
    }
}
