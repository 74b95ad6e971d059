import Foundation
import Testing

@testable import RoDomain

@Suite("Assigning a task")
struct AssignmentTests {
    static let assignment = TaskCommand.Assignment(
        title: Past.title, lead: Fx.vhxh, due: Fx.taskDue, output: "Báo cáo kết quả tập huấn")

    @Test func leaderAssignsANewTask() {
        let outcome = Scenario.given()
            .when(.assign(Self.assignment), by: Fx.leader, at: Fx.assignedAt)
            .then([Past.assigned()])
        #expect(outcome.state.status == .assigned)
        #expect(outcome.state.lead == Fx.vhxh)
        #expect(outcome.state.due == Fx.taskDue)
        #expect(outcome.state.originalDue == Fx.taskDue)
        #expect(outcome.state.assignedAt == Fx.assignedAt)
    }

    @Test func coordinatorAssignsToo() {
        Scenario.given()
            .when(.assign(Self.assignment), by: Fx.coordinator, at: Fx.assignedAt)
            .then([Past.assigned(by: Fx.coordinator)])
    }

    @Test func assigningTheSameContentTwiceEmitsNothing() {
        Scenario.given()
            .when(.assign(Self.assignment), by: Fx.leader, at: Fx.assignedAt)
            .then([Past.assigned()])
            .again.then([])
    }

    @Test func theSameContentFromAnotherPersonLaterEmitsNothing() {
        Scenario.given(Past.assigned())
            .when(.assign(Self.assignment), by: Fx.coordinator, at: Fx.lateNov)
            .then([])
    }

    @Test func anOngoingTaskHasNoDeadline() {
        var ongoing = Self.assignment
        ongoing.due = nil
        ongoing.output = nil
        let outcome = Scenario.given()
            .when(.assign(ongoing), by: Fx.leader, at: Fx.assignedAt)
            .then([Past.assigned(due: nil, output: nil)])
        #expect(outcome.state.due == nil)
        #expect(!outcome.state.isOverdue(at: Fx.t("2099-01-01T00:00:00Z")))
    }

    @Test func differentContentForAnAssignedTaskIsRefused() {
        var other = Self.assignment
        other.title = "Một nhiệm vụ khác"
        Scenario.given(Past.assigned()).when(.assign(other), by: Fx.leader, at: Fx.midNov)
            .then(rejects: .taskAlreadyAssigned)

        var otherDue = Self.assignment
        otherDue.due = Fx.laterDue
        Scenario.given(Past.assigned()).when(.assign(otherDue), by: Fx.leader, at: Fx.midNov)
            .then(rejects: .taskAlreadyAssigned)

        var otherLead = Self.assignment
        otherLead.lead = Fx.yte
        Scenario.given(Past.assigned()).when(.assign(otherLead), by: Fx.leader, at: Fx.midNov)
            .then(rejects: .taskAlreadyAssigned)

        var otherCoUnits = Self.assignment
        otherCoUnits.coUnits = [Fx.yte]
        Scenario.given(Past.assigned()).when(.assign(otherCoUnits), by: Fx.leader, at: Fx.midNov)
            .then(rejects: .taskAlreadyAssigned)
    }

    @Test func anExtensionDoesNotMakeTheOriginalAssignmentDifferent() {
        Scenario.given(Past.acceptedTask + [Past.extensionRequested(), Past.extensionGranted()])
            .when(.assign(Self.assignment), by: Fx.leader, at: Fx.lateNov)
            .then([])
    }

    @Test func duplicateCoUnitsAreKeptOnceInOrder() {
        var assignment = Self.assignment
        assignment.coUnits = [Fx.yte, Fx.congan, Fx.yte, Fx.congan]
        let outcome = Scenario.given()
            .when(.assign(assignment), by: Fx.leader, at: Fx.assignedAt)
            .then([Past.assigned(coUnits: [Fx.yte, Fx.congan])])
        #expect(outcome.state.coUnits == [Fx.yte, Fx.congan])
        outcome.again.then([])
    }

    @Test func aCoUnitCannotBeTheLead() {
        var assignment = Self.assignment
        assignment.coUnits = [Fx.yte, Fx.vhxh]
        Scenario.given().when(.assign(assignment), by: Fx.leader, at: Fx.assignedAt)
            .then(rejects: .coUnitIsLead(Fx.vhxh))
    }

    @Test func anUnknownLeadIsRefused() {
        var assignment = Self.assignment
        assignment.lead = Fx.ghost
        Scenario.given().when(.assign(assignment), by: Fx.leader, at: Fx.assignedAt)
            .then(rejects: .unknownUnit(Fx.ghost))
    }

    @Test func anUnknownCoUnitIsRefused() {
        var assignment = Self.assignment
        assignment.coUnits = [Fx.yte, Fx.ghost]
        Scenario.given().when(.assign(assignment), by: Fx.leader, at: Fx.assignedAt)
            .then(rejects: .unknownUnit(Fx.ghost))
    }

    @Test func unitsAreCheckedAgainstTheUnitsOfTheContext() {
        Scenario.given()
            .when(.assign(Self.assignment), by: Fx.leader, at: Fx.assignedAt, units: [Fx.yte])
            .then(rejects: .unknownUnit(Fx.vhxh))
    }
}

@Suite("Reassigning a task")
struct ReassignmentTests {
    @Test func leaderReassignsToAnotherUnit() {
        let outcome = Scenario.given(Past.assignedTask)
            .when(.reassign(to: Fx.yte, reason: "Đúng chức năng hơn"), by: Fx.leader, at: Fx.midNov)
            .then([Past.reassigned(to: Fx.yte, reason: "Đúng chức năng hơn")])
        #expect(outcome.state.lead == Fx.yte)
        #expect(outcome.state.status == .assigned)
        outcome.again.then(rejects: .sameLeadUnit(Fx.yte))
    }

    @Test func coordinatorReassignsADeclinedTask() {
        let outcome = Scenario.given(Past.declinedTask)
            .when(.reassign(to: Fx.yte, reason: nil), by: Fx.coordinator, at: Fx.midNov)
            .then([Past.reassigned(to: Fx.yte, by: Fx.coordinator)])
        #expect(outcome.state.status == .assigned)
    }

    @Test func anAcceptedTaskCanBeReassigned() {
        Scenario.given(Past.acceptedTask)
            .when(.reassign(to: Fx.congan, reason: nil), by: Fx.leader, at: Fx.midNov)
            .then([Past.reassigned(to: Fx.congan)])
    }

    @Test func toAnUnknownUnitIsRefused() {
        Scenario.given(Past.assignedTask)
            .when(.reassign(to: Fx.ghost, reason: nil), by: Fx.leader, at: Fx.midNov)
            .then(rejects: .unknownUnit(Fx.ghost))
    }

    @Test func toTheSameUnitIsRefused() {
        Scenario.given(Past.acceptedTask)
            .when(.reassign(to: Fx.vhxh, reason: nil), by: Fx.coordinator, at: Fx.midNov)
            .then(rejects: .sameLeadUnit(Fx.vhxh))
    }

    @Test func aCoUnitThatBecomesLeadLeavesTheCoUnits() {
        let outcome = Scenario.given(Past.assigned(coUnits: [Fx.yte, Fx.congan]))
            .when(.reassign(to: Fx.yte, reason: nil), by: Fx.leader, at: Fx.midNov)
            .then([Past.reassigned(to: Fx.yte)])
        #expect(outcome.state.coUnits == [Fx.congan])
    }

    @Test func aPendingExtensionDoesNotFollowTheTask() {
        let outcome = Scenario.given(Past.acceptedTask + [Past.extensionRequested()])
            .when(.reassign(to: Fx.yte, reason: nil), by: Fx.leader, at: Fx.midNov)
            .then([Past.reassigned(to: Fx.yte)])
        #expect(outcome.state.pendingExtension == nil)
    }

    @Test func theNewLeadUnitAcceptsAndTheOldOneNoLonger() {
        let outcome = Scenario.given(Past.acceptedTask)
            .when(.reassign(to: Fx.yte, reason: nil), by: Fx.leader, at: Fx.midNov)
            .then([Past.reassigned(to: Fx.yte)])
        outcome.when(.accept(note: nil), by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .notLeadUnitOfficer(action: Action.accept, lead: Fx.yte))
        outcome.when(.accept(note: nil), by: Fx.otherOfficer, at: Fx.lateNov)
            .then([Past.accepted(by: Fx.otherOfficer, at: Fx.lateNov)])
    }

    @Test(arguments: [
        (Past.completionReportedTask, TaskStatus.completionReported),
        (Past.completedTask, .completed),
        (Past.cancelledTask, .cancelled),
        ([], TaskStatus.none),
    ])
    func notWhenTheTaskIsNotOpenForIt(history: [TaskEvent], status: TaskStatus) {
        Scenario.given(history)
            .when(.reassign(to: Fx.yte, reason: nil), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.reassign, status: status))
    }
}
