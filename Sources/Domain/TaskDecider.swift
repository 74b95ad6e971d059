import Foundation

/// The rules of the task workflow as pure functions: `decide(command, context, state)`
/// gives the events to append, an empty list when the outcome already holds, or a
/// ``Rejection``.
public enum TaskDecider {
    public static func decide(
        _ command: TaskCommand, _ context: DecisionContext, _ state: TaskState
    ) throws(Rejection) -> [TaskEvent] {
        let actor = context.actor
        guard actor.role != .auditor else { throw .notPermitted(action: "thay đổi dữ liệu", role: .auditor) }
        switch command {
        case .assign(let assignment):
            return try decideAssign(assignment, context, state)
        case .accept(let note):
            try requireLeadOfficer("tiếp nhận nhiệm vụ", context, state)
            if state.status == .accepted { return [] }
            try require(state, in: [.assigned], "tiếp nhận nhiệm vụ")
            return [.accepted(.init(by: actor.login, at: context.now, note: note))]
        case .decline(let reason):
            try requireLeadOfficer("từ chối nhiệm vụ", context, state)
            try require(state, in: [.assigned], "từ chối nhiệm vụ")
            return [.declined(.init(by: actor.login, at: context.now, reason: reason))]
        case .reassign(let to, let reason):
            try requireRole([.leader, .coordinator], "giao lại nhiệm vụ", context)
            try require(state, in: [.assigned, .accepted, .declined], "giao lại nhiệm vụ")
            guard context.units.contains(to) else { throw .unknownUnit(to) }
            guard to != state.lead else { throw .sameLeadUnit(to) }
            return [.reassigned(.init(from: state.lead, to: to, by: actor.login, at: context.now, reason: reason))]
        case .report(let draft):
            return try decideReport(draft, context, state)
        case .approve(let period, let revision, let note):
            try requireRole([.leader], "duyệt báo cáo", context)
            let report = try awaitingReport(period, revision: revision, state)
            return [.reportApproved(.init(
                period: period, revision: report.revision, by: actor.login, at: context.now, reason: note))]
        case .returnReport(let period, let revision, let reason):
            try requireRole([.leader], "trả lại báo cáo", context)
            let report = try awaitingReport(period, revision: revision, state)
            return [.reportReturned(.init(
                period: period, revision: report.revision, by: actor.login, at: context.now, reason: reason))]
        case .requestExtension(let due, let reason):
            try requireLeadOfficer("đề nghị gia hạn", context, state)
            try require(state, in: [.assigned, .accepted], "đề nghị gia hạn")
            guard let current = state.due else { throw .noDeadline }
            guard due > current else { throw .extensionNotLater(requested: due, current: current) }
            guard state.pendingExtension == nil else { throw .extensionPending }
            return [.extensionRequested(.init(due: due, reason: reason, by: actor.login, at: context.now))]
        case .grantExtension(let granted, let note):
            try requireRole([.leader], "gia hạn", context)
            try require(state, in: [.assigned, .accepted], "gia hạn")
            guard let pending = state.pendingExtension, let current = state.due else { throw .noPendingExtension }
            let due = granted ?? pending.due
            guard due > current else { throw .extensionNotLater(requested: due, current: current) }
            return [.extensionGranted(.init(previousDue: current, due: due, by: actor.login, at: context.now, note: note))]
        case .denyExtension(let reason):
            try requireRole([.leader], "từ chối gia hạn", context)
            guard state.pendingExtension != nil else { throw .noPendingExtension }
            return [.extensionDenied(.init(by: actor.login, at: context.now, reason: reason))]
        case .reportCompletion(let output):
            try requireLeadOfficer("báo cáo hoàn thành", context, state)
            try require(state, in: [.assigned, .accepted], "báo cáo hoàn thành")
            let late = state.due.map { context.now >= $0 } ?? false
            // With several deliverables (an annual task), the completion is of the current one.
            let deliverable = state.deliverables.count > 1 ? state.currentDeliverable.map { state.deliverables[$0].key } : nil
            return [.completionReported(.init(
                output: output, by: actor.login, at: context.now, late: late, deliverable: deliverable))]
        case .confirmCompletion(let note):
            try requireRole([.leader], "xác nhận hoàn thành", context)
            try require(state, in: [.completionReported], "xác nhận hoàn thành")
            return [.completionConfirmed(.init(by: actor.login, at: context.now, note: note))]
        case .returnCompletion(let reason):
            try requireRole([.leader], "trả lại kết quả hoàn thành", context)
            try require(state, in: [.completionReported], "trả lại kết quả hoàn thành")
            return [.completionReturned(.init(by: actor.login, at: context.now, reason: reason))]
        case .trigger(let document, let due):
            try requireRole([.leader, .coordinator], "ghi nhận văn bản của cấp trên", context)
            try require(state, in: [.assigned, .accepted], "ghi nhận văn bản của cấp trên")
            if state.deliverables.contains(where: { $0.key == document }) {
                guard state.deliverables.contains(where: { $0.key == document && $0.originalDue == due }) else {
                    throw .documentAlreadyRecorded(document)
                }
                return []
            }
            return [.deadlineTriggered(.init(document: document, due: due, by: actor.login, at: context.now))]
        case .cancel(let reason):
            try requireRole([.leader], "hủy nhiệm vụ", context)
            guard state.status != .none else { throw .wrongStatus(action: "hủy nhiệm vụ", status: .none) }
            guard !state.status.isClosed else { throw .wrongStatus(action: "hủy nhiệm vụ", status: state.status) }
            return [.cancelled(.init(by: actor.login, at: context.now, reason: reason))]
        }
    }

    /// Whether `command` would record something now: what a page asks before
    /// offering a button, so that it offers only what the rules allow.
    public static func wouldRecord(_ command: TaskCommand, _ context: DecisionContext, _ state: TaskState) -> Bool {
        (try? decide(command, context, state))?.isEmpty == false
    }

    // MARK: The larger decisions

    static func decideAssign(
        _ a: TaskCommand.Assignment, _ context: DecisionContext, _ state: TaskState
    ) throws(Rejection) -> [TaskEvent] {
        try requireRole([.leader, .coordinator], "giao nhiệm vụ", context)
        for unit in [a.lead] + a.coUnits where !context.units.contains(unit) { throw .unknownUnit(unit) }
        if a.coUnits.contains(a.lead) { throw .coUnitIsLead(a.lead) }
        var coUnits: [UnitID] = []
        for unit in a.coUnits where !coUnits.contains(unit) { coUnits.append(unit) }
        guard state.status == .none else {
            let same = state.title == a.title && state.lead == a.lead && state.coUnits == coUnits
                && state.originalDue == a.due && state.output == a.output
            if same { return [] }
            throw .taskAlreadyAssigned
        }
        return [.assigned(.init(
            title: a.title, lead: a.lead, coUnits: coUnits, due: a.due, output: a.output,
            by: context.actor.login, at: context.now))]
    }

    static func decideReport(
        _ draft: TaskCommand.ReportDraft, _ context: DecisionContext, _ state: TaskState
    ) throws(Rejection) -> [TaskEvent] {
        try requireLeadOfficer("báo cáo", context, state)
        try require(state, in: [.assigned, .accepted, .completionReported], "báo cáo")
        let current = Period.containing(context.now)
        guard draft.period <= current else { throw .periodInFuture(draft.period) }
        let assigned = Period.containing(state.assignedAt)
        guard draft.period >= assigned else { throw .periodBeforeAssignment(draft.period, assigned: assigned) }
        let previous = state.reports[draft.period]
        switch previous?.status {
        case .submitted: throw .reportAwaitingDecision(draft.period)
        case .approved: throw .reportAlreadyApproved(draft.period)
        case .returned, nil: break
        }
        if state.plan != nil {
            for value in draft.indicators where !state.indicators.contains(value.indicator) {
                throw .indicatorNotServed(value.indicator, served: state.indicators)
            }
        }
        let due = state.reporting.due(for: draft.period)
        return [.reportSubmitted(.init(
            period: draft.period, revision: (previous?.revision ?? 0) + 1, summary: draft.summary,
            percentDone: draft.percentDone, indicators: draft.indicators, output: draft.output,
            by: context.actor.login, at: context.now, due: due, late: context.now >= due,
            evidence: draft.evidence.isEmpty ? nil : draft.evidence))]
    }

    // MARK: Guards

    static func requireRole(_ roles: Set<Role>, _ action: String, _ context: DecisionContext) throws(Rejection) {
        guard roles.contains(context.actor.role) else {
            throw .notPermitted(action: action, role: context.actor.role)
        }
    }

    static func requireLeadOfficer(_ action: String, _ context: DecisionContext, _ state: TaskState) throws(Rejection) {
        guard state.status != .none else { throw .wrongStatus(action: action, status: .none) }
        guard context.actor.isOfficer(of: state.lead) else {
            throw .notLeadUnitOfficer(action: action, lead: state.lead)
        }
    }

    static func require(_ state: TaskState, in statuses: Set<TaskStatus>, _ action: String) throws(Rejection) {
        guard statuses.contains(state.status) else { throw .wrongStatus(action: action, status: state.status) }
    }

    static func awaitingReport(_ period: Period, revision: Int?, _ state: TaskState) throws(Rejection) -> TaskState.Report {
        guard state.status != .none else { throw .wrongStatus(action: "xem xét báo cáo", status: .none) }
        guard let report = state.reports[period] else { throw .noReport(period) }
        if let revision, revision != report.revision {
            throw .staleReport(period, expected: revision, actual: report.revision)
        }
        switch report.status {
        case .submitted: return report
        case .approved: throw .reportAlreadyApproved(period)
        case .returned: throw .reportReturned(period)
        }
    }
}
