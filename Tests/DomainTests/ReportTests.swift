import Foundation
import Testing

@testable import RoDomain

@Suite("Submitting a monthly report")
struct ReportTests {
    static func draft(_ period: Period = Fx.nov, summary: String = Past.summary) -> TaskCommand {
        .report(.init(period: period, summary: summary))
    }

    @Test func theLeadUnitOfficerReportsOnTime() {
        let outcome = Scenario.given(Past.acceptedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.midNov)
            .then([Past.reported(at: Fx.midNov)])
        let report = outcome.state.reports[Fx.nov]
        #expect(report?.revision == 1)
        #expect(report?.status == .submitted)
        #expect(report?.due == Fx.novDue)
        #expect(report?.late == false)
    }

    @Test func reportingTwiceIsRefusedWhileTheFirstAwaitsTheLeader() {
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.midNov)
            .then([Past.reported(at: Fx.midNov)])
            .again.then(rejects: .reportAwaitingDecision(Fx.nov))
    }

    @Test func theDraftIsCarriedWhole() {
        let indicators = [TaskEvent.IndicatorValue(indicator: "ty-le-dvc-truc-tuyen", value: 62.5)]
        let command = TaskCommand.report(.init(
            period: Fx.nov, summary: "Tiến độ tốt", percentDone: 40, indicators: indicators, output: "Kế hoạch số 5"))
        Scenario.given(Past.acceptedTask)
            .when(command, by: Fx.officer, at: Fx.midNov)
            .then([.reportSubmitted(.init(
                period: Fx.nov, revision: 1, summary: "Tiến độ tốt", percentDone: 40, indicators: indicators,
                output: "Kế hoạch số 5", by: Fx.officer.login, at: Fx.midNov, due: Fx.novDue, late: false))])
    }

    @Test func aTaskNotYetAcceptedTakesReports() {
        Scenario.given(Past.assignedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.midNov)
            .then([Past.reported(at: Fx.midNov)])
    }

    @Test func aTaskAwaitingConfirmationTakesReports() {
        Scenario.given(Past.completionReportedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.midNov)
            .then([Past.reported(at: Fx.midNov)])
    }

    @Test(arguments: [
        (Past.cancelledTask, TaskStatus.cancelled),
        (Past.completedTask, .completed),
        (Past.declinedTask, .declined),
    ])
    func closedOrDeclinedTasksTakeNoReport(history: [TaskEvent], status: TaskStatus) {
        Scenario.given(history)
            .when(Self.draft(), by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .wrongStatus(action: Action.report, status: status))
    }

    @Test func noReportOnATaskThatDoesNotExist() {
        Scenario.given()
            .when(Self.draft(), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .wrongStatus(action: Action.report, status: .none))
    }

    // MARK: Lateness: due by 00:00 of the 20th, commune time (17:00 UTC on the 19th)

    @Test func theDueInstantIsMidnightOfThe20thInTheCommune() {
        #expect(ReportingRule.standard.due(for: Fx.nov) == Fx.t("2026-11-20T00:00:00+07:00"))
        #expect(ReportingRule.standard.due(for: Fx.nov) == Fx.novDue)
    }

    @Test func aReportAtTheDueInstantIsAcceptedAndLate() {
        let outcome = Scenario.given(Past.acceptedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.novDue)
            .then([Past.reported(at: Fx.novDue)])
        #expect(outcome.state.reports[Fx.nov]?.late == true)
    }

    @Test func aReportOneSecondBeforeTheDueInstantIsOnTime() {
        let justBefore = Fx.t("2026-11-19T16:59:59Z")
        let outcome = Scenario.given(Past.acceptedTask)
            .when(Self.draft(), by: Fx.officer, at: justBefore)
            .then([Past.reported(at: justBefore)])
        #expect(outcome.state.reports[Fx.nov]?.late == false)
    }

    @Test func aReportOneMillisecondBeforeTheDueInstantIsOnTime() {
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.t("2026-11-19T16:59:59.999Z"))
            .thenEvents { events in
                guard case .reportSubmitted(let e)? = events.first else {
                    Issue.record("no report")
                    return
                }
                #expect(e.late == false)
                #expect(e.due == Fx.novDue)
            }
    }

    @Test func aReportDaysLateIsStillAccepted() {
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(), by: Fx.officer, at: Fx.lateNov)
            .thenEvents { events in
                guard case .reportSubmitted(let e)? = events.first else {
                    Issue.record("no report")
                    return
                }
                #expect(e.late)
            }
    }

    @Test func theTasksReportingRuleSetsTheDueInstant() {
        let rule = ReportingRule(beforeDay: 26)
        Scenario.given([Past.assigned(reporting: rule), Past.accepted()])
            .when(Self.draft(), by: Fx.officer, at: Fx.lateNov)
            .then([Past.reported(at: Fx.lateNov, rule: rule)])
        #expect(rule.due(for: Fx.nov) == Fx.t("2026-11-25T17:00:00Z"))
        #expect(Fx.lateNov < rule.due(for: Fx.nov))
    }

    // MARK: Which periods

    @Test func aPeriodNotYetBegunIsRefused() {
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(Fx.dec), by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .periodInFuture(Fx.dec))
    }

    @Test func aPeriodBeginsAtMidnightCommuneTime() {
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(Fx.dec), by: Fx.officer, at: Fx.t("2026-11-30T16:59:59.999Z"))
            .then(rejects: .periodInFuture(Fx.dec))
        let firstOfDecember = Fx.t("2026-11-30T17:00:00Z")
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(Fx.dec), by: Fx.officer, at: firstOfDecember)
            .then([Past.reported(Fx.dec, at: firstOfDecember)])
    }

    @Test func aPeriodBeforeTheMonthOfAssignmentIsRefused() {
        Scenario.given(Past.acceptedTask)
            .when(Self.draft(Fx.oct), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .periodBeforeAssignment(Fx.oct, assigned: Fx.nov))
    }

    @Test func theMonthOfAssignmentIsReadInCommuneTime() {
        // 00:00 on 1 November in the commune is still 31 October in UTC.
        let firstOfNovember = Fx.t("2026-10-31T17:00:00Z")
        Scenario.given(Past.assigned(at: firstOfNovember), Past.accepted())
            .when(Self.draft(Fx.oct), by: Fx.officer, at: Fx.midNov)
            .then(rejects: .periodBeforeAssignment(Fx.oct, assigned: Fx.nov))
        let lastSecondOfOctober = Fx.t("2026-10-31T16:59:59Z")
        Scenario.given(Past.assigned(at: lastSecondOfOctober), Past.accepted())
            .when(Self.draft(Fx.oct), by: Fx.officer, at: Fx.midNov)
            .then([Past.reported(Fx.oct, at: Fx.midNov)])
    }

    @Test func eachPeriodHasItsOwnReport() {
        Scenario.given(Past.reportedTask + [Past.approved()])
            .when(Self.draft(Fx.dec), by: Fx.officer, at: Fx.t("2026-12-05T03:00:00Z"))
            .then([Past.reported(Fx.dec, at: Fx.t("2026-12-05T03:00:00Z"))])
    }

    @Test func anApprovedReportIsNotReplaced() {
        Scenario.given(Past.reportedTask + [Past.approved()])
            .when(Self.draft(summary: "Bổ sung"), by: Fx.officer, at: Fx.lateNov)
            .then(rejects: .reportAlreadyApproved(Fx.nov))
    }
}
