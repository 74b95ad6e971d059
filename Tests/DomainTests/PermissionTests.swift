import Foundation
import Testing

@testable import RoDomain

/// A command in a state where the person allowed to give it succeeds, so that a
/// refusal can only come from who gives it.
struct PermissionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var history: [TaskEvent]
    var command: TaskCommand
    var action: String

    var testDescription: String { name }

    func when(by actor: Actor) -> Decision {
        Scenario.given(history).when(command, by: actor, at: Fx.midNov)
    }

    /// Only an officer of the lead unit.
    static let leadOfficer: [PermissionCase] = [
        .init(name: "accept", history: Past.assignedTask, command: .accept(note: nil), action: Action.accept),
        .init(name: "decline", history: Past.assignedTask, command: .decline(reason: "x"), action: Action.decline),
        .init(
            name: "report", history: Past.acceptedTask,
            command: .report(.init(period: Fx.nov, summary: Past.summary)), action: Action.report),
        .init(
            name: "request extension", history: Past.acceptedTask,
            command: .requestExtension(due: Fx.laterDue, reason: "x"), action: Action.requestExtension),
        .init(
            name: "report completion", history: Past.acceptedTask,
            command: .reportCompletion(output: "x"), action: Action.reportCompletion),
    ]

    /// Only a leader.
    static let leader: [PermissionCase] = [
        .init(
            name: "approve", history: Past.reportedTask,
            command: .approve(period: Fx.nov, revision: 1, note: nil), action: Action.approve),
        .init(
            name: "return report", history: Past.reportedTask,
            command: .returnReport(period: Fx.nov, revision: 1, reason: "x"), action: Action.returnReport),
        .init(
            name: "grant extension", history: Past.acceptedTask + [Past.extensionRequested()],
            command: .grantExtension(due: nil, note: nil), action: Action.grant),
        .init(
            name: "deny extension", history: Past.acceptedTask + [Past.extensionRequested()],
            command: .denyExtension(reason: "x"), action: Action.deny),
        .init(
            name: "confirm completion", history: Past.completionReportedTask,
            command: .confirmCompletion(note: nil), action: Action.confirm),
        .init(
            name: "return completion", history: Past.completionReportedTask,
            command: .returnCompletion(reason: "x"), action: Action.returnCompletion),
        .init(name: "cancel", history: Past.acceptedTask, command: .cancel(reason: "x"), action: Action.cancel),
    ]

    /// A leader or the coordinator.
    static let assigner: [PermissionCase] = [
        .init(
            name: "assign", history: [],
            command: .assign(.init(title: Past.title, lead: Fx.vhxh, due: Fx.taskDue, output: nil)),
            action: Action.assign),
        .init(
            name: "reassign", history: Past.assignedTask,
            command: .reassign(to: Fx.yte, reason: nil), action: Action.reassign),
    ]

    static let all = leadOfficer + leader + assigner
}

@Suite("Who may do what")
struct PermissionTests {
    /// An officer who, by a fault of the directory, belongs to no unit.
    static let unitlessOfficer = Actor(login: Login(unchecked: "vo.danh"), role: .officer)

    @Test(arguments: PermissionCase.leadOfficer)
    func theLeadUnitOfficerMay(_ c: PermissionCase) {
        c.when(by: Fx.officer).thenEvents { events in #expect(events.count == 1) }
    }

    @Test(arguments: PermissionCase.leadOfficer, [Fx.otherOfficer, unitlessOfficer, Fx.leader, Fx.coordinator, Fx.admin])
    func nobodyElseMay(_ c: PermissionCase, actor: Actor) {
        c.when(by: actor).then(rejects: .notLeadUnitOfficer(action: c.action, lead: Fx.vhxh))
    }

    @Test(arguments: PermissionCase.leader)
    func theLeaderMay(_ c: PermissionCase) {
        c.when(by: Fx.leader).thenEvents { events in #expect(events.count == 1) }
    }

    @Test(arguments: PermissionCase.leader, [Fx.officer, Fx.otherOfficer, Fx.coordinator, Fx.admin])
    func onlyTheLeaderMay(_ c: PermissionCase, actor: Actor) {
        c.when(by: actor).then(rejects: .notPermitted(action: c.action, role: actor.role))
    }

    @Test(arguments: PermissionCase.assigner, [Fx.leader, Fx.coordinator])
    func theLeaderAndTheCoordinatorMay(_ c: PermissionCase, actor: Actor) {
        c.when(by: actor).thenEvents { events in #expect(events.count == 1) }
    }

    @Test(arguments: PermissionCase.assigner, [Fx.officer, Fx.otherOfficer, Fx.admin])
    func nobodyElseAssigns(_ c: PermissionCase, actor: Actor) {
        c.when(by: actor).then(rejects: .notPermitted(action: c.action, role: actor.role))
    }

    @Test(arguments: PermissionCase.all)
    func theAuditorChangesNothing(_ c: PermissionCase) {
        c.when(by: Fx.auditor).then(rejects: .notPermitted(action: Action.change, role: .auditor))
    }

    @Test func theAuditorIsRefusedBeforeAnythingElseIsChecked() {
        Scenario.given()
            .when(.cancel(reason: "x"), by: Fx.auditor, at: Fx.midNov)
            .then(rejects: .notPermitted(action: Action.change, role: .auditor))
        Scenario.given()
            .when(.reassign(to: Fx.ghost, reason: nil), by: Fx.auditor, at: Fx.midNov)
            .then(rejects: .notPermitted(action: Action.change, role: .auditor))
    }

    @Test func anOfficerOfAnotherUnitIsNamedTheLeadUnit() {
        let rejection = Rejection.notLeadUnitOfficer(action: Action.accept, lead: Fx.vhxh)
        #expect(rejection.message == "chỉ cán bộ của đơn vị chủ trì vhxh mới được tiếp nhận nhiệm vụ")
        #expect(Rejection.unknownUnit(Fx.ghost).isNotFound)
        #expect(!rejection.isNotFound)
    }
}
