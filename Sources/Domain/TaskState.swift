import Foundation

/// Where a task stands in its workflow.
public enum TaskStatus: String, Codable, Sendable, CaseIterable {
    /// No event yet: the task does not exist.
    case none
    case assigned
    case accepted
    case declined
    case completionReported = "completion_reported"
    case completed
    case cancelled

    public var vietnamese: String {
        switch self {
        case .none: "chưa giao"
        case .assigned: "đã giao, chờ tiếp nhận"
        case .accepted: "đang thực hiện"
        case .declined: "bị từ chối, chờ giao lại"
        case .completionReported: "đã báo cáo hoàn thành, chờ xác nhận"
        case .completed: "đã hoàn thành"
        case .cancelled: "đã hủy"
        }
    }

    /// Completed and cancelled tasks take no more reports or changes.
    public var isClosed: Bool { self == .completed || self == .cancelled }
}

/// The state of one monthly report.
public enum ReportStatus: String, Codable, Sendable, CaseIterable {
    case submitted
    case approved
    case returned

    public var vietnamese: String {
        switch self {
        case .submitted: "chờ duyệt"
        case .approved: "đã duyệt"
        case .returned: "bị trả lại"
        }
    }
}

/// A task as its events leave it: the fold of ``TaskEvent``s from ``TaskState/initial``.
public struct TaskState: Hashable, Codable, Sendable {
    public struct Report: Hashable, Codable, Sendable {
        public var period: Period
        public var revision: Int
        public var status: ReportStatus
        public var summary: String
        public var percentDone: Int?
        public var indicators: [TaskEvent.IndicatorValue]
        public var output: String?
        /// Files attached to this revision.
        public var evidence: [TaskEvent.Evidence]?
        public var submittedBy: Login
        public var submittedAt: Date
        public var due: Date
        public var late: Bool
        public var decidedBy: Login?
        public var decidedAt: Date?
        public var decisionNote: String?
    }

    public struct PendingExtension: Hashable, Codable, Sendable {
        public var due: Date
        public var reason: String
        public var by: Login
        public var at: Date
    }

    /// One thing the task must deliver, and where it stands.
    public struct DeliverableState: Hashable, Codable, Sendable {
        public enum Status: String, Codable, Sendable {
            case open
            /// Completion reported, awaiting the leader's confirmation.
            case reported
            case done
        }

        public var key: String
        public var due: Date
        /// The due instant first set; kept when an extension moves `due`.
        public var originalDue: Date
        public var status: Status
    }

    public struct Completion: Hashable, Codable, Sendable {
        public var output: String
        public var by: Login
        public var at: Date
        public var late: Bool
    }

    public var status: TaskStatus = .none
    public var plan: String?
    public var code: String?
    public var deadlineText: String?
    public var deadline: Deadline?
    public var indicators: [String] = []
    /// When monthly reports are due.
    public var reporting: ReportingRule = .standard
    /// What is due, in order; `due` and `originalDue` are those of the first not done.
    public var deliverables: [DeliverableState] = []
    public var title = ""
    public var lead = UnitID(unchecked: "-")
    public var coUnits: [UnitID] = []
    public var due: Date?
    /// The deadline first set for the current deliverable; kept when an extension moves `due`,
    /// for lateness statistics.
    public var originalDue: Date?
    public var output: String?
    public var assignedAt = Date(timeIntervalSince1970: 0)
    /// When the current lead unit was given the task (assigned or reassigned):
    /// the acceptance reminder counts from here.
    public var leadSince: Date?
    public var reports: [Period: Report] = [:]
    public var pendingExtension: PendingExtension?
    public var completion: Completion?
    /// The reason of the last decline, return of completion or cancellation.
    public var lastReason: String?
    /// When the task stopped being carried out: completed, cancelled, or
    /// declined (until it is reassigned). Months due after it owe no report.
    public var inactiveSince: Date?

    public init() {}

    public static let initial = TaskState()

    public static func fold(_ events: some Sequence<TaskEvent>) -> TaskState {
        events.reduce(initial, evolve)
    }

    public static func evolve(_ state: TaskState, _ event: TaskEvent) -> TaskState {
        var s = state
        switch event {
        case .assigned(let e):
            s.status = .assigned
            s.title = e.title
            s.lead = e.lead
            s.coUnits = e.coUnits
            s.output = e.output
            s.assignedAt = e.at
            s.leadSince = e.at
            s.plan = e.plan
            s.code = e.code
            s.deadlineText = e.deadlineText
            s.deadline = e.deadline
            s.indicators = e.indicators ?? []
            s.reporting = e.reporting ?? .standard
            let deliverables = e.deliverables
                ?? e.due.map { [Deadline.Deliverable(key: CommuneTime.dayOfDeadline($0), due: $0)] } ?? []
            s.deliverables = deliverables.map { .init(key: $0.key, due: $0.due, originalDue: $0.due, status: .open) }
        case .accepted:
            s.status = .accepted
        case .declined(let e):
            s.status = .declined
            s.lastReason = e.reason
            s.inactiveSince = e.at
        case .reassigned(let e):
            s.status = .assigned
            s.inactiveSince = nil
            s.lead = e.to
            s.leadSince = e.at
            s.coUnits.removeAll { $0 == e.to }
            s.pendingExtension = nil
        case .reportSubmitted(let e):
            s.reports[e.period] = Report(
                period: e.period, revision: e.revision, status: .submitted, summary: e.summary,
                percentDone: e.percentDone, indicators: e.indicators, output: e.output, evidence: e.evidence,
                submittedBy: e.by, submittedAt: e.at, due: e.due, late: e.late)
        case .reportApproved(let e):
            s.reports[e.period]?.decide(.approved, e)
        case .reportReturned(let e):
            s.reports[e.period]?.decide(.returned, e)
        case .extensionRequested(let e):
            s.pendingExtension = PendingExtension(due: e.due, reason: e.reason, by: e.by, at: e.at)
        case .extensionGranted(let e):
            if let index = s.currentDeliverable { s.deliverables[index].due = e.due }
            s.pendingExtension = nil
        case .extensionDenied:
            s.pendingExtension = nil
        case .completionReported(let e):
            s.status = .completionReported
            s.completion = Completion(output: e.output, by: e.by, at: e.at, late: e.late)
            if let key = e.deliverable, let index = s.deliverables.firstIndex(where: { $0.key == key }) {
                s.deliverables[index].status = .reported
            }
        case .completionConfirmed(let e):
            if let index = s.deliverables.firstIndex(where: { $0.status == .reported }) {
                s.deliverables[index].status = .done
            } else {
                // The completion of the whole task.
                for index in s.deliverables.indices { s.deliverables[index].status = .done }
            }
            let more = s.deliverables.contains { $0.status != .done }
            s.status = more ? .accepted : .completed
            s.inactiveSince = more ? nil : e.at
            s.pendingExtension = nil
        case .completionReturned(let e):
            s.status = .accepted
            s.lastReason = e.reason
            if let index = s.deliverables.firstIndex(where: { $0.status == .reported }) {
                s.deliverables[index].status = .open
            }
        case .revised(let e):
            s.title = e.title ?? s.title
            s.coUnits = e.coUnits ?? s.coUnits
            s.deadlineText = e.deadlineText ?? s.deadlineText
            s.deadline = e.deadline ?? s.deadline
            s.output = e.output ?? s.output
            s.indicators = e.indicators ?? s.indicators
            s.reporting = e.reporting ?? s.reporting
            if let deliverables = e.deliverables {
                let old = Dictionary(s.deliverables.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                s.deliverables = deliverables.map { d in
                    old[d.key].map { .init(key: d.key, due: max($0.due, d.due), originalDue: d.due, status: $0.status) }
                        ?? .init(key: d.key, due: d.due, originalDue: d.due, status: .open)
                }
            }
        case .deadlineTriggered(let e):
            s.deliverables.append(.init(key: e.document, due: e.due, originalDue: e.due, status: .open))
        case .cancelled(let e):
            s.status = .cancelled
            s.lastReason = e.reason
            s.inactiveSince = e.at
            s.pendingExtension = nil
        }
        // Once all is delivered, the last deadline stays: lateness is judged by it.
        let deadline = s.currentDeliverable ?? s.deliverables.indices.last
        s.due = deadline.map { s.deliverables[$0].due }
        s.originalDue = deadline.map { s.deliverables[$0].originalDue }
        return s
    }

    /// The first deliverable not done: the one the deadline, extensions and completion are about.
    public var currentDeliverable: Int? { deliverables.firstIndex { $0.status != .done } }

    /// Whether the task owes (or gave) a monthly report for `period`: it has one,
    /// or the month's deadline came after the task was assigned and before it
    /// stopped (completed, cancelled, declined). Decided by the events alone, so
    /// an earlier month keeps its tasks when one closes later.
    public func owesReport(for period: Period) -> Bool {
        Self.owesReport(
            for: period, hasReport: reports[period] != nil, status: status, reporting: reporting,
            assignedAt: assignedAt, inactiveSince: inactiveSince)
    }

    /// The rule of ``owesReport(for:)`` on the facts it needs, for read models
    /// that keep those facts in columns instead of the whole state.
    public static func owesReport(
        for period: Period, hasReport: Bool, status: TaskStatus, reporting: ReportingRule, assignedAt: Date,
        inactiveSince: Date?
    ) -> Bool {
        if hasReport { return true }
        guard status != .none else { return false }
        let due = reporting.due(for: period)
        return due > assignedAt && inactiveSince.map { $0 > due } ?? true
    }

    /// Whether the task is past its deadline at `now` and not done.
    public func isOverdue(at now: Date) -> Bool { Self.isOverdue(due: due, status: status, at: now) }

    /// The rule of ``isOverdue(at:)`` on the facts it needs.
    public static func isOverdue(due: Date?, status: TaskStatus, at now: Date) -> Bool {
        guard let due, !status.isClosed, status != .none else { return false }
        return now >= due
    }
}

extension TaskState.Report {
    fileprivate mutating func decide(_ status: ReportStatus, _ event: TaskEvent.ReportDecided) {
        self.status = status
        decidedBy = event.by
        decidedAt = event.at
        decisionNote = event.reason
    }
}
