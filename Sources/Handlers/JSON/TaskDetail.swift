import Foundation
import RoDomain

/// A task's state under stable names (`ro task show --json`, `GET /api/task`);
/// a field with no value is left out, as everywhere.
public struct TaskDetail: Encodable, Sendable {
    public var id: String
    public var title: String
    public var status: TaskStatus
    public var leadUnit: UnitID
    public var coUnits: [UnitID]
    public var due: Date?
    public var originalDue: Date?
    public var output: String?
    public var assignedAt: Date
    public var overdue: Bool
    public var reports: [TaskState.Report]
    public var pendingExtension: TaskState.PendingExtension?
    public var completion: TaskState.Completion?
    public var lastReason: String?
    public var plan: String?
    public var code: String?
    public var deadlineText: String?
    public var deliverables: [TaskState.DeliverableState]
    public var indicators: [String]

    public init(id: String, state: TaskState, overdue: Bool) {
        self.id = id
        title = state.title
        status = state.status
        leadUnit = state.lead
        coUnits = state.coUnits
        due = state.due
        originalDue = state.originalDue
        output = state.output
        assignedAt = state.assignedAt
        self.overdue = overdue
        reports = state.reports.values.sorted { $0.period < $1.period }
        pendingExtension = state.pendingExtension
        completion = state.completion
        lastReason = state.lastReason
        plan = state.plan
        code = state.code
        deadlineText = state.deadlineText
        deliverables = state.deliverables
        indicators = state.indicators
    }
}
