import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// Publishes a plan, or a revision of it: units, the plan, and every task it
    /// touches, in one transaction. Loading the same plan again appends nothing.
    public func loadPlan(_ plan: Plan, digest: String, context: CommandContext) throws(CommandError) -> CommandOutcome {
        let fingerprint = Self.fingerprint(context.login, PlanEvent.streamID(plan.id), ["plan", plan])
        let clock = clock
        return try perform { transaction in
            if let prior = try transaction.priorOutcome(commandID: context.commandID, fingerprint: fingerprint) {
                return CommandOutcome(events: prior, repeated: true)
            }
            let loaded = try Self.load(plan, transaction)
            let actor = try resolve(context.login, in: loaded.directory)
            let now = clock.now()
            let decision = try PlanDecider.decideLoad(
                plan, digest: digest, actor: actor, now: now, current: loaded.plan, directory: loaded.directory,
                tasks: loaded.tasks.mapValues(\.state))
            var parts: [MultiStreamAppend.Part] = []
            if !decision.directory.isEmpty {
                parts.append(.init(
                    streamID: Directory.streamID, expectedVersion: loaded.directoryVersion,
                    events: decision.directory.map(EventCoding.encode)))
            }
            if !decision.plan.isEmpty {
                parts.append(.init(
                    streamID: PlanEvent.streamID(plan.id), expectedVersion: loaded.planVersion,
                    events: decision.plan.map(EventCoding.encode)))
            }
            for (task, events) in decision.tasks {
                parts.append(.init(
                    streamID: TaskEvent.streamID(task), expectedVersion: loaded.tasks[task]?.version ?? 0,
                    events: events.map(EventCoding.encode)))
            }
            let metadata = EventMetadata(
                commandID: context.commandID, actor: actor, correlationID: context.correlationID,
                causationID: context.causationID, recordedAt: now, source: context.source,
                simulatedClock: clock.isSimulated)
            let recorded = try transaction.append(MultiStreamAppend(fingerprint: fingerprint, metadata: metadata, parts: parts))
            return CommandOutcome(events: recorded, repeated: false)
        }
    }

    /// The published plans, each as its last revision left it.
    public func plan(_ id: PlanID) throws(CommandError) -> PlanState {
        do {
            return PlanState.fold(try store.events(of: PlanEvent.streamID(id)).map(EventCoding.planEvent))
        } catch { throw .store(error) }
    }

    private struct Loaded {
        var directory: Directory.State
        var directoryVersion: Int
        var plan: PlanState
        var planVersion: Int
        var tasks: [TaskID: (state: TaskState, version: Int)]
    }

    /// Everything a plan load decides on: the directory, the plan, and the
    /// tasks of both the new plan and the revision in force.
    private static func load(_ plan: Plan, _ transaction: StoreTransaction) throws -> Loaded {
        let directory = try transaction.state(of: Directory.streamID, fold: foldDirectory)
        let current = try transaction.state(of: PlanEvent.streamID(plan.id)) { events in
            PlanState.fold(try events.map(EventCoding.planEvent))
        }
        let codes = plan.tasks.map(\.code) + (current.state.plan?.tasks.map(\.code) ?? [])
        var tasks: [TaskID: (state: TaskState, version: Int)] = [:]
        for id in codes.map(plan.taskID) where tasks[id] == nil {
            let task = try transaction.state(of: TaskEvent.streamID(id), fold: foldTask)
            tasks[id] = (task.state, task.version)
        }
        return Loaded(
            directory: directory.state, directoryVersion: directory.version, plan: current.state,
            planVersion: current.version, tasks: tasks)
    }
}
