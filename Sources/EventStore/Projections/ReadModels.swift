import Foundation
import RoDomain

/// One task as `ro task list` shows it.
public struct TaskSummary: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    /// The plan and the task's code there ("III.1.2"), for tasks from a plan.
    public var plan: String?
    public var code: String?
    public var leadUnit: String
    public var coUnits: [String]
    public var status: TaskStatus
    public var due: Date?
    public var originalDue: Date?
    /// The deadline as the plan writes it, for tasks from a plan.
    public var deadlineText: String?
    public var overdue: Bool
    /// The report for the period asked for (`--period`), if one was asked for.
    public var periodReport: PeriodReport?
}

/// Where one task's report for one month stands.
public struct PeriodReport: Hashable, Codable, Sendable {
    public enum State: String, Codable, Sendable {
        case submitted, approved, returned
        /// Nothing arrived yet and the due instant has not passed.
        case pending
        /// Nothing arrived and the due instant has passed.
        case missing
    }

    public var period: String
    public var state: State
    public var revision: Int?
    public var due: Date
    /// Whether the report arrived late, or is missing past its due instant.
    public var late: Bool
    public var submittedBy: String?
    public var submittedAt: Date?
    public var decidedBy: String?
    public var decidedAt: Date?
}

/// A unit's reports for one month, counted by state: a row of `ro status`.
public struct UnitMonthStatus: Hashable, Codable, Sendable {
    public var unit: String
    public var unitName: String
    public var period: String
    public var tasks: Int
    public var approved: Int
    public var submitted: Int
    public var returned: Int
    public var pending: Int
    public var missing: Int
    /// Reports that arrived late, plus those missing past their due instant.
    public var late: Int
}

/// What `ro task list` filters on.
public struct TaskFilter: Sendable {
    public var unit: UnitID?
    public var status: TaskStatus?
    /// Only tasks past their deadline at this instant.
    public var overdueAt: Date?
    /// Only tasks that report for this month, with their report state.
    public var period: Period?

    public init(unit: UnitID? = nil, status: TaskStatus? = nil, overdueAt: Date? = nil, period: Period? = nil) {
        self.unit = unit
        self.status = status
        self.overdueAt = overdueAt
        self.period = period
    }
}
