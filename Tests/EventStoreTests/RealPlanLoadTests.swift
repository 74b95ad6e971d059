import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoWorkflows
import Testing
import TestSupport

/// Every real plan in Workflows/ loads into a store, its tasks are assigned
/// with their resolved deadlines, loading it again appends nothing, and the
/// chain holds.
@Suite("The real plans load")
struct RealPlanLoadTests {
    static let plans: [String] = {
        let folder = Repository.path("Workflows")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        // Plan files, not the working-day calendar beside them: those that say `ro_plan:`.
        return names.filter { name in
            guard name.hasSuffix(".yaml"), let text = try? String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8) else {
                return false
            }
            return text.components(separatedBy: "\n").contains { $0.hasPrefix("ro_plan:") }
        }.sorted()
    }()

    @Test func thereAreRealPlans() {
        #expect(Self.plans.count >= 3)
    }

    @Test(arguments: plans)
    func loads(file: String) throws {
        let planFile = try PlanFile.read(path: Repository.path("Workflows/\(file)"))
        let plan = planFile.plan
        // Every indicator is linked to a task that serves it (its values can come with reports).
        let served = Set(plan.tasks.flatMap(\.indicators))
        for indicator in plan.indicators {
            #expect(served.contains(indicator.id), "\(file): \(indicator.id) is served by no task")
        }
        let temp = try TemporaryStore()
        let handler = temp.handler(at: Fixture.november10)
        try Fixture.seedDirectory(handler)
        let outcome = try handler.loadPlan(plan, digest: planFile.digest, context: CommandContext(login: Fixture.leader, source: .cli))
        #expect(outcome.events.filter { $0.type == "TaskAssigned" }.count == plan.tasks.count)
        #expect(outcome.events.filter { $0.type == "PlanPublished" }.count == 1)

        let tasks = try temp.store.tasks(TaskFilter(), now: Fixture.november10).filter { $0.id.hasPrefix("\(plan.id)/") }
        #expect(tasks.count == plan.tasks.count)
        for task in plan.tasks {
            let state = try #require(try temp.store.task(plan.taskID(task.code)))
            #expect(state.lead == task.lead)
            #expect(state.deadlineText == task.deadlineText)
            #expect(state.deliverables.map(\.key) == task.deadline.deliverables(horizon: plan.horizon.years).map(\.key))
        }
        let units = Set(try temp.store.units().map(\.id))
        #expect(Set(plan.units.map(\.id)).isSubset(of: units))

        let before = try temp.store.lastPosition()
        let again = try handler.loadPlan(plan, digest: planFile.digest, context: CommandContext(login: Fixture.leader, source: .cli))
        #expect(again.events.isEmpty)
        #expect(try temp.store.lastPosition() == before)
        #expect(try temp.store.verify().firstBreak == nil)
        let indicators = try temp.store.indicatorStatus(plan: plan.id, year: plan.horizon.from, unit: nil, now: Fixture.november10)
        #expect(indicators.count == plan.indicators.count)
    }
}
