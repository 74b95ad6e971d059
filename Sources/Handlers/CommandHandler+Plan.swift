import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// Publishes a plan, or a revision of it: units, the plan, and every task it
    /// touches, in one transaction. Loading the same plan again appends nothing.
    public func loadPlan(_ plan: Plan, digest: String, context: CommandContext) throws(CommandError) -> CommandOutcome {
        let fingerprint = Self.fingerprint(context.login, PlanEvent.streamID(plan.id), ["plan", plan])
        do {
            if let prior = try store.priorOutcome(of: context.commandID, fingerprint: fingerprint) {
                return CommandOutcome(events: prior, repeated: true)
            }
        } catch { throw .store(error) }
        var attempt = 0
        while true {
            attempt += 1
            let loaded: Loaded
            do { loaded = try load(plan) } catch { throw .store(error) }
            let actor = try resolve(context.login, in: loaded.directory)
            let now = clock.now()
            let decision: PlanDecision
            do {
                decision = try PlanDecider.decideLoad(
                    plan, digest: digest, actor: actor, now: now, current: loaded.plan, directory: loaded.directory,
                    tasks: loaded.tasks.mapValues(\.state))
            } catch { throw .rejected(error) }
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
            do {
                let outcome = try store.append(MultiStreamAppend(fingerprint: fingerprint, metadata: metadata, parts: parts))
                if case .duplicate(let events) = outcome { return CommandOutcome(events: events, repeated: true) }
                return CommandOutcome(events: outcome.events, repeated: false)
            } catch .conflict where attempt < Self.maxAttempts {
                continue
            } catch {
                throw .store(error)
            }
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
    private func load(_ plan: Plan) throws(StoreError) -> Loaded {
        let directoryEvents = try store.events(of: Directory.streamID)
        let planEvents = try store.events(of: PlanEvent.streamID(plan.id))
        let current = PlanState.fold(try planEvents.map(EventCoding.planEvent))
        let codes = plan.tasks.map(\.code) + (current.plan?.tasks.map(\.code) ?? [])
        var tasks: [TaskID: (state: TaskState, version: Int)] = [:]
        for id in codes.map(plan.taskID) where tasks[id] == nil {
            let events = try store.events(of: TaskEvent.streamID(id))
            tasks[id] = (TaskState.fold(try events.map(EventCoding.taskEvent)), events.last?.version ?? 0)
        }
        return Loaded(
            directory: Directory.fold(try directoryEvents.map(EventCoding.directoryEvent)),
            directoryVersion: directoryEvents.last?.version ?? 0, plan: current,
            planVersion: planEvents.last?.version ?? 0, tasks: tasks)
    }
}
