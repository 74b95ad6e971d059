import Foundation
import Testing

@testable import RoDomain

@Suite("Completing a task")
struct CompletionTests {
    static let output = "Báo cáo số 12/BC-VHXH"
    static let complete = TaskCommand.reportCompletion(output: output)

    @Test func theLeadUnitOfficerReportsCompletionWithTheOutput() {
        let outcome = Scenario.given(Past.acceptedTask)
            .when(Self.complete, by: Fx.officer, at: Fx.midNov)
            .then([Past.completionReported(at: Fx.midNov, late: false)])
        #expect(outcome.state.status == .completionReported)
        #expect(outcome.state.completion?.output == Self.output)
        #expect(outcome.state.completion?.late == false)
        outcome.again.then(rejects: .wrongStatus(action: Action.reportCompletion, status: .completionReported))
    }

    @Test func aTaskNotYetAcceptedMayBeReportedDone() {
        Scenario.given(Past.assignedTask)
            .when(Self.complete, by: Fx.officer, at: Fx.midNov)
            .then([Past.completionReported(at: Fx.midNov)])
    }

    @Test func completionAtTheDeadlineIsLate() {
        Scenario.given(Past.acceptedTask)
            .when(Self.complete, by: Fx.officer, at: Fx.taskDue)
            .then([Past.completionReported(at: Fx.taskDue, late: true)])
    }

    @Test func completionOneSecondBeforeTheDeadlineIsOnTime() {
        let justBefore = Fx.t("2026-12-31T16:59:59Z")
        Scenario.given(Past.acceptedTask)
            .when(Self.complete, by: Fx.officer, at: justBefore)
            .then([Past.completionReported(at: justBefore, late: false)])
    }

    @Test func anExtensionMovesTheDeadlineCompletionIsJudgedBy() {
        let afterFirstDeadline = Fx.t("2027-01-10T03:00:00Z")
        Scenario.given(Past.acceptedTask + [Past.extensionRequested(), Past.extensionGranted()])
            .when(Self.complete, by: Fx.officer, at: afterFirstDeadline)
            .then([Past.completionReported(at: afterFirstDeadline, late: false)])
    }

    @Test func anOngoingTaskIsNeverLate() {
        let muchLater = Fx.t("2030-06-01T00:00:00Z")
        Scenario.given(Past.assigned(due: nil), Past.accepted())
            .when(Self.complete, by: Fx.officer, at: muchLater)
            .then([Past.completionReported(at: muchLater, late: false)])
    }

    @Test(arguments: [
        (Past.declinedTask, TaskStatus.declined),
        (Past.completedTask, .completed),
        (Past.cancelledTask, .cancelled),
    ])
    func onlyAnOpenTaskIsReportedDone(history: [TaskEvent], status: TaskStatus) {
        Scenario.given(history)
            .when(Self.complete, by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.reportCompletion, status: status))
    }

    // MARK: Confirming and returning

    @Test func theLeaderConfirms() {
        let outcome = Scenario.given(Past.completionReportedTask)
            .when(.confirmCompletion(note: "Đạt"), by: Fx.leader, at: Fx.lateNov)
            .then([Past.completionConfirmed(at: Fx.lateNov, note: "Đạt")])
        #expect(outcome.state.status == .completed)
        #expect(outcome.state.status.isClosed)
        #expect(!outcome.state.isOverdue(at: Fx.t("2030-01-01T00:00:00Z")))
        // The deadline stays, for lateness statistics.
        #expect(outcome.state.due == Fx.taskDue)
        #expect(outcome.state.originalDue == Fx.taskDue)
        outcome.again.then(rejects: .wrongStatus(action: Action.confirm, status: .completed))
    }

    @Test func nothingToConfirmBeforeCompletionIsReported() {
        Scenario.given(Past.acceptedTask)
            .when(.confirmCompletion(note: nil), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.confirm, status: .accepted))
    }

    @Test func returningCompletionPutsTheTaskBackToWork() {
        let outcome = Scenario.given(Past.completionReportedTask)
            .when(.returnCompletion(reason: "Chưa đủ sản phẩm"), by: Fx.leader, at: Fx.lateNov)
            .then([Past.completionReturned(at: Fx.lateNov)])
        #expect(outcome.state.status == .accepted)
        #expect(outcome.state.lastReason == "Chưa đủ sản phẩm")
        outcome.again.then(rejects: .wrongStatus(action: Action.returnCompletion, status: .accepted))
        outcome.when(Self.complete, by: Fx.officer, at: Fx.lateNov)
            .then([Past.completionReported(at: Fx.lateNov)])
    }

    @Test func nothingToReturnBeforeCompletionIsReported() {
        Scenario.given(Past.acceptedTask)
            .when(.returnCompletion(reason: "x"), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.returnCompletion, status: .accepted))
    }

    // MARK: Cancelling

    @Test(arguments: [
        Past.assignedTask, Past.acceptedTask, Past.declinedTask, Past.completionReportedTask,
        Past.reportedTask, Past.acceptedTask + [Past.extensionRequested()],
    ])
    func theLeaderCancelsAnOpenTask(history: [TaskEvent]) {
        let outcome = Scenario.given(history)
            .when(.cancel(reason: "Cấp trên thu hồi"), by: Fx.leader, at: Fx.lateNov)
            .then([Past.cancelled(at: Fx.lateNov)])
        #expect(outcome.state.status == .cancelled)
        #expect(outcome.state.lastReason == "Cấp trên thu hồi")
        #expect(outcome.state.pendingExtension == nil)
        outcome.again.then(rejects: .wrongStatus(action: Action.cancel, status: .cancelled))
    }

    @Test func aCompletedTaskIsNotCancelled() {
        Scenario.given(Past.completedTask)
            .when(.cancel(reason: "x"), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.cancel, status: .completed))
    }

    @Test func nothingToCancelBeforeTheTaskExists() {
        Scenario.given()
            .when(.cancel(reason: "x"), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.cancel, status: .none))
    }

    @Test func aCancelledTaskIsNotOverdue() {
        let state = TaskState.fold(Past.cancelledTask)
        #expect(!state.isOverdue(at: Fx.t("2030-01-01T00:00:00Z")))
        #expect(TaskState.fold(Past.acceptedTask).isOverdue(at: Fx.taskDue))
        #expect(!TaskState.fold(Past.acceptedTask).isOverdue(at: Fx.taskDue.addingTimeInterval(-1)))
        #expect(!TaskState.initial.isOverdue(at: Fx.taskDue))
    }
}
