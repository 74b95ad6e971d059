import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoWorkflows
import Testing
import TestSupport

@Suite("Loading and revising a plan")
struct PlanLoadTests {
    let temp: TemporaryStore
    let coordinator = Login(unchecked: "daumoi")
    let officerCA = Login(unchecked: "tuan.ca")

    init() throws {
        temp = try TemporaryStore()
        let handler = temp.handler(at: Fixture.november10)
        try Fixture.seedDirectory(handler)
        for (login, role, unit) in [(coordinator, Role.coordinator, nil as UnitID?)] {
            _ = try handler.addUser(.init(login: login, name: "Đầu mối", role: role, unit: unit, email: nil),
                                    context: CommandContext(login: Fixture.admin, source: .cli))
        }
    }

    static let example: PlanFile = try! PlanFile.parse(Data(exampleText.utf8), file: "vd.yaml")
    static var exampleText: String {
        let readme = try! String(contentsOfFile: Repository.path("Workflows/README.md"), encoding: .utf8)
        let start = readme.range(of: "## A small complete example\n\n```yaml\n")!.upperBound
        return String(readme[start..<readme.range(of: "```", range: start..<readme.endIndex)!.lowerBound])
    }

    func load(_ text: String, as login: Login? = nil, at: String = "2026-02-15T09:00:00+07:00") throws -> CommandOutcome {
        let file = try PlanFile.parse(Data(text.utf8), file: "vd.yaml")
        return try temp.handler(at: Fixture.instant(at)).loadPlan(
            file.plan, digest: file.digest, context: CommandContext(login: login ?? coordinator, source: .cli))
    }

    func task(_ code: String) throws -> TaskState {
        try #require(try temp.store.task(TaskID(unchecked: "vd-2026/\(code)")))
    }

    @Test func loadingPublishesThePlanAndAssignsItsTasks() throws {
        let outcome = try load(Self.exampleText)
        // vhxh was in the directory without details: the plan updates it.
        #expect(outcome.events.map(\.type) == [
            "UnitUpdated", "UnitAdded", "PlanPublished", "TaskAssigned", "TaskAssigned", "TaskAssigned",
        ])
        #expect(outcome.events.allSatisfy { $0.metadata.actor.login == coordinator })
        let annual = try task("2")
        #expect(annual.lead == UnitID(unchecked: "ca"))
        #expect(annual.deadlineText == "Tháng 6/2026, duy trì hàng năm")
        #expect(annual.deliverables.map(\.key) == ["2026-06", "2027-06"])
        #expect(annual.due == Fixture.instant("2026-07-01T00:00:00+07:00"))
        #expect(annual.plan == "vd-2026" && annual.code == "2" && annual.indicators == ["CT01"])
        #expect(try task("3").due == nil)
        #expect(try temp.store.plans().map(\.revision) == [1])
        #expect(try temp.store.verify().firstBreak == nil)
    }

    @Test func loadingTheSamePlanTwiceAppendsNothing() throws {
        _ = try load(Self.exampleText)
        let before = try temp.store.lastPosition()
        let again = try load(Self.exampleText)
        #expect(again.events.isEmpty)
        #expect(try temp.store.lastPosition() == before)
    }

    @Test func aRevisionAssignsRevisesReassignsAndCancelsAndKeepsHistory() throws {
        _ = try load(Self.exampleText)
        let edited = Self.exampleText
            .replacingOccurrences(of: "title: Xây dựng Kế hoạch chuyển đổi số năm 2026", with: "title: Xây dựng và ban hành Kế hoạch chuyển đổi số năm 2026")
            .replacingOccurrences(of: "    lead: ca\n    co: [vhxh]\n", with: "    lead: vhxh\n")
            .replacingOccurrences(
                of: "  - code: \"3\"\n    title: Triển khai các mô hình thí điểm theo hướng dẫn của cấp trên\n    lead: vhxh\n    deadline: Khi có văn bản của cấp trên\n",
                with: "  - code: \"4\"\n    title: Tổ chức tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng\n    lead: vhxh\n    deadline: Quý II/2026\n")
        #expect(edited != Self.exampleText)
        let outcome = try load(edited, at: "2026-03-01T09:00:00+07:00")
        #expect(outcome.events.map(\.type) == ["PlanPublished", "TaskRevised", "TaskReassigned", "TaskRevised", "TaskAssigned", "TaskCancelled"])
        #expect(try task("1").title == "Xây dựng và ban hành Kế hoạch chuyển đổi số năm 2026")
        #expect(try task("2").lead == UnitID(unchecked: "vhxh"))
        #expect(try task("2").coUnits.isEmpty)
        #expect(try task("3").status == .cancelled)
        #expect(try task("3").lastReason?.contains("removed in revision 2") == true)
        #expect(try task("4").deliverables.map(\.key) == ["2026-06"])
        let history = try temp.store.events(of: "task-vd-2026/1").map(\.type)
        #expect(history == ["TaskAssigned", "TaskRevised"])
        #expect(try temp.store.plans().first?.revision == 2)
        #expect(try temp.handler(at: Fixture.november10).plan(PlanID(unchecked: "vd-2026")).revision == 2)

        // A code removed in revision 2 cannot come back: nothing is appended.
        let before = try temp.store.lastPosition()
        let back = edited.replacingOccurrences(
            of: "indicators:\n  - id: CT01",
            with: "  - code: \"3\"\n    title: Lại nhiệm vụ cũ\n    lead: vhxh\n    deadline: Năm 2026\nindicators:\n  - id: CT01")
        #expect(back != edited)
        #expect(throws: CommandError.rejected(.taskRemovedEarlier("3"))) { try load(back) }
        #expect(try temp.store.lastPosition() == before)
    }

    @Test func onlyAdminsCoordinatorsAndLeadersLoadPlans() throws {
        #expect(throws: CommandError.rejected(.notPermitted(action: "nạp kế hoạch", role: .officer))) {
            try load(Self.exampleText, as: Fixture.officer)
        }
        #expect(throws: CommandError.rejected(.notPermitted(action: "nạp kế hoạch", role: .auditor))) {
            try load(Self.exampleText, as: Fixture.auditor)
        }
        #expect(try temp.store.plans().isEmpty)
    }

    @Test func aSuperiorsDocumentSetsTheDeadlineOfATaskThatWaited() throws {
        _ = try load(Self.exampleText)
        let id = TaskID(unchecked: "vd-2026/3")
        let document = "Công văn số 123/UBND-VP ngày 02/3/2026"
        let due = try CommuneTime.deadline(fromDate: "2026-04-30", field: "hạn")
        let trigger = TaskCommand.trigger(document: document, due: due)
        let handler = temp.handler(at: Fixture.instant("2026-03-03T09:00:00+07:00"))
        _ = try handler.execute(trigger, on: id, context: CommandContext(login: Fixture.leader, source: .cli))
        #expect(try temp.store.task(id)?.due == due)
        #expect(try temp.store.task(id)?.deliverables.map(\.key) == [document])
        #expect(try handler.execute(trigger, on: id, context: CommandContext(login: Fixture.leader, source: .cli)).events.isEmpty)
        #expect(throws: CommandError.rejected(.notPermitted(action: "ghi nhận văn bản của cấp trên", role: .officer))) {
            try handler.execute(trigger, on: id, context: CommandContext(login: Fixture.officer, source: .cli))
        }
    }

    @Test func anAnnualTaskCompletesYearByYear() throws {
        _ = try load(Self.exampleText)
        let id = TaskID(unchecked: "vd-2026/2")
        let handler = temp.handler(at: Fixture.instant("2026-06-20T09:00:00+07:00"))
        _ = try handler.addUser(.init(login: officerCA, name: "Lê Văn Tuấn", role: .officer, unit: UnitID(unchecked: "ca"), email: nil),
                                context: CommandContext(login: Fixture.admin, source: .cli))
        func run(_ command: TaskCommand, _ login: Login) throws {
            _ = try handler.execute(command, on: id, context: CommandContext(login: login, source: .cli))
        }
        try run(.accept(note: nil), officerCA)
        try run(.reportCompletion(output: "Báo cáo năm 2026"), officerCA)
        try run(.confirmCompletion(note: nil), Fixture.leader)
        var state = try #require(try temp.store.task(id))
        #expect(state.status == .accepted)
        #expect(state.deliverables.map(\.status) == [.done, .open])
        #expect(state.due == Fixture.instant("2027-07-01T00:00:00+07:00"))
        try run(.reportCompletion(output: "Báo cáo năm 2027"), officerCA)
        try run(.confirmCompletion(note: nil), Fixture.leader)
        state = try #require(try temp.store.task(id))
        #expect(state.status == .completed)
    }

    @Test func reportsRecordOnlyTheIndicatorsTheTaskServesAndIndicatorsShowThem() throws {
        _ = try load(Self.exampleText)
        let handler = temp.handler(at: Fixture.instant("2026-05-10T09:00:00+07:00"))
        _ = try handler.addUser(.init(login: officerCA, name: "Lê Văn Tuấn", role: .officer, unit: UnitID(unchecked: "ca"), email: nil),
                                context: CommandContext(login: Fixture.admin, source: .cli))
        let may = Period(year: 2026, month: 5)!
        func report(_ values: [TaskEvent.IndicatorValue]) throws {
            _ = try handler.execute(.report(.init(period: may, summary: "Tháng 5", indicators: values)),
                                    on: TaskID(unchecked: "vd-2026/2"), context: CommandContext(login: officerCA, source: .cli))
        }
        #expect(throws: CommandError.rejected(.indicatorNotServed("CT09", served: ["CT01"]))) {
            try report([.init(indicator: "CT09", value: 1)])
        }
        try report([.init(indicator: "CT01", value: 75)])
        let rows = try temp.store.indicatorStatus(plan: nil, year: 2026, unit: nil, now: Fixture.instant("2026-05-10T09:00:00+07:00"))
        #expect(rows.map(\.id) == ["CT01"])
        #expect(rows.first?.latest == 75)
        #expect(rows.first?.latestPeriod == "2026-05")
        #expect(rows.first?.target == "≥ 80%")
        #expect(rows.first?.progress == .onTrack)
    }

    @Test func thePlansReportingRuleDecidesWhenReportsAreLateAndARevisionChangesIt() throws {
        _ = try load(Self.exampleText)
        #expect(try task("1").reporting == ReportingRule(beforeDay: 20))
        let outcome = try load(Self.exampleText.replacingOccurrences(of: "before_day: 20", with: "before_day: 25"))
        #expect(outcome.events.map(\.type) == ["PlanPublished", "TaskRevised", "TaskRevised", "TaskRevised"])
        #expect(try task("1").reporting == ReportingRule(beforeDay: 25))
        let handler = temp.handler(at: Fixture.instant("2026-03-22T09:00:00+07:00"))
        let lan = Login(unchecked: "lan.vhxh")
        _ = try handler.addUser(.init(login: lan, name: "Phạm Thị Lan", role: .officer, unit: Fixture.vhxh, email: nil),
                                context: CommandContext(login: Fixture.admin, source: .cli))
        let report = try handler.execute(
            .report(.init(period: Period(year: 2026, month: 3)!, summary: "Dự thảo xong")),
            on: TaskID(unchecked: "vd-2026/1"), context: CommandContext(login: lan, source: .cli))
        guard case .reportSubmitted(let e) = try EventCoding.taskEvent(try #require(report.events.first)) else {
            Issue.record("no report")
            return
        }
        #expect(!e.late)
        #expect(e.due == Fixture.instant("2026-03-25T00:00:00+07:00"))
    }

    @Test func theTrackingUnitRecordsIndicatorValuesWithoutATask() throws {
        _ = try load(Self.exampleText)
        let handler = temp.handler(at: Fixture.instant("2026-05-10T09:00:00+07:00"))
        _ = try handler.addUser(.init(login: officerCA, name: "Lê Văn Tuấn", role: .officer, unit: UnitID(unchecked: "ca"), email: nil),
                                context: CommandContext(login: Fixture.admin, source: .cli))
        let plan = PlanID(unchecked: "vd-2026")
        let may = Period(year: 2026, month: 5)!
        func record(_ value: Double, _ period: Period = may, as login: Login, indicator: String = "CT01") throws -> CommandOutcome {
            try handler.recordIndicator(value, plan: plan, indicator: indicator, period: period, note: "Số liệu Công an xã",
                                        context: CommandContext(login: login, source: .cli))
        }
        #expect(try record(70, as: officerCA).events.map(\.type) == ["IndicatorValueRecorded"])
        #expect(try record(70, as: officerCA).events.isEmpty)
        #expect(throws: CommandError.rejected(.notTrackingUnitOfficer(indicator: "CT01", unit: UnitID(unchecked: "ca")))) {
            try record(71, as: Fixture.officer)
        }
        #expect(throws: CommandError.rejected(.periodInFuture(Period(year: 2026, month: 6)!))) {
            try record(71, Period(year: 2026, month: 6)!, as: officerCA)
        }
        #expect(throws: CommandError.rejected(.unknownIndicator("CT99"))) { try record(1, as: officerCA, indicator: "CT99") }
        #expect(try record(81, as: coordinator).events.count == 1)
        let rows = try temp.store.indicatorStatus(plan: plan, year: 2026, unit: nil, now: Fixture.instant("2026-05-10T09:00:00+07:00"))
        #expect(rows.first?.latest == 81)
        #expect(rows.first?.progress == .met)
        #expect(try temp.store.rebuild() > 0)
        #expect(try temp.store.indicatorStatus(plan: plan, year: 2026, unit: nil, now: Fixture.november10).first?.latest == 81)
    }
}
