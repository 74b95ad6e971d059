import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@testable import RoScheduler

/// ``ReminderPolicy/nextNotice(for:recorded:calendar:)`` against the rule it
/// stands for: walking time half an hour at a time, and recording each notice
/// as a pass would, the rule yields a notice for a task exactly from that
/// instant on; so reading only the tasks whose instant has come misses nothing.
@Suite struct NextNoticeTests {
    func ctx(_ login: String) -> CommandContext { CommandContext(login: Login(unchecked: login), source: .cli) }

    /// Tasks in many states: accepted, not yet accepted, reported, returned, with
    /// a deadline soon, from the scheduler's world.
    func states() throws -> [(id: TaskID, state: TaskState)] {
        let world = try SchedulerWorld()
        let november = Period(year: 2026, month: 11)!
        func at(_ instant: String) -> CommandHandler { world.temporary.handler(at: Fixture.instant(instant)) }
        let soon = try CommuneTime.deadline(fromDate: "2026-12-05", field: "hạn")
        for (n, step) in ["assigned", "reported", "returned", "soon"].enumerated() {
            let task = TaskID(unchecked: "kh/s\(n)")
            _ = try at("2026-11-06T09:00:00+07:00").execute(
                .assign(.init(
                    title: step, lead: SchedulerWorld.vhxh, coUnits: [], due: step == "soon" ? soon : nil, output: nil)),
                on: task, context: ctx("chutich"))
            guard step != "assigned" else { continue }
            _ = try at("2026-11-06T10:00:00+07:00").execute(.accept(note: nil), on: task, context: ctx("lan"))
            guard step != "soon" else { continue }
            _ = try at("2026-11-16T10:00:00+07:00").execute(
                .report(.init(period: november, summary: "Đã làm")), on: task, context: ctx("lan"))
            guard step == "returned" else { continue }
            _ = try at("2026-11-21T10:00:00+07:00").execute(
                .returnReport(period: november, revision: nil, reason: "Thiếu"), on: task, context: ctx("chutich"))
        }
        return try world.store.activeTasks()
    }

    static let rules: [ReminderRules] = [
        .standalone,
        ReminderRules(
            reminders: .init(
                before: [7, 1], after: [2, 4, 10], escalation: [.officers, .leaders], deadlineOnHoliday: .nextWorkingDay,
                acceptWithinDays: 5),
            horizon: .init(from: 2026, to: 2026), coordinator: nil),
        ReminderRules(
            reminders: .init(
                before: [3], after: [1], escalation: [.officers], deadlineOnHoliday: .previousWorkingDay,
                acceptWithinDays: nil),
            horizon: nil, coordinator: nil),
    ]

    @Test(arguments: rules.indices)
    func theInstantIsExactlyWhenTheRuleFirstYields(_ rule: Int) throws {
        let calendar = WorkingCalendar()
        for (id, state) in try states() {
            let task = ReminderPolicy.Task(id: id, state: state, rules: Self.rules[rule])
            var recorded: [String: Int] = [:]
            var t = Fixture.instant("2026-11-01T00:00:00+07:00")
            var yields = 0
            while t < Fixture.instant("2027-03-01T00:00:00+07:00") {
                let due = ReminderPolicy.dueReminders(now: t, tasks: [task], recorded: recorded, calendar: calendar)
                let next = ReminderPolicy.nextNotice(for: task, recorded: recorded, calendar: calendar)
                #expect(!due.notices.isEmpty == (next.map { $0 <= t } ?? false), "\(id) at \(t), next \(String(describing: next))")
                if let next, next <= t {
                    let before = ReminderPolicy.dueReminders(
                        now: next.addingTimeInterval(-0.001), tasks: [task], recorded: recorded, calendar: calendar)
                    #expect(before.notices.isEmpty, "\(id): something yields before \(next)")
                }
                // Recorded as a pass records them.
                for notice in due.notices { recorded[notice.item.key] = max(recorded[notice.item.key] ?? -1, notice.index) }
                yields += due.notices.count
                t = t.addingTimeInterval(1800)
            }
            #expect(yields > 0)
        }
    }
}
