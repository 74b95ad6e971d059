import Foundation

/// Which reminders are due: the scheduler's pure part.
///
/// For every item a task owes, the notice that is due is the latest of its
/// notices whose time has come, if no notice as late or later was recorded
/// before. So a newer notice supersedes an older one; an item that became due
/// inside a window still gets the notice of that window; and after downtime an
/// item gets one notice, the latest, never a burst of stale ones.
public enum ReminderPolicy {
    /// What is due at an instant.
    public struct Due: Sendable {
        /// The notices to send now, by task and item.
        public var notices: [Notice]
        /// When the next notice of a known item falls due, if any.
        public var next: Date?
    }

    /// One task with its state and its plan's rules.
    public struct Task: Sendable {
        public var id: TaskID
        public var state: TaskState
        public var rules: ReminderRules
        public init(id: TaskID, state: TaskState, rules: ReminderRules) {
            self.id = id
            self.state = state
            self.rules = rules
        }
    }

    /// The notices due at `now`.
    ///
    /// - Parameter recorded: for each item key, the highest notice index already
    ///   recorded (sent, failed or undeliverable: recorded means decided).
    public static func dueReminders(
        now: Date, tasks: [Task], recorded: [String: Int], calendar: WorkingCalendar
    ) -> Due {
        var due: [Notice] = []
        var next: Date?
        for task in tasks {
            let schedule = ReminderSchedule(rule: task.rules.reminders, calendar: calendar)
            let lookAhead = lookAhead(task.rules)
            let items = DueItem.items(
                of: task.id, task.state, rules: task.rules, calendar: calendar, now: now, lookAhead: lookAhead)
            for item in items {
                let done = recorded[item.key] ?? -1
                let notices = schedule.notices(for: item).filter { $0.index > done }
                if let latest = notices.last(where: { $0.at <= now }) { due.append(latest) }
                if let upcoming = notices.first(where: { $0.at > now }) { next = min(next ?? upcoming.at, upcoming.at) }
            }
        }
        return Due(notices: due, next: next)
    }

    /// How far ahead of a deadline its item is considered: the earliest notice
    /// before it, and ten days more.
    static func lookAhead(_ rules: ReminderRules) -> TimeInterval {
        TimeInterval((rules.reminders.before.max() ?? 0) + 10) * 86_400
    }
}
