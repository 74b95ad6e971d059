import Foundation

/// What happened to a task. Past tense, immutable, self-contained: each event
/// carries the person and the instant that the domain needs to fold it.
public enum TaskEvent: Hashable, Codable, Sendable {
    case assigned(Assigned)
    case accepted(Acted)
    case declined(Reasoned)
    case reassigned(Reassigned)
    case reportSubmitted(ReportSubmitted)
    case reportApproved(ReportDecided)
    case reportReturned(ReportDecided)
    case extensionRequested(ExtensionRequested)
    case extensionGranted(ExtensionGranted)
    case extensionDenied(Reasoned)
    case completionReported(CompletionReported)
    case completionConfirmed(Acted)
    case completionReturned(Reasoned)
    case cancelled(Reasoned)
    case revised(Revised)
    case deadlineTriggered(DeadlineTriggered)

    public struct Assigned: Hashable, Codable, Sendable {
        public var title: String
        public var lead: UnitID
        public var coUnits: [UnitID]
        /// The end of the day by which the task must be done; `nil`: ongoing.
        public var due: Date?
        public var output: String?
        public var by: Login
        public var at: Date
        /// The plan the task belongs to, and its code there ("II.3"), when it came from a plan.
        public var plan: String? = nil
        public var code: String? = nil
        /// The deadline as the plan writes it, and as read.
        public var deadlineText: String? = nil
        public var deadline: Deadline? = nil
        /// What is due, and by when; absent in events written before plans, where `due` says it.
        public var deliverables: [Deadline.Deliverable]? = nil
        /// The plan's indicators the task serves.
        public var indicators: [String]? = nil
        /// The plan's monthly reporting rule; absent: the standard rule (before day 20).
        public var reporting: ReportingRule? = nil
    }

    /// A plan revision changed the task: only the fields that changed are present.
    public struct Revised: Hashable, Codable, Sendable {
        public var revision: Int
        public var title: String? = nil
        public var coUnits: [UnitID]? = nil
        public var deadlineText: String? = nil
        public var deadline: Deadline? = nil
        public var deliverables: [Deadline.Deliverable]? = nil
        public var output: String? = nil
        public var indicators: [String]? = nil
        public var reporting: ReportingRule? = nil
        public var by: Login
        public var at: Date
    }

    /// A superior's document set the deadline of a task that waited for one.
    public struct DeadlineTriggered: Hashable, Codable, Sendable {
        /// The document, as cited ("Công văn số 123/UBND ngày 02/3/2026").
        public var document: String
        public var due: Date
        public var by: Login
        public var at: Date
    }

    public struct Acted: Hashable, Codable, Sendable {
        public var by: Login
        public var at: Date
        public var note: String?
    }

    public struct Reasoned: Hashable, Codable, Sendable {
        public var by: Login
        public var at: Date
        public var reason: String
    }

    public struct Reassigned: Hashable, Codable, Sendable {
        public var from: UnitID
        public var to: UnitID
        public var by: Login
        public var at: Date
        public var reason: String?
    }

    public struct IndicatorValue: Hashable, Codable, Sendable {
        public var indicator: String
        public var value: Double
        public init(indicator: String, value: Double) {
            self.indicator = indicator
            self.value = value
        }
    }

    public struct ReportSubmitted: Hashable, Codable, Sendable {
        public var period: Period
        /// 1 for the first report of the period, then one more for each resubmission.
        public var revision: Int
        public var summary: String
        public var percentDone: Int?
        public var indicators: [IndicatorValue]
        public var output: String?
        public var by: Login
        public var at: Date
        /// The instant the report was due by, under the reporting rule in force.
        public var due: Date
        /// Whether it arrived at or after `due`. Late reports are accepted, and marked.
        public var late: Bool
        /// Files attached as evidence, by content: their SHA-256 is in the event,
        /// so the hash chain covers them. Absent in reports without files.
        public var evidence: [Evidence]? = nil
    }

    /// A file attached to a report, stored by its content.
    public struct Evidence: Hashable, Codable, Sendable {
        /// The file's name as uploaded.
        public var name: String
        /// SHA-256 of the bytes, lowercase hex: where the file is kept.
        public var sha256: String
        public var size: Int
        public init(name: String, sha256: String, size: Int) {
            self.name = name
            self.sha256 = sha256
            self.size = size
        }
    }

    public struct ReportDecided: Hashable, Codable, Sendable {
        public var period: Period
        public var revision: Int
        public var by: Login
        public var at: Date
        /// Required when returning; an optional comment when approving.
        public var reason: String?
    }

    public struct ExtensionRequested: Hashable, Codable, Sendable {
        public var due: Date
        public var reason: String
        public var by: Login
        public var at: Date
    }

    public struct ExtensionGranted: Hashable, Codable, Sendable {
        public var previousDue: Date
        public var due: Date
        public var by: Login
        public var at: Date
        public var note: String?
    }

    public struct CompletionReported: Hashable, Codable, Sendable {
        public var output: String
        public var by: Login
        public var at: Date
        public var late: Bool
        /// The deliverable it completes (the year of an annual task); `nil`: the task.
        public var deliverable: String? = nil
    }
}

extension TaskEvent {
    /// The event's stored type name. Stable: never rename one.
    public var typeName: String {
        switch self {
        case .assigned: "TaskAssigned"
        case .accepted: "TaskAccepted"
        case .declined: "TaskDeclined"
        case .reassigned: "TaskReassigned"
        case .reportSubmitted: "ReportSubmitted"
        case .reportApproved: "ReportApproved"
        case .reportReturned: "ReportReturned"
        case .extensionRequested: "ExtensionRequested"
        case .extensionGranted: "ExtensionGranted"
        case .extensionDenied: "ExtensionDenied"
        case .completionReported: "CompletionReported"
        case .completionConfirmed: "CompletionConfirmed"
        case .completionReturned: "CompletionReturned"
        case .cancelled: "TaskCancelled"
        case .revised: "TaskRevised"
        case .deadlineTriggered: "DeadlineTriggered"
        }
    }

    /// The stream of a task's events.
    public static func streamID(_ task: TaskID) -> String { "task-\(task)" }
}
