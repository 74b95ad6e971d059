import Foundation

extension ReminderPolicy {
    /// The first instant at which ``dueReminders(now:tasks:recorded:calendar:)``
    /// yields a notice for `task`, as long as nothing changes: not its state, not
    /// the notices recorded for it, not the calendar nor its plan's rules. `nil`
    /// when it never will (a task that owes nothing, now or later).
    ///
    /// This is what lets a pass read only the tasks that have something due: a
    /// task whose next notice is later than `now` yields nothing at `now`.
    ///
    /// For each item the task owes, now or later, the instant is that of its first
    /// notice not yet recorded, but not before the item enters the look-ahead
    /// window of ``dueReminders(now:tasks:recorded:calendar:)`` (an item is
    /// considered from ``lookAhead(_:)`` before its deadline; the acceptance at
    /// once). The task's instant is the earliest of its items'. Monthly reports
    /// are owed forever (or to the end of the plan's years), but their deadlines
    /// only grow, so the months are walked only until one enters the window after
    /// the earliest instant found.
    public static func nextNotice(for task: Task, recorded: [String: Int], calendar: WorkingCalendar) -> Date? {
        let state = task.state
        guard state.status == .assigned || state.status == .accepted else { return nil }
        let rules = task.rules
        let schedule = ReminderSchedule(rule: rules.reminders, calendar: calendar)
        let lookAhead = lookAhead(rules)
        var earliest: Date?
        /// An item whose deadline is `due`, considered from `from`.
        func consider(_ kind: DueItem.Kind, due: Date, from: Date) {
            if let earliest, from >= earliest { return }
            let item = DueItem.item(kind, due: due, of: task.id, state, rules: rules, calendar: calendar)
            let done = recorded[item.key] ?? -1
            guard let first = schedule.notices(for: item).first(where: { $0.index > done }) else { return }
            let at = max(first.at, from)
            earliest = min(earliest ?? at, at)
        }
        if state.status == .assigned {
            consider(.acceptance, due: DueItem.acceptanceDue(state, rules: rules, calendar: calendar), from: .distantPast)
        }
        for deliverable in state.deliverables where deliverable.status == .open {
            consider(
                .completion(deliverable: deliverable.key), due: deliverable.due,
                from: deliverable.due.addingTimeInterval(-lookAhead))
        }
        var period = Period.containing(state.assignedAt)
        while true {
            let due = state.reporting.due(for: period)
            let from = due.addingTimeInterval(-lookAhead)
            if let earliest, from >= earliest { break }
            if let horizon = rules.horizon, period.year > horizon.to { break }
            let (owed, round) = DueItem.reportOwed(period, state, rules: rules)
            if owed { consider(.report(period, round: round), due: due, from: from) }
            if period.year >= 2100 { break }
            period = period.next
        }
        return earliest
    }
}
