import Foundation
import Testing

@testable import RoDomain

@Suite("Approving and returning a monthly report")
struct ReviewTests {
    static func approve(_ revision: Int? = 1, note: String? = nil) -> TaskCommand {
        .approve(period: Fx.nov, revision: revision, note: note)
    }

    static func returnReport(_ revision: Int? = 1, reason: String = "Thiếu số liệu") -> TaskCommand {
        .returnReport(period: Fx.nov, revision: revision, reason: reason)
    }

    @Test func theLeaderApprovesASubmittedReport() {
        let outcome = Scenario.given(Past.reportedTask)
            .when(Self.approve(note: "Tốt"), by: Fx.leader, at: Fx.lateNov)
            .then([Past.approved(at: Fx.lateNov, note: "Tốt")])
        let report = outcome.state.reports[Fx.nov]
        #expect(report?.status == .approved)
        #expect(report?.decidedBy == Fx.leader.login)
        #expect(report?.decidedAt == Fx.lateNov)
        #expect(report?.decisionNote == "Tốt")
    }

    @Test func approvingTwiceIsRefused() {
        Scenario.given(Past.reportedTask)
            .when(Self.approve(), by: Fx.leader, at: Fx.lateNov)
            .then([Past.approved(at: Fx.lateNov)])
            .again.then(rejects: .reportAlreadyApproved(Fx.nov))
    }

    @Test func withoutARevisionTheLeaderApprovesWhatAwaits() {
        Scenario.given(Past.reportedTask + [Past.returned(), Past.reported(revision: 2, at: Fx.lateNov)])
            .when(Self.approve(nil), by: Fx.leader, at: Fx.lateNov)
            .then([Past.approved(revision: 2, at: Fx.lateNov)])
            .again.then(rejects: .reportAlreadyApproved(Fx.nov))
    }

    @Test func aReportNotSubmittedCannotBeApproved() {
        Scenario.given(Past.acceptedTask)
            .when(Self.approve(), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .noReport(Fx.nov))
        Scenario.given(Past.reportedTask)
            .when(.approve(period: Fx.oct, revision: nil, note: nil), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .noReport(Fx.oct))
    }

    @Test func nothingToReviewBeforeTheTaskExists() {
        Scenario.given()
            .when(Self.approve(), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.review, status: .none))
        Scenario.given()
            .when(Self.returnReport(), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.review, status: .none))
    }

    @Test func aReturnedReportCannotBeApproved() {
        Scenario.given(Past.reportedTask + [Past.returned()])
            .when(Self.approve(), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .reportReturned(Fx.nov))
    }

    @Test func aRevisionOtherThanTheCurrentOneIsStale() {
        Scenario.given(Past.reportedTask)
            .when(Self.approve(2), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .staleReport(Fx.nov, expected: 2, actual: 1))
        Scenario.given(Past.reportedTask + [Past.returned(), Past.reported(revision: 2, at: Fx.lateNov)])
            .when(Self.approve(1), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .staleReport(Fx.nov, expected: 1, actual: 2))
        Scenario.given(Past.reportedTask + [Past.returned(), Past.reported(revision: 2, at: Fx.lateNov)])
            .when(Self.returnReport(1), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .staleReport(Fx.nov, expected: 1, actual: 2))
    }

    @Test func theLeaderReturnsAReportWithAReason() {
        let outcome = Scenario.given(Past.reportedTask)
            .when(Self.returnReport(reason: "Thiếu số liệu"), by: Fx.leader, at: Fx.midNov)
            .then([Past.returned(at: Fx.midNov, reason: "Thiếu số liệu")])
        #expect(outcome.state.reports[Fx.nov]?.status == .returned)
        #expect(outcome.state.reports[Fx.nov]?.decisionNote == "Thiếu số liệu")
        outcome.again.then(rejects: .reportReturned(Fx.nov))
    }

    @Test func anApprovedReportCannotBeReturned() {
        Scenario.given(Past.reportedTask + [Past.approved()])
            .when(Self.returnReport(), by: Fx.leader, at: Fx.lateNov)
            .then(rejects: .reportAlreadyApproved(Fx.nov))
    }

    @Test func aReturnedReportIsSubmittedAgainAsRevision2() {
        let returned = Scenario.given(Past.reportedTask)
            .when(Self.returnReport(), by: Fx.leader, at: Fx.midNov)
            .then([Past.returned(at: Fx.midNov)])
        let resubmitted = returned
            .when(.report(.init(period: Fx.nov, summary: "Bổ sung số liệu")), by: Fx.officer, at: Fx.midNov)
            .then([Past.reported(revision: 2, summary: "Bổ sung số liệu", at: Fx.midNov)])
        #expect(resubmitted.state.reports[Fx.nov]?.revision == 2)
        #expect(resubmitted.state.reports[Fx.nov]?.status == .submitted)
        #expect(resubmitted.state.reports[Fx.nov]?.summary == "Bổ sung số liệu")
        #expect(resubmitted.state.reports[Fx.nov]?.decidedBy == nil)
        resubmitted.when(Self.approve(2), by: Fx.leader, at: Fx.lateNov)
            .then([Past.approved(revision: 2, at: Fx.lateNov)])
    }

    @Test func eachReturnAddsARevision() {
        Scenario.given(Past.reportedTask + [
            Past.returned(), Past.reported(revision: 2), Past.returned(revision: 2),
        ])
        .when(.report(.init(period: Fx.nov, summary: "Lần 3")), by: Fx.officer, at: Fx.midNov)
        .then([Past.reported(revision: 3, summary: "Lần 3", at: Fx.midNov)])
    }

    @Test func eachSubmissionIsJudgedLateOnItsOwn() {
        Scenario.given(Past.reportedTask + [Past.returned()])
            .when(.report(.init(period: Fx.nov, summary: Past.summary)), by: Fx.officer, at: Fx.lateNov)
            .thenEvents { events in
                guard case .reportSubmitted(let e)? = events.first else {
                    Issue.record("no report")
                    return
                }
                #expect(e.revision == 2)
                #expect(e.late)
            }
    }
}
