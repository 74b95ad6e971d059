import Foundation

/// Something a lead unit owes by a deadline: what reminders are about.
///
/// Three kinds: accepting a newly assigned task, the monthly progress report,
/// and each deliverable of the task (each year of an annual task, a triggered
/// deadline). An item is due until the unit acts: a submitted or approved report
/// is no longer due, a returned one is due again (as a new round).
public struct DueItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case acceptance
        /// The report of a period; `round` counts how often it was returned.
        case report(Period, round: Int)
        case completion(deliverable: String)
    }

    public var task: TaskID
    public var kind: Kind
    /// The unit that owes it: the task's lead unit.
    public var unit: UnitID
    public var title: String
    public var code: String?
    /// The plan's coordinating unit, for the coordinator rung.
    public var coordinator: UnitID?
    /// The last day to act, after the plan's holiday rule.
    public var lastDay: LocalDay
    /// The deadline instant: the end of `lastDay`, or the report rule's instant.
    public var due: Date

    public init(
        task: TaskID, kind: Kind, unit: UnitID, title: String, code: String?, coordinator: UnitID?, lastDay: LocalDay,
        due: Date
    ) {
        self.task = task
        self.kind = kind
        self.unit = unit
        self.title = title
        self.code = code
        self.coordinator = coordinator
        self.lastDay = lastDay
        self.due = due
    }

    /// The item's part of a reminder key: `report:2026-11`, `report:2026-11:r1`,
    /// `completion:2026`, `acceptance`.
    public var kindKey: String {
        switch kind {
        case .acceptance: "acceptance"
        case .report(let period, let round): round == 0 ? "report:\(period)" : "report:\(period):r\(round)"
        case .completion(let deliverable): "completion:\(deliverable)"
        }
    }

    /// The key all reminders of this item are recorded under: `TASK|KIND`.
    public var key: String { "\(task)|\(kindKey)" }

    /// What is owed, as officials say it: "Báo cáo tháng 11/2026".
    public var vietnamese: String { kind.vietnamese }
}

extension DueItem.Kind {
    /// What is owed, as officials say it: "Báo cáo tháng 11/2026".
    public var vietnamese: String {
        switch self {
        case .acceptance: "Tiếp nhận nhiệm vụ"
        case .report(let period, let round):
            round == 0 ? "Báo cáo tháng \(period.vietnamese)" : "Báo cáo tháng \(period.vietnamese) (gửi lại sau khi bị trả lại)"
        case .completion(let deliverable): "Hoàn thành sản phẩm (\(deliverable))"
        }
    }
}

extension DueItem {
    /// The items a task owes at `now`, within `horizon` of look-ahead: the items
    /// whose deadline is at most `horizon` after `now`, and every item past due.
    ///
    /// Only assigned and accepted tasks owe anything; a task of a plan owes
    /// monthly reports for the months of the plan's years only.
    public static func items(
        of task: TaskID, _ state: TaskState, rules: ReminderRules, calendar: WorkingCalendar, now: Date,
        lookAhead: TimeInterval
    ) -> [DueItem] {
        guard state.status == .assigned || state.status == .accepted else { return [] }
        let limit = now.addingTimeInterval(lookAhead)
        func item(_ kind: Kind, due: Date) -> DueItem {
            DueItem.item(kind, due: due, of: task, state, rules: rules, calendar: calendar)
        }
        var items: [DueItem] = []
        if state.status == .assigned {
            items.append(item(.acceptance, due: acceptanceDue(state, rules: rules, calendar: calendar)))
        }
        var period = Period.containing(state.assignedAt)
        while state.reporting.due(for: period) <= limit {
            let due = state.reporting.due(for: period)
            let (owed, round) = reportOwed(period, state, rules: rules)
            if owed { items.append(item(.report(period, round: round), due: due)) }
            if period.year >= 2100 { break }
            period = period.next
        }
        for deliverable in state.deliverables where deliverable.status == .open && deliverable.due <= limit {
            items.append(item(.completion(deliverable: deliverable.key), due: deliverable.due))
        }
        return items
    }
}

extension DueItem {
    /// The item of a deadline, moved by the plan's holiday rule.
    static func item(
        _ kind: Kind, due: Date, of task: TaskID, _ state: TaskState, rules: ReminderRules, calendar: WorkingCalendar
    ) -> DueItem {
        let written = LocalDay.containing(due.addingTimeInterval(-1))
        let lastDay = rules.reminders.deadlineOnHoliday.apply(to: written, calendar)
        return DueItem(
            task: task, kind: kind, unit: state.lead, title: state.title, code: state.code, coordinator: rules.coordinator,
            lastDay: lastDay, due: lastDay == written ? due : lastDay.end)
    }

    /// When an assigned task's acceptance is due: working days after it was given to its lead unit.
    static func acceptanceDue(_ state: TaskState, rules: ReminderRules, calendar: WorkingCalendar) -> Date {
        let handed = LocalDay.containing(state.leadSince ?? state.assignedAt)
        return calendar.addingWorkingDays(rules.reminders.acceptanceDays, to: handed).end
    }

    /// Whether a report for `period` is owed (if its deadline comes): after the
    /// assignment, within the plan's years, not submitted or approved; and its round.
    static func reportOwed(_ period: Period, _ state: TaskState, rules: ReminderRules) -> (owed: Bool, round: Int) {
        let report = state.reports[period]
        let inHorizon = rules.horizon.map { $0.years.contains(period.year) } ?? true
        let owed = state.reporting.due(for: period) > state.assignedAt && inHorizon
            && (report == nil || report?.status == .returned)
        return (owed, report?.status == .returned ? report!.revision : 0)
    }
}

extension Plan.Reminders.HolidayRule {
    /// The last day of a deadline whose written last day is `day`.
    public func apply(to day: LocalDay, _ calendar: WorkingCalendar) -> LocalDay {
        switch self {
        case .unchanged: day
        case .previousWorkingDay: calendar.workingDay(onOrBefore: day)
        case .nextWorkingDay: calendar.workingDay(onOrAfter: day)
        }
    }
}
