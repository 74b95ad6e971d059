import Foundation
import Testing

@testable import RoDomain

/// When the notices of one item go out, by the standard rule and the
/// Vietnamese working-day calendar.
@Suite struct ReminderScheduleTests {
    let schedule = ReminderSchedule(rule: .standard, calendar: WorkingCalendar())

    static func day(_ text: String) -> LocalDay { try! LocalDay.parse(text, field: "test") }

    func item(lastDay: String, kind: DueItem.Kind = .report(Fx.nov, round: 0)) -> DueItem {
        let last = Self.day(lastDay)
        return DueItem(
            task: TaskID(unchecked: "t/1"), kind: kind, unit: Fx.vhxh, title: Past.title, code: "1", coordinator: nil,
            lastDay: last, due: last.end)
    }

    func days(_ notices: [Notice]) -> [String] { notices.map { "\($0.offset)=\($0.day)" } }

    @Test func novemberReportBeforeThe20th() {
        // Due by 00:00 on Friday 20 November 2026: the last day is Thursday the 19th.
        let notices = schedule.notices(for: item(lastDay: "2026-11-19"))
        #expect(days(notices) == [
            // The 14th is a Saturday: the notice moves to Friday the 13th.
            "before:5=2026-11-13", "before:2=2026-11-17", "before:0=2026-11-19",
            // Overdue notices count working days: Friday, then Tuesday, then Thursday.
            "after:1=2026-11-20", "after:3=2026-11-24", "after:5=2026-11-26",
        ])
        #expect(notices.map(\.rung) == [0, 0, 0, 1, 2, 3])
        #expect(notices.last?.rungs == [.officers, .unitHead, .coordinator, .leaders])
        #expect(notices.map(\.index) == [0, 1, 2, 3, 4, 5])
        // 07:00 commune time is 00:00 UTC.
        #expect(notices[0].at == Fx.t("2026-11-13T00:00:00Z"))
    }

    @Test func aDeadlineOnASundayIsRemindedOnTheFridayBefore() {
        // Sunday 29 March 2026: "the morning of the last day" is Friday the 27th,
        // the same day as the two-day notice, which it replaces.
        let notices = schedule.notices(for: item(lastDay: "2026-03-29", kind: .completion(deliverable: "2026-03-29")))
        #expect(days(notices) == [
            "before:5=2026-03-24", "before:0=2026-03-27", "after:1=2026-03-30", "after:3=2026-04-01",
            "after:5=2026-04-03",
        ])
        #expect(notices.map(\.index) == [0, 2, 3, 4, 5])
    }

    @Test func aDeadlineInsideTetIsRemindedBeforeTheHolidays() {
        // The February 2026 report is due by 00:00 on the 20th; 16–20 February are Tết.
        let notices = schedule.notices(for: item(lastDay: "2026-02-19", kind: .report(Period(year: 2026, month: 2)!, round: 0)))
        #expect(days(notices) == [
            // All three notices before the deadline fall in or next to Tết: one, on Friday the 13th.
            "before:0=2026-02-13",
            // The first working day after the last day is Monday the 23rd.
            "after:1=2026-02-23", "after:3=2026-02-25", "after:5=2026-02-27",
        ])
    }

    @Test func theHolidayRuleMovesOnlyWhatThePlanSays() {
        let calendar = WorkingCalendar()
        let sunday = Self.day("2026-03-29")
        #expect(Plan.Reminders.HolidayRule.unchanged.apply(to: sunday, calendar) == sunday)
        #expect(Plan.Reminders.HolidayRule.previousWorkingDay.apply(to: sunday, calendar) == Self.day("2026-03-27"))
        #expect(Plan.Reminders.HolidayRule.nextWorkingDay.apply(to: sunday, calendar) == Self.day("2026-03-30"))
    }

    @Test func aShortLadderStopsAtItsTopRung() {
        let rule = Plan.Reminders(
            before: [1], after: [1, 2], escalation: [.officers, .coordinator], deadlineOnHoliday: .unchanged,
            acceptWithinDays: nil)
        let notices = ReminderSchedule(rule: rule, calendar: WorkingCalendar()).notices(for: item(lastDay: "2026-11-19"))
        #expect(notices.map(\.rung) == [0, 1, 1])
        #expect(notices.last?.rungs == [.officers, .coordinator])
    }

    @Test func keysNameTheTaskTheItemAndTheOffset() {
        let notices = schedule.notices(for: item(lastDay: "2026-11-19"))
        #expect(notices[0].key == "t/1|report:2026-11|before:5")
        #expect(item(lastDay: "2026-11-19", kind: .report(Fx.nov, round: 2)).key == "t/1|report:2026-11:r2")
        #expect(item(lastDay: "2026-11-19", kind: .acceptance).key == "t/1|acceptance")
    }
}
