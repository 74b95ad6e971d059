import Foundation
import RoDomain
@testable import RoEventStore
import RoHandlers
import Testing
import TestSupport

/// The task list and the month counts read `task_view`'s columns instead of
/// each task's state: they must say exactly what the states say.
@Suite("Task rows")
struct TaskRowTests {
    let temp: TemporaryStore
    let periods = (8...12).map { Period(year: 2026, month: $0)! } + [Period(year: 2027, month: 1)!]

    init() throws {
        temp = try TemporaryStore()
        try Fixture.seedDirectory(temp.handler(at: Fixture.instant("2026-08-01T08:00:00+07:00")))
    }

    /// A reproducible generator (SplitMix64), so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random lives of `count` tasks from August to January: accepted or
    /// declined, reassigned, reported on time or late, returned, approved,
    /// completed, cancelled. Commands the decider refuses are skipped.
    func randomLives(_ count: Int, seed: UInt64) throws {
        var random = Seeded(state: seed)
        for n in 0..<count {
            let task = TaskID(unchecked: "T-\(n)")
            var at = Fixture.instant("2026-08-01T08:00:00+07:00").addingTimeInterval(Double(Int.random(in: 0..<90, using: &random)) * 86_400)
            var assignment = Fixture.assignment
            assignment.title = "Nhiệm vụ \(n)"
            _ = try temp.handler(at: at).execute(.assign(assignment), on: task, context: .init(login: Fixture.leader, source: .cli))
            for _ in 0..<12 {
                at = at.addingTimeInterval(Double(Int.random(in: 1..<20, using: &random)) * 86_400)
                let state = try #require(try temp.store.task(task))
                let officer = state.lead == Fixture.vhxh ? Fixture.officer : Fixture.otherOfficer
                let period = Period.containing(at)
                let reported = state.reports.keys.sorted().last ?? period
                let (command, login): (TaskCommand, Login) = switch Int.random(in: 0..<10, using: &random) {
                case 0: (.accept(note: nil), officer)
                case 1: (.decline(reason: "Không đúng chức năng"), officer)
                case 2: (.reassign(to: state.lead == Fixture.vhxh ? Fixture.vp : Fixture.vhxh, reason: nil), Fixture.leader)
                case 3, 4: (.report(.init(period: Bool.random(using: &random) ? period : Period.containing(at.addingTimeInterval(-30 * 86_400)), summary: "Đạt")), officer)
                case 5: (.returnReport(period: reported, revision: nil, reason: "Thiếu số liệu"), Fixture.leader)
                case 6, 7: (.approve(period: reported, revision: nil, note: nil), Fixture.leader)
                case 8: (.reportCompletion(output: "Biên bản"), officer)
                default: Bool.random(using: &random) ? (.confirmCompletion(note: nil), Fixture.leader) : (.cancel(reason: "Thôi"), Fixture.leader)
                }
                try attempt(command, on: task, as: login, at: at)
            }
        }
    }

    /// Runs a command; one the rules refuse is part of a random life.
    func attempt(_ command: TaskCommand, on task: TaskID, as login: Login, at: Date) throws {
        let result = Result { () throws(CommandError) in
            try temp.handler(at: at).execute(command, on: task, context: .init(login: login, source: .cli))
        }
        if case .failure(let error) = result, case .store = error { throw error }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theListAndTheCountsSayWhatTheStatesSay(seed: UInt64) throws {
        try randomLives(24, seed: seed)
        var states: [String: TaskState] = [:]
        for n in 0..<24 { states["T-\(n)"] = try temp.store.task(TaskID(unchecked: "T-\(n)")) }
        var sawReports = Set<PeriodReport.State>()
        for now in ["2026-10-25T08:00:00+07:00", "2027-01-15T08:00:00+07:00"].map(Fixture.instant) {
            let counts = try temp.store.reportStatus(periods, now: now)
            for period in periods {
                let listed = try temp.store.tasks(TaskFilter(period: period), now: now)
                let owing = states.filter { $0.value.owesReport(for: period) }
                #expect(listed.map(\.id) == owing.keys.sorted())
                for summary in listed {
                    let state = try #require(states[summary.id])
                    let expected = SQLiteEventStore.periodReport(state, period, now: now)
                    #expect(summary.periodReport == expected, "\(summary.id) \(period)")
                    #expect(summary.overdue == state.isOverdue(at: now))
                    sawReports.insert(expected.state)
                }
                // The counts, unit by unit, from the states.
                let byUnit = Dictionary(grouping: owing.values, by: \.lead.rawValue)
                #expect(counts[period]?.map(\.unit) ?? [] == byUnit.keys.sorted())
                for status in counts[period] ?? [] {
                    let reports = (byUnit[status.unit] ?? []).map { SQLiteEventStore.periodReport($0, period, now: now) }
                    #expect(status.tasks == reports.count)
                    #expect(status.approved == reports.filter { $0.state == .approved }.count)
                    #expect(status.returned == reports.filter { $0.state == .returned }.count)
                    #expect(status.submitted == reports.filter { $0.state == .submitted }.count)
                    #expect(status.missing == reports.filter { $0.state == .missing }.count)
                    #expect(status.pending == reports.filter { $0.state == .pending }.count)
                    #expect(status.late == reports.filter(\.late).count)
                }
            }
        }
        // The lives reached every standing, so the comparison covered each.
        #expect(sawReports == [.approved, .returned, .submitted, .missing, .pending])
    }

    @Test func everyTaskIsListedWithTheColumnsOfItsState() throws {
        try randomLives(12, seed: 7)
        let now = Fixture.instant("2026-12-25T08:00:00+07:00")
        for summary in try temp.store.tasks(TaskFilter(), now: now) {
            let state = try #require(try temp.store.task(TaskID(unchecked: summary.id)))
            #expect(summary.title == state.title && summary.leadUnit == state.lead.rawValue)
            #expect(summary.coUnits == state.coUnits.map(\.rawValue) && summary.status == state.status)
            #expect(summary.due == state.due && summary.originalDue == state.originalDue)
            #expect(summary.plan == state.plan && summary.code == state.code && summary.deadlineText == state.deadlineText)
        }
    }
}
