import Foundation

/// One reminder of one item: when it goes out and how high on the ladder.
public struct Notice: Hashable, Sendable {
    public enum Offset: Hashable, Sendable, CustomStringConvertible {
        /// Calendar days before the last day (0: its morning).
        case before(Int)
        /// Working days after the last day: an overdue notice.
        case after(Int)

        /// `before:5`, `after:1`: part of the reminder key.
        public var description: String {
            switch self {
            case .before(let days): "before:\(days)"
            case .after(let days): "after:\(days)"
            }
        }

        public var isOverdue: Bool { if case .after = self { true } else { false } }
    }

    public var item: DueItem
    public var offset: Offset
    /// The notice's place in its item's rule: a later notice has a higher index,
    /// whatever the calendar did to the days.
    public var index: Int
    /// The working day it goes out.
    public var day: LocalDay
    /// The instant it goes out: ``ReminderSchedule/sendHour`` on `day`.
    public var at: Date
    /// How high on the plan's escalation ladder: 0 is the first rung.
    public var rung: Int
    /// The rungs the notice goes to: every rung up to and including its own,
    /// so the officers always know what was escalated.
    public var rungs: [Plan.Reminders.Rung]

    /// The reminder key: `TASK|KIND|OFFSET`, such as `nt-2026/III.1|report:2026-11|before:5`.
    public var key: String { "\(item.key)|\(offset)" }
}

/// When the notices of an item go out, by the plan's reminder rule and the
/// working-day calendar.
///
/// A notice before the deadline counts calendar days back from the last day
/// and, if that is not a working day, moves to the working day before. An
/// overdue notice counts working days after the last day, so that it can never
/// fall back onto the deadline. Two notices that land on the same day are one:
/// the later in the rule.
public struct ReminderSchedule: Sendable {
    /// Notices go out at 07:00 commune time: "the morning of the last day".
    public static let sendHour = 7

    public let rule: Plan.Reminders
    public let calendar: WorkingCalendar

    public init(rule: Plan.Reminders, calendar: WorkingCalendar) {
        self.rule = rule
        self.calendar = calendar
    }

    /// The notices of an item, in order.
    public func notices(for item: DueItem) -> [Notice] {
        let before = rule.before.sorted(by: >).map { days in
            (Notice.Offset.before(days), calendar.workingDay(onOrBefore: item.lastDay.adding(days: -days)), 0)
        }
        let top = max(rule.escalation.count - 1, 0)
        let after = rule.after.sorted().enumerated().map { climb, days in
            (Notice.Offset.after(days), calendar.addingWorkingDays(days, to: item.lastDay), min(climb + 1, top))
        }
        var notices: [Notice] = []
        for (index, (offset, day, rung)) in (before + after).enumerated() {
            if let last = notices.last, last.day >= day { notices.removeLast() }
            let at = day.start.addingTimeInterval(TimeInterval(Self.sendHour * 3600))
            notices.append(Notice(
                item: item, offset: offset, index: index, day: day, at: at, rung: rung,
                rungs: Array(rule.escalation.prefix(rung + 1))))
        }
        return notices
    }
}
