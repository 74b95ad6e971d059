import Foundation
import RoDomain
import RoEventStore

/// The thin service between the outside (CLI, web, scheduler) and the domain:
/// load the stream, decide, append with the expected version.
///
/// A command is carried out in one write transaction of the store (see
/// ``StoreTransaction``): its id is looked up, the directory and the stream are
/// read (from the store's cache when it holds their current versions), the
/// decider decides, and the events with the read models are written, under one
/// lock and one durable commit. Nobody can write the stream in between, so
/// there is no race to lose. From the command line a command commits alone
/// (``execute(_:on:context:)``); in a server, concurrent commands commit
/// together (``execute(_:on:context:)-async``), each in its own savepoint.
public struct CommandHandler: Sendable {
    public let store: SQLiteEventStore
    public let clock: any TimeSource

    public init(store: SQLiteEventStore, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    // MARK: Directory

    /// Creates the first administrator of a new store.
    public func bootstrap(admin: Directory.User, context: CommandContext) throws(CommandError) -> CommandOutcome {
        try perform(onDirectory(["bootstrap", admin], context, system: true) { _, state, _ throws(Rejection) in
            try Directory.decideBootstrap(admin: admin, state: state)
        })
    }

    public func addUnit(_ unit: Directory.Unit, context: CommandContext) throws(CommandError) -> CommandOutcome {
        try perform(onDirectory(["unit", unit], context) { actor, state, _ throws(Rejection) in
            try Directory.decideAddUnit(unit, by: actor, state: state)
        })
    }

    public func addUser(_ user: Directory.User, context: CommandContext) throws(CommandError) -> CommandOutcome {
        try perform(onDirectory(["user", user], context) { actor, state, _ throws(Rejection) in
            try Directory.decideAddUser(user, by: actor, state: state)
        })
    }

    /// Sets a user's web password; `hash` is its bcrypt hash, made by the caller.
    public func setPassword(_ login: Login, hash: String, context: CommandContext) throws(CommandError) -> CommandOutcome {
        try perform(onDirectory(["password", login.rawValue, hash], context) { actor, state, now throws(Rejection) in
            try Directory.decideSetPassword(login, hash: hash, by: actor, now: now, state: state)
        })
    }

    /// Deactivates a user (they can no longer sign in or act), or reactivates one.
    public func setAccess(
        _ login: Login, active: Bool, reason: String?, context: CommandContext
    ) throws(CommandError) -> CommandOutcome {
        try perform(onDirectory([active ? "reactivate" : "deactivate", login.rawValue, reason], context) {
            actor, state, now throws(Rejection) in
            active
                ? try Directory.decideReactivate(login, reason: reason, by: actor, now: now, state: state)
                : try Directory.decideDeactivate(login, reason: reason, by: actor, now: now, state: state)
        })
    }

    private func onDirectory(
        _ fingerprint: [any Encodable & Sendable], _ context: CommandContext, system: Bool = false,
        decide: @escaping @Sendable (Actor, Directory.State, Date) throws(Rejection) -> [Directory.Event]
    ) -> Step {
        step(
            stream: Directory.streamID, fingerprint: fingerprint, context: context, system: system,
            fold: Self.foldDirectory, evolve: Directory.evolve,
            decide: { state, actor, _, now throws(Rejection) in try decide(actor, state, now) }, encode: EventCoding.encode)
    }

    // MARK: Tasks

    /// Carries out one command on one task.
    public func execute(_ command: TaskCommand, on task: TaskID, context: CommandContext) throws(CommandError) -> CommandOutcome {
        try perform(step(command, on: task, context: context))
    }

    /// Carries out one command on one task, committed together with the other
    /// commands this process has waiting; answers once it is durable.
    public func execute(
        _ command: TaskCommand, on task: TaskID, context: CommandContext
    ) async throws(CommandError) -> CommandOutcome {
        try await perform(step(command, on: task, context: context))
    }

    /// Carries out several commands in one commit, in order, each on its own:
    /// one that is refused leaves nothing, and the others go through.
    public func executeAll(
        _ commands: [(TaskCommand, TaskID, CommandContext)]
    ) async throws(CommandError) -> [Result<CommandOutcome, CommandError>] {
        let steps = commands.map { step($0.0, on: $0.1, context: $0.2) }
        do {
            return try await store.transact { transaction in
                steps.map { step in Result { try transaction.command(step) }.mapError(Self.commandError) }
            }
        } catch { throw Self.commandError(error) }
    }

    func step(_ command: TaskCommand, on task: TaskID, context: CommandContext) -> Step {
        step(
            stream: TaskEvent.streamID(task), fingerprint: [task.rawValue, command], context: context,
            fold: Self.foldTask, evolve: TaskState.evolve,
            decide: { state, actor, directory, now throws(Rejection) in
                if case .assign = command {} else if state.status == .none { throw .unknownTask(task) }
                let decision = DecisionContext(actor: actor, now: now, units: Set(directory.units.keys))
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

    // MARK: The directory

    /// The directory as its events leave it (folded once per version of its stream).
    public func directory() throws(CommandError) -> Directory.State {
        do { return try store.state(of: Directory.streamID, fold: Self.foldDirectory) } catch { throw .store(error) }
    }

    @Sendable static func foldTask(_ events: [RecordedEvent]) throws -> TaskState {
        TaskState.fold(try events.map(EventCoding.taskEvent))
    }

    @Sendable static func foldDirectory(_ events: [RecordedEvent]) throws -> Directory.State {
        Directory.fold(try events.map(EventCoding.directoryEvent))
    }

    /// The acting user, with their role and unit; a deactivated user may not act.
    func resolve(_ login: Login, in directory: Directory.State) throws(CommandError) -> Actor {
        guard let user = directory.users[login] else { throw .rejected(.unknownUser(login)) }
        guard directory.deactivated[login] == nil else { throw .rejected(.userDeactivated(login)) }
        return user.actor
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
