import Foundation

/// What a person asks of a task. Values here are already read and validated
/// (see ``Text``); the decider checks them against the rules and the state.
public enum TaskCommand: Hashable, Codable, Sendable {
    case assign(Assignment)
    case accept(note: String?)
    case decline(reason: String)
    case reassign(to: UnitID, reason: String?)
    case report(ReportDraft)
    /// `revision`: the revision the leader looked at; `nil` approves whatever is awaiting.
    case approve(period: Period, revision: Int?, note: String?)
    case returnReport(period: Period, revision: Int?, reason: String)
    case requestExtension(due: Date, reason: String)
    /// `due`: the deadline granted; `nil` grants what was asked.
    case grantExtension(due: Date?, note: String?)
    case denyExtension(reason: String)
    case reportCompletion(output: String)
    case confirmCompletion(note: String?)
    case returnCompletion(reason: String)
    case cancel(reason: String)
    /// A superior's document sets a deadline ("Khi có văn bản của cấp trên").
    case trigger(document: String, due: Date)

    public struct Assignment: Hashable, Codable, Sendable {
        public var title: String
        public var lead: UnitID
        public var coUnits: [UnitID]
        public var due: Date?
        public var output: String?

        public init(title: String, lead: UnitID, coUnits: [UnitID] = [], due: Date?, output: String?) {
            self.title = title
            self.lead = lead
            self.coUnits = coUnits
            self.due = due
            self.output = output
        }
    }

    public struct ReportDraft: Hashable, Codable, Sendable {
        public var period: Period
        public var summary: String
        public var percentDone: Int?
        public var indicators: [TaskEvent.IndicatorValue]
        public var output: String?
        public var evidence: [TaskEvent.Evidence]

        public init(
            period: Period, summary: String, percentDone: Int? = nil,
            indicators: [TaskEvent.IndicatorValue] = [], output: String? = nil, evidence: [TaskEvent.Evidence] = []
        ) {
            self.period = period
            self.summary = summary
            self.percentDone = percentDone
            self.indicators = indicators
            self.output = output
            self.evidence = evidence
        }
    }
}

/// What a decision needs besides the task's state: who acts, when, and which
/// units exist. Given, never looked up: deciders do no I/O.
public struct DecisionContext: Sendable {
    public var actor: Actor
    public var now: Date
    public var units: Set<UnitID>

    public init(actor: Actor, now: Date, units: Set<UnitID>) {
        self.actor = actor
        self.now = now
        self.units = units
    }
}
