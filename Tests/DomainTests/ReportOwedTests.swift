import Foundation
import Testing

@testable import RoDomain

/// Which months a task owes a report for, from its events alone: a month
/// keeps its tasks when one of them closes later.
@Suite("Months a task reports for")
struct ReportOwedTests {
    static let oct = Fx.oct
    static let nov = Fx.nov
    static let dec = Fx.dec
    /// 10:00 on 25 November: after the November deadline.
    static let afterNovDue = Fx.lateNov
    /// 10:00 on 10 December: before the December deadline.
    static let earlyDec = Fx.t("2026-12-10T03:00:00Z")

    @Test func aTaskOwesTheMonthsWhoseDeadlineCameAfterItWasAssigned() {
        let state = TaskState.fold(Past.acceptedTask)
        // Assigned on 5 November: October was due before that.
        #expect(!state.owesReport(for: Self.oct))
        #expect(state.owesReport(for: Self.nov) && state.owesReport(for: Self.dec))
        // Assigned on 25 November, after the November deadline: from December on.
        let late = TaskState.fold([Past.assigned(at: Self.afterNovDue)])
        #expect(!late.owesReport(for: Self.nov) && late.owesReport(for: Self.dec))
        #expect(!TaskState.initial.owesReport(for: Self.nov))
    }

    @Test func aTaskCompletedLaterStaysInTheMonthsItOwed() {
        let completed = TaskState.fold(
            Past.acceptedTask + [
                Past.completionReported(at: Self.earlyDec), Past.completionConfirmed(at: Self.earlyDec),
            ])
        #expect(completed.inactiveSince == Self.earlyDec)
        #expect(completed.owesReport(for: Self.nov), "November was owed before the task was done")
        #expect(!completed.owesReport(for: Self.dec), "done before the December deadline")
    }

    @Test func aReportGivenCountsEvenAfterTheTaskClosed() {
        let state = TaskState.fold(Past.acceptedTask + [Past.reported(Self.nov), Past.cancelled(at: Fx.midNov)])
        #expect(state.owesReport(for: Self.nov))
        #expect(!state.owesReport(for: Self.dec))
    }

    @Test func aDeclinedTaskOwesNothingUntilReassigned() {
        let declined = TaskState.fold([Past.assigned(), Past.declined(at: Fx.midNov)])
        #expect(!declined.owesReport(for: Self.nov))
        let reassigned = TaskState.fold([
            Past.assigned(), Past.declined(at: Fx.midNov), Past.reassigned(to: Fx.yte, at: Self.afterNovDue),
        ])
        #expect(reassigned.inactiveSince == nil)
        #expect(reassigned.owesReport(for: Self.dec))
    }

    @Test func anAnnualTaskWithMoreToDeliverKeepsReporting() {
        let yearly = TaskState.fold([
            .assigned(.init(
                title: Past.title, lead: Fx.vhxh, coUnits: [], due: nil, output: nil, by: Fx.leader.login, at: Fx.assignedAt,
                deliverables: [
                    .init(key: "2026", due: Fx.taskDue), .init(key: "2027", due: Fx.t("2027-12-31T17:00:00Z")),
                ])),
            Past.accepted(),
            .completionReported(.init(output: "Báo cáo năm 2026", by: Fx.officer.login, at: Self.earlyDec, late: false, deliverable: "2026")),
            Past.completionConfirmed(at: Self.earlyDec),
        ])
        #expect(yearly.status == .accepted && yearly.inactiveSince == nil)
        #expect(yearly.owesReport(for: Self.dec))
    }
}

/// What a page may offer: exactly the commands the decider would record.
@Suite("Asking the decider before offering")
struct WouldRecordTests {
    @Test func onlyWhatWouldRecordSomethingIsOffered() {
        let accepted = TaskState.fold(Past.acceptedTask)
        func context(_ actor: Actor) -> DecisionContext { DecisionContext(actor: actor, now: Fx.midNov, units: Fx.units) }
        #expect(TaskDecider.wouldRecord(.cancel(reason: "-"), context(Fx.leader), accepted))
        #expect(!TaskDecider.wouldRecord(.cancel(reason: "-"), context(Fx.officer), accepted), "refused: not a leader")
        #expect(!TaskDecider.wouldRecord(.accept(note: nil), context(Fx.officer), accepted), "already holds: nothing to record")
    }
}
