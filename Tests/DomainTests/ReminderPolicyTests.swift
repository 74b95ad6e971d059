import Foundation
import Testing

@testable import RoDomain

/// Which notices are due: given a task's events and what was recorded, at an
/// instant, then these notices; recording them and asking again gives none.
@Suite struct ReminderPolicyTests {
    let id = TaskID(unchecked: "nt-2026/III.1")

    func due(_ events: [TaskEvent], at now: String, recorded: [String: Int] = [:], rules: ReminderRules = .standalone)
        -> ReminderPolicy.Due
    {
        let task = ReminderPolicy.Task(id: id, state: TaskState.fold(events), rules: rules)
        return ReminderPolicy.dueReminders(now: Fx.t(now), tasks: [task], recorded: recorded, calendar: WorkingCalendar())
    }

    func keys(_ due: ReminderPolicy.Due) -> [String] { due.notices.map(\.key).sorted() }

    /// What a pass records: the index of each notice sent, by item.
    func record(_ due: ReminderPolicy.Due, into recorded: [String: Int] = [:]) -> [String: Int] {
        recorded.merging(due.notices.map { ($0.item.key, $0.index) }, uniquingKeysWith: max)
    }

    let accepted = [Past.assigned(), Past.accepted()]

    @Test func theLatestNoticeWhoseTimeHasComeIsDue() {
        let first = due(accepted, at: "2026-11-13T07:30:00+07:00")
        #expect(keys(first) == ["\(id)|report:2026-11|before:5"])
        #expect(first.next == Fx.t("2026-11-17T07:00:00+07:00"))
        // Recorded: nothing more until the next notice's time.
        let recorded = record(first)
        #expect(due(accepted, at: "2026-11-16T18:00:00+07:00", recorded: recorded).notices.isEmpty)
        #expect(keys(due(accepted, at: "2026-11-17T07:00:00+07:00", recorded: recorded)) == ["\(id)|report:2026-11|before:2"])
    }

    @Test func afterDowntimeOnlyTheLatestNoticeGoesOut() {
        // Nothing sent since the 12th; on the 25th the report is overdue by three working days.
        let late = due(accepted, at: "2026-11-25T09:00:00+07:00")
        #expect(keys(late) == ["\(id)|report:2026-11|after:3"])
        #expect(late.notices.first?.rung == 2)
        #expect(due(accepted, at: "2026-11-25T09:00:00+07:00", recorded: record(late)).notices.isEmpty)
    }

    @Test func anItemCreatedInsideAWindowGetsThatWindowsNotice() {
        // Assigned and accepted on the 18th: the two-day notice of the 17th is its notice.
        let at = Fx.t("2026-11-18T10:00:00+07:00")
        let events = [Past.assigned(at: at), Past.accepted(at: at)]
        #expect(keys(due(events, at: "2026-11-18T10:05:00+07:00")) == ["\(id)|report:2026-11|before:2"])
    }

    @Test func aMonthWhoseDeadlinePassedBeforeTheTaskExistedIsNotOwed() {
        let at = Fx.t("2026-11-21T10:00:00+07:00")
        let events = [Past.assigned(at: at), Past.accepted(at: at)]
        #expect(due(events, at: "2026-11-30T10:00:00+07:00").notices.isEmpty)
    }

    @Test func submittingTheReportStopsTheLadder() {
        let submitted = accepted + [Past.reported(at: Fx.t("2026-11-18T10:00:00+07:00"))]
        #expect(due(submitted, at: "2026-11-26T09:00:00+07:00").notices.isEmpty)
        let approved = submitted + [Past.approved(at: Fx.t("2026-11-19T10:00:00+07:00"))]
        #expect(due(approved, at: "2026-11-26T09:00:00+07:00").notices.isEmpty)
    }

    @Test func aReportReturnedAfterTheDeadlineIsDueAgainAsANewRound() {
        let returned = accepted + [
            Past.reported(at: Fx.t("2026-11-18T10:00:00+07:00")),
            Past.returned(at: Fx.t("2026-11-23T10:00:00+07:00")),
        ]
        // Recorded before: the first round's notices up to the morning of the last day.
        let recorded = ["\(id)|report:2026-11": 2]
        let now = "2026-11-23T10:05:00+07:00"
        let notices = due(returned, at: now, recorded: recorded).notices
        #expect(notices.map(\.key) == ["\(id)|report:2026-11:r1|after:1"])
        #expect(notices.first?.rungs == [.officers, .unitHead])
    }

    @Test func anAssignedTaskOwesItsAcceptanceAndAcceptingStopsThoseReminders() {
        // Assigned Thursday 5 November 09:00: three working days to accept, to the end of Tuesday the 10th.
        let assigned = [Past.assigned()]
        let first = due(assigned, at: "2026-11-05T09:30:00+07:00")
        #expect(keys(first) == ["\(id)|acceptance|before:5"])
        #expect(first.notices.first?.item.lastDay == (try? LocalDay.parse("2026-11-10", field: "d")))
        let overdue = due(assigned, at: "2026-11-11T08:00:00+07:00", recorded: record(first))
        #expect(keys(overdue) == ["\(id)|acceptance|after:1"])
        // Accepted mid-month: no acceptance notice, the report's notices go on.
        let acceptedLater = assigned + [Past.accepted(at: Fx.t("2026-11-11T09:00:00+07:00"))]
        #expect(keys(due(acceptedLater, at: "2026-11-13T08:00:00+07:00", recorded: record(first))) == [
            "\(id)|report:2026-11|before:5"
        ])
    }

    @Test func eachOpenDeliverableIsDueAndAClosedTaskOwesNothing() {
        // The task is due by the end of 31 December 2026 (a Thursday).
        let notices = due(accepted, at: "2026-12-26T09:00:00+07:00", recorded: ["\(id)|report:2026-11": 5, "\(id)|report:2026-12": 5])
        #expect(keys(notices) == ["\(id)|completion:2026-12-31|before:5"])
        #expect(due(accepted + [Past.cancelled()], at: "2026-12-26T09:00:00+07:00").notices.isEmpty)
        #expect(due(accepted + [Past.completionReported(at: Fx.t("2026-12-20T09:00:00+07:00"))], at: "2026-12-26T09:00:00+07:00").notices.isEmpty)
    }

    @Test func monthsOutsideThePlansYearsAreNotOwed() {
        let rules = ReminderRules(reminders: .standard, horizon: Plan.Horizon(from: 2027, to: 2027), coordinator: nil)
        #expect(due(accepted, at: "2026-11-25T09:00:00+07:00", rules: rules).notices.isEmpty)
    }
}
