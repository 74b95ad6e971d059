import Foundation
import Testing

@testable import RoDomain

@Suite("Extending a deadline")
struct ExtensionTests {
    static let request = TaskCommand.requestExtension(due: Fx.laterDue, reason: "Chờ kinh phí")
    static var pending: [TaskEvent] { Past.acceptedTask + [Past.extensionRequested()] }

    @Test func theLeadUnitOfficerAsksForALaterDeadline() {
        let outcome = Scenario.given(Past.acceptedTask)
            .when(Self.request, by: Fx.officer, at: Fx.midNov)
            .then([Past.extensionRequested()])
        #expect(outcome.state.pendingExtension?.due == Fx.laterDue)
        #expect(outcome.state.pendingExtension?.reason == "Chờ kinh phí")
        #expect(outcome.state.due == Fx.taskDue)
        outcome.again.then(rejects: .extensionPending)
    }

    @Test func aTaskNotYetAcceptedMayAskToo() {
        Scenario.given(Past.assignedTask)
            .when(Self.request, by: Fx.officer, at: Fx.midNov)
            .then([Past.extensionRequested()])
    }

    @Test func oneRequestAtATime() {
        Scenario.given(Self.pending)
            .when(.requestExtension(due: Fx.muchLaterDue, reason: "Thêm nữa"), by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .extensionPending)
    }

    @Test func theNewDeadlineMustBeLaterThanTheCurrentOne() {
        Scenario.given(Past.acceptedTask)
            .when(.requestExtension(due: Fx.taskDue, reason: "x"), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .extensionNotLater(requested: Fx.taskDue, current: Fx.taskDue))
        let earlier = Fx.t("2026-12-15T17:00:00Z")
        Scenario.given(Past.acceptedTask)
            .when(.requestExtension(due: earlier, reason: "x"), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .extensionNotLater(requested: earlier, current: Fx.taskDue))
    }

    @Test func anOngoingTaskHasNoDeadlineToExtend() {
        Scenario.given(Past.assigned(due: nil), Past.accepted())
            .when(Self.request, by: Fx.officer, at: Fx.midNov)
            .then(rejects: .noDeadline)
    }

    @Test(arguments: [
        (Past.declinedTask, TaskStatus.declined),
        (Past.completionReportedTask, .completionReported),
        (Past.completedTask, .completed),
        (Past.cancelledTask, .cancelled),
    ])
    func onlyAnOpenTaskIsExtended(history: [TaskEvent], status: TaskStatus) {
        Scenario.given(history)
            .when(Self.request, by: Fx.officer, at: Fx.midNov)
            .then(rejects: .wrongStatus(action: Action.requestExtension, status: status))
    }

    // MARK: Granting

    @Test func theLeaderGrantsWhatWasAsked() {
        let outcome = Scenario.given(Self.pending)
            .when(.grantExtension(due: nil, note: "Đồng ý"), by: Fx.leader, at: Fx.lateNov)
            .then([Past.extensionGranted(at: Fx.lateNov, note: "Đồng ý")])
        #expect(outcome.state.due == Fx.laterDue)
        #expect(outcome.state.originalDue == Fx.taskDue)
        #expect(outcome.state.pendingExtension == nil)
        outcome.again.then(rejects: .noPendingExtension)
    }

    @Test func theLeaderGrantsAnotherDeadline() {
        let outcome = Scenario.given(Self.pending)
            .when(.grantExtension(due: Fx.muchLaterDue, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then([Past.extensionGranted(due: Fx.muchLaterDue, at: Fx.lateNov)])
        #expect(outcome.state.due == Fx.muchLaterDue)
        #expect(outcome.state.originalDue == Fx.taskDue)
    }

    @Test func theLeaderMayGrantLessThanAskedButStillLater() {
        let midJanuary = Fx.t("2027-01-15T17:00:00Z")
        Scenario.given(Self.pending)
            .when(.grantExtension(due: midJanuary, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then([Past.extensionGranted(due: midJanuary, at: Fx.lateNov)])
    }

    @Test func aGrantedDeadlineMustBeLaterThanTheCurrentOne() {
        Scenario.given(Self.pending)
            .when(.grantExtension(due: Fx.taskDue, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .extensionNotLater(requested: Fx.taskDue, current: Fx.taskDue))
    }

    @Test func nothingToGrantWithoutARequest() {
        Scenario.given(Past.acceptedTask)
            .when(.grantExtension(due: Fx.laterDue, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .noPendingExtension)
    }

    @Test func noGrantWhileCompletionAwaitsConfirmation() {
        Scenario.given(Self.pending + [Past.completionReported()])
            .when(.grantExtension(due: nil, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.grant, status: .completionReported))
    }

    @Test func aSecondExtensionMustGoBeyondTheFirst() {
        let extended = Past.acceptedTask + [Past.extensionRequested(), Past.extensionGranted()]
        Scenario.given(extended)
            .when(Self.request, by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .extensionNotLater(requested: Fx.laterDue, current: Fx.laterDue))
        let outcome = Scenario.given(extended)
            .when(.requestExtension(due: Fx.muchLaterDue, reason: "Lần 2"), by: Fx.officer, at: Fx.lateNov)
            .then([Past.extensionRequested(due: Fx.muchLaterDue, reason: "Lần 2", at: Fx.lateNov)])
        outcome.when(.grantExtension(due: nil, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then([Past.extensionGranted(previousDue: Fx.laterDue, due: Fx.muchLaterDue, at: Fx.lateNov)])
    }

    @Test func anExtendedTaskIsOverdueOnlyAfterTheNewDeadline() {
        let state = TaskState.fold(Past.acceptedTask + [Past.extensionRequested(), Past.extensionGranted()])
        #expect(!state.isOverdue(at: Fx.taskDue))
        #expect(!state.isOverdue(at: Fx.laterDue.addingTimeInterval(-0.001)))
        #expect(state.isOverdue(at: Fx.laterDue))
    }

    // MARK: Denying

    @Test func theLeaderDeniesAndThePendingRequestIsCleared() {
        let outcome = Scenario.given(Self.pending)
            .when(.denyExtension(reason: "Không có căn cứ"), by: Fx.leader, at: Fx.lateNov)
            .then([Past.extensionDenied(at: Fx.lateNov)])
        #expect(outcome.state.pendingExtension == nil)
        #expect(outcome.state.due == Fx.taskDue)
        outcome.again.then(rejects: .noPendingExtension)
    }

    @Test func nothingToDenyWithoutARequest() {
        Scenario.given(Past.acceptedTask)
            .when(.denyExtension(reason: "x"), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .noPendingExtension)
    }

    @Test func afterADenialTheUnitMayAskAgain() {
        Scenario.given(Self.pending + [Past.extensionDenied()])
            .when(Self.request, by: Fx.officer, at: Fx.lateNov)
            .then([Past.extensionRequested(at: Fx.lateNov)])
    }

    @Test func cancellingClearsAPendingRequest() {
        let state = TaskState.fold(Self.pending + [Past.cancelled()])
        #expect(state.pendingExtension == nil)
        Scenario.given(Self.pending + [Past.cancelled()])
            .when(.denyExtension(reason: "x"), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .noPendingExtension)
    }

    @Test func confirmingCompletionClearsAPendingRequest() {
        let completed = Self.pending + [Past.completionReported(), Past.completionConfirmed()]
        #expect(TaskState.fold(completed).pendingExtension == nil)
        Scenario.given(completed)
            .when(.denyExtension(reason: "x"), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .noPendingExtension)
    }

    @Test func aRequestOutlivesAReturnedCompletion() {
        let returned = Self.pending + [Past.completionReported(), Past.completionReturned()]
        Scenario.given(returned)
            .when(.grantExtension(due: nil, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then([Past.extensionGranted(at: Fx.lateNov)])
    }
}
