import Foundation
import Testing

@testable import RoDomain

@Suite("Accepting and declining a task")
struct AcceptanceTests {
    @Test func theLeadUnitOfficerAccepts() {
        let outcome = Scenario.given(Past.assignedTask)
            .when(.accept(note: "Đã phân công"), by: Fx.officer, at: Fx.midNov)
            .then([Past.accepted(at: Fx.midNov, note: "Đã phân công")])
        #expect(outcome.state.status == .accepted)
    }

    @Test func acceptingTwiceEmitsNothing() {
        Scenario.given(Past.assignedTask)
            .when(.accept(note: nil), by: Fx.officer, at: Fx.midNov)
            .then([Past.accepted(at: Fx.midNov)])
            .again.then([])
    }

    @Test func anotherOfficerOfTheLeadUnitAcceptsToo() {
        let colleague = Actor(login: Login(unchecked: "hoa.vhxh"), role: .officer, unit: Fx.vhxh)
        Scenario.given(Past.assignedTask)
            .when(.accept(note: nil), by: colleague, at: Fx.midNov)
            .then([Past.accepted(by: colleague, at: Fx.midNov)])
    }

    @Test func anOfficerOfACoUnitDoesNotAccept() {
        Scenario.given(Past.assigned(coUnits: [Fx.yte]))
            .when(.accept(note: nil), by: Fx.otherOfficer, at: Fx.midNov)
            .then(rejects: .notLeadUnitOfficer(action: Action.accept, lead: Fx.vhxh))
    }

    @Test(arguments: [
        (Past.declinedTask, TaskStatus.declined),
        (Past.completionReportedTask, .completionReported),
        (Past.completedTask, .completed),
        (Past.cancelledTask, .cancelled),
    ])
    func acceptIsRefusedOutsideAssigned(history: [TaskEvent], status: TaskStatus) {
        Scenario.given(history)
            .when(.accept(note: nil), by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.accept, status: status))
    }

    @Test func nothingToAcceptBeforeTheTaskExists() {
        Scenario.given()
            .when(.accept(note: nil), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .wrongStatus(action: Action.accept, status: .none))
    }

    @Test func theLeadUnitOfficerDeclines() {
        let outcome = Scenario.given(Past.assignedTask)
            .when(.decline(reason: "Không đúng chức năng"), by: Fx.officer, at: Fx.midNov)
            .then([Past.declined(at: Fx.midNov, reason: "Không đúng chức năng")])
        #expect(outcome.state.status == .declined)
        #expect(outcome.state.lastReason == "Không đúng chức năng")
        outcome.again.then(rejects: .wrongStatus(action: Action.decline, status: .declined))
    }

    @Test func anAcceptedTaskCannotBeDeclined() {
        Scenario.given(Past.acceptedTask)
            .when(.decline(reason: "Quá tải"), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .wrongStatus(action: Action.decline, status: .accepted))
    }

    @Test func aDeclinedTaskReassignedIsAcceptedByTheNewUnit() {
        Scenario.given(Past.declinedTask + [Past.reassigned(to: Fx.yte)])
            .when(.accept(note: nil), by: Fx.otherOfficer, at: Fx.lateNov)
            .then([Past.accepted(by: Fx.otherOfficer, at: Fx.lateNov)])
    }

    @Test func aDeclinedTaskCannotBeReassignedToTheUnitThatDeclinedIt() {
        Scenario.given(Past.declinedTask)
            .when(.reassign(to: Fx.vhxh, reason: nil), by: Fx.leader, at: Fx.midNov)
            .then(rejects: .sameLeadUnit(Fx.vhxh))
    }
}
