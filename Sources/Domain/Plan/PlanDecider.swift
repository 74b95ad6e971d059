import Foundation

/// What happened to a plan: it was published, then revised. Each revision
/// carries the whole plan as loaded, so any revision can be read back as it was.
public enum PlanEvent: Hashable, Codable, Sendable {
    case published(Published)

    public struct Published: Hashable, Codable, Sendable {
        /// 1 for the first publication, then one more for each revision.
        public var revision: Int
        public var plan: Plan
        /// SHA-256 of the file it was loaded from.
        public var digest: String
        public var by: Login
        public var at: Date
    }

    public var typeName: String { "PlanPublished" }

    public static func streamID(_ plan: PlanID) -> String { "plan-\(plan)" }
}

/// A plan as its events leave it.
public struct PlanState: Hashable, Sendable {
    public var revision = 0
    public var plan: Plan?
    public var digest: String?
    public init() {}

    public static func fold(_ events: some Sequence<PlanEvent>) -> PlanState {
        events.reduce(into: PlanState()) { state, event in
            switch event {
            case .published(let e):
                state.revision = e.revision
                state.plan = e.plan
                state.digest = e.digest
            }
        }
    }
}

/// The events a plan load appends, stream by stream, in one transaction.
public struct PlanDecision: Hashable, Sendable {
    public var directory: [Directory.Event] = []
    public var plan: [PlanEvent] = []
    /// Task events by task, in the plan's order.
    public var tasks: [(TaskID, [TaskEvent])] = []

    public var isEmpty: Bool { directory.isEmpty && plan.isEmpty && tasks.isEmpty }

    public static func == (lhs: PlanDecision, rhs: PlanDecision) -> Bool {
        lhs.directory == rhs.directory && lhs.plan == rhs.plan
            && lhs.tasks.map(\.0) == rhs.tasks.map(\.0) && lhs.tasks.map(\.1) == rhs.tasks.map(\.1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(directory)
        hasher.combine(plan)
        for (id, events) in tasks {
            hasher.combine(id)
            hasher.combine(events)
        }
    }
}

/// Publishing and revising a plan: pure, like every decider.
public enum PlanDecider {
    /// Loads `plan` over what is recorded: units added or updated, the plan
    /// published as a new revision, new tasks assigned, changed tasks revised (a
    /// new lead unit is a reassignment), removed tasks cancelled. A plan equal to
    /// the one in force decides nothing.
    public static func decideLoad(
        _ plan: Plan, digest: String, actor: Actor, now: Date, current: PlanState, directory: Directory.State,
        tasks: [TaskID: TaskState]
    ) throws(Rejection) -> PlanDecision {
        guard [.admin, .coordinator, .leader].contains(actor.role) else {
            throw .notPermitted(action: "nạp kế hoạch", role: actor.role)
        }
        var decision = PlanDecision()
        guard current.plan != plan else { return decision }
        let revision = current.revision + 1
        for unit in plan.units {
            let recorded = Directory.Unit(
                id: unit.id, name: unit.name, kind: unit.kind, emails: unit.emails, head: unit.head, officers: unit.officers)
            switch directory.units[unit.id] {
            case nil: decision.directory.append(.unitAdded(recorded))
            case let existing? where existing != recorded: decision.directory.append(.unitUpdated(recorded))
            default: break
            }
        }
        decision.plan = [.published(.init(revision: revision, plan: plan, digest: digest, by: actor.login, at: now))]
        let reason = "Kế hoạch sửa đổi lần \(revision)"
        for task in plan.tasks {
            let id = plan.taskID(task.code)
            let state = tasks[id] ?? .initial
            let deliverables = task.deadline.deliverables(horizon: plan.horizon.years)
            if state.status == .none {
                decision.tasks.append((id, [.assigned(.init(
                    title: task.title, lead: task.lead, coUnits: task.coUnits, due: deliverables.first?.due,
                    output: task.output, by: actor.login, at: now, plan: plan.id.rawValue, code: task.code,
                    deadlineText: task.deadlineText, deadline: task.deadline, deliverables: deliverables,
                    indicators: task.indicators, reporting: plan.reporting.rule))]))
                continue
            }
            guard state.status != .cancelled || current.plan?.tasks.contains(where: { $0.code == task.code }) == true else {
                throw .taskRemovedEarlier(task.code)
            }
            var events: [TaskEvent] = []
            if task.lead != state.lead, !state.status.isClosed {
                events.append(.reassigned(.init(from: state.lead, to: task.lead, by: actor.login, at: now, reason: reason)))
            }
            var revised = TaskEvent.Revised(revision: revision, by: actor.login, at: now)
            if task.title != state.title { revised.title = task.title }
            if task.coUnits != state.coUnits { revised.coUnits = task.coUnits }
            if task.deadlineText != state.deadlineText || task.deadline != state.deadline {
                revised.deadlineText = task.deadlineText
                revised.deadline = task.deadline
                revised.deliverables = deliverables
            }
            if task.output != state.output { revised.output = task.output }
            if task.indicators != state.indicators { revised.indicators = task.indicators }
            if plan.reporting.rule != state.reporting { revised.reporting = plan.reporting.rule }
            if revised != TaskEvent.Revised(revision: revision, by: actor.login, at: now) { events.append(.revised(revised)) }
            if !events.isEmpty { decision.tasks.append((id, events)) }
        }
        let kept = Set(plan.tasks.map(\.code))
        for old in current.plan?.tasks ?? [] where !kept.contains(old.code) {
            let id = plan.taskID(old.code)
            guard let state = tasks[id], !state.status.isClosed, state.status != .none else { continue }
            decision.tasks.append((id, [.cancelled(.init(
                by: actor.login, at: now, reason: "Đã bỏ khỏi kế hoạch ở lần sửa đổi \(revision) (removed in revision \(revision))"))]))
        }
        return decision
    }
}
