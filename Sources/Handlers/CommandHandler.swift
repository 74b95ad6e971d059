import Foundation
import RoDomain
import RoEventStore

/// The thin service between the outside (CLI, web, scheduler) and the domain:
/// load the stream, decide, append with the expected version.
///
/// A writer that lost a race on the stream reloads and decides again on the new
/// state, up to ``maxAttempts`` times; the decision may then be a rejection
/// (the report was approved meanwhile), never a silent overwrite.
public struct CommandHandler: Sendable {
    public static let maxAttempts = 3

    public let store: SQLiteEventStore
    public let clock: any TimeSource

    public init(store: SQLiteEventStore, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    // MARK: Directory

    /// Creates the first administrator of a new store.
    public func bootstrap(admin: Directory.User, context: CommandContext) throws(CommandError) -> CommandOutcome {
        try onDirectory(["bootstrap", admin], context, actor: .system) { state throws(Rejection) in
            try Directory.decideBootstrap(admin: admin, state: state)
        }
    }

    public func addUnit(_ unit: Directory.Unit, context: CommandContext) throws(CommandError) -> CommandOutcome {
        let actor = try resolve(context.login, in: try directory())
        return try onDirectory(["unit", unit], context, actor: actor) { state throws(Rejection) in
            try Directory.decideAddUnit(unit, by: actor, state: state)
        }
    }

    public func addUser(_ user: Directory.User, context: CommandContext) throws(CommandError) -> CommandOutcome {
        let actor = try resolve(context.login, in: try directory())
        return try onDirectory(["user", user], context, actor: actor) { state throws(Rejection) in
            try Directory.decideAddUser(user, by: actor, state: state)
        }
    }

    /// Sets a user's web password; `hash` is its bcrypt hash, made by the caller.
    public func setPassword(_ login: Login, hash: String, context: CommandContext) throws(CommandError) -> CommandOutcome {
        let actor = try resolve(context.login, in: try directory())
        let now = clock.now()
        return try onDirectory(["password", login.rawValue, hash], context, actor: actor) { state throws(Rejection) in
            try Directory.decideSetPassword(login, hash: hash, by: actor, now: now, state: state)
        }
    }

    /// Deactivates a user (they can no longer sign in or act), or reactivates one.
    public func setAccess(
        _ login: Login, active: Bool, reason: String?, context: CommandContext
    ) throws(CommandError) -> CommandOutcome {
        let actor = try resolve(context.login, in: try directory())
        let now = clock.now()
        return try onDirectory([active ? "reactivate" : "deactivate", login.rawValue, reason], context, actor: actor) {
            state throws(Rejection) in
            active
                ? try Directory.decideReactivate(login, reason: reason, by: actor, now: now, state: state)
                : try Directory.decideDeactivate(login, reason: reason, by: actor, now: now, state: state)
        }
    }

    private func onDirectory(
        _ fingerprint: [any Encodable & Sendable], _ context: CommandContext, actor: Actor,
        decide: (Directory.State) throws(Rejection) -> [Directory.Event]
    ) throws(CommandError) -> CommandOutcome {
        try run(
            stream: Directory.streamID, fingerprint: fingerprint, context: context, actor: actor,
            fold: { events throws(StoreError) in Directory.fold(try events.map(EventCoding.directoryEvent)) },
            decide: decide, encode: EventCoding.encode)
    }

    // MARK: Tasks

    /// Carries out one command on one task.
    public func execute(_ command: TaskCommand, on task: TaskID, context: CommandContext) throws(CommandError) -> CommandOutcome {
        let directory = try directory()
        let actor = try resolve(context.login, in: directory)
        let units = Set(directory.units.keys)
        let now = clock.now()
        return try run(
            stream: TaskEvent.streamID(task), fingerprint: [task.rawValue, command], context: context, actor: actor,
            fold: { events throws(StoreError) in TaskState.fold(try events.map(EventCoding.taskEvent)) },
            decide: { state throws(Rejection) in
                if case .assign = command {} else if state.status == .none { throw .unknownTask(task) }
                let decision = DecisionContext(actor: actor, now: now, units: units)
                return try TaskDecider.decide(command, decision, state)
            },
            encode: EventCoding.encode)
    }

    /// What an earlier run of this command id did, if it was carried out
    /// already: for callers with work to do before a command (keeping files).
    public func priorOutcome(
        of command: TaskCommand, on task: TaskID, context: CommandContext
    ) throws(CommandError) -> CommandOutcome? {
        let digest = Self.fingerprint(context.login, TaskEvent.streamID(task), [task.rawValue, command])
        do {
            return try store.priorOutcome(of: context.commandID, fingerprint: digest).map { CommandOutcome(events: $0, repeated: true) }
        } catch { throw .store(error) }
    }

    // MARK: The loop

    /// The directory as its events leave it.
    public func directory() throws(CommandError) -> Directory.State {
        do {
            return Directory.fold(try store.events(of: Directory.streamID).map(EventCoding.directoryEvent))
        } catch { throw .store(error) }
    }

    /// The acting user, with their role and unit; a deactivated user may not act.
    func resolve(_ login: Login, in directory: Directory.State) throws(CommandError) -> Actor {
        guard let user = directory.users[login] else { throw .rejected(.unknownUser(login)) }
        guard directory.deactivated[login] == nil else { throw .rejected(.userDeactivated(login)) }
        return user.actor
    }

    func run<State, Event>(
        stream: String, fingerprint: [any Encodable & Sendable], context: CommandContext, actor: Actor,
        fold: ([RecordedEvent]) throws(StoreError) -> State,
        decide: (State) throws(Rejection) -> [Event],
        encode: (Event) -> NewEvent
    ) throws(CommandError) -> CommandOutcome {
        let digest = Self.fingerprint(actor.login, stream, fingerprint)
        do {
            if let prior = try store.priorOutcome(of: context.commandID, fingerprint: digest) {
                return CommandOutcome(events: prior, repeated: true)
            }
        } catch { throw .store(error) }
        var attempt = 0
        while true {
            attempt += 1
            let recorded: [RecordedEvent]
            let state: State
            do {
                recorded = try store.events(of: stream)
                state = try fold(recorded)
            } catch { throw .store(error) }
            let events: [Event]
            do { events = try decide(state) } catch { throw .rejected(error) }
            let metadata = EventMetadata(
                commandID: context.commandID, actor: actor, correlationID: context.correlationID,
                causationID: context.causationID, recordedAt: clock.now(), source: context.source,
                simulatedClock: clock.isSimulated)
            let request = AppendRequest(
                streamID: stream, expectedVersion: recorded.last?.version ?? 0, fingerprint: digest,
                metadata: metadata, events: events.map(encode))
            do {
                switch try store.append(request) {
                case .appended(let events): return CommandOutcome(events: events, repeated: false)
                case .duplicate(let events): return CommandOutcome(events: events, repeated: true)
                }
            } catch .conflict where attempt < Self.maxAttempts {
                continue
            } catch {
                throw .store(error)
            }
        }
    }

    static func fingerprint(_ login: Login, _ stream: String, _ parts: [any Encodable & Sendable]) -> String {
        let text = ([login.rawValue, stream] + parts.map { EventCoding.json(AnyEncodable($0)) }).joined(separator: "\n")
        return HashChain.fingerprint(Data(text.utf8))
    }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
