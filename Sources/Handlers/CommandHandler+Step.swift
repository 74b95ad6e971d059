import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// One command as the store carries it out, inside its write transaction:
    /// look up the command id, resolve the actor, read the stream, decide, append.
    public typealias Step = @Sendable (StoreTransaction) throws -> CommandOutcome

    /// Carries out a step in a transaction of its own (one durable commit).
    public func perform(_ step: Step) throws(CommandError) -> CommandOutcome {
        do { return try store.transact(step) } catch { throw Self.commandError(error) }
    }

    /// Carries out a step in the next group commit of this process: answers
    /// once the commit that holds its events is durable.
    public func perform(_ step: @escaping Step) async throws(CommandError) -> CommandOutcome {
        do { return try await store.transact(step) } catch { throw Self.commandError(error) }
    }

    static func commandError(_ error: any Error) -> CommandError {
        switch error {
        case let error as CommandError: error
        case let error as Rejection: .rejected(error)
        case let error as StoreError: .store(error)
        default: .store(.database("\(error)"))
        }
    }

    /// The step of a command on one stream.
    ///
    /// - Parameters:
    ///   - system: the command is the system's own (the first administrator),
    ///     not a user's to be looked up in the directory.
    ///   - evolve: folds one event, so the state after the command is kept for
    ///     the next one without reading the stream again.
    func step<State: Sendable, Event: Sendable>(
        stream: String, fingerprint parts: [any Encodable & Sendable], context: CommandContext, system: Bool = false,
        fold: @escaping @Sendable ([RecordedEvent]) throws -> State,
        evolve: @escaping @Sendable (State, Event) -> State,
        decide: @escaping @Sendable (State, Actor, Directory.State, Date) throws(Rejection) -> [Event],
        encode: @escaping @Sendable (Event) -> NewEvent
    ) -> Step {
        let fingerprint = Self.fingerprint(context.login, stream, parts)
        let clock = clock
        return { transaction in
            let directory = try transaction.state(of: Directory.streamID, fold: Self.foldDirectory).state
            let actor = system ? Actor.system : try resolve(context.login, in: directory)
            if let prior = try transaction.priorOutcome(commandID: context.commandID, fingerprint: fingerprint) {
                return CommandOutcome(events: prior, repeated: true)
            }
            let (state, version) = try transaction.state(of: stream, fold: fold)
            let now = clock.now()
            let events = try decide(state, actor, directory, now)
            let metadata = EventMetadata(
                commandID: context.commandID, actor: actor, correlationID: context.correlationID,
                causationID: context.causationID, recordedAt: now, source: context.source,
                simulatedClock: clock.isSimulated)
            let request = AppendRequest(
                streamID: stream, expectedVersion: version, fingerprint: fingerprint, metadata: metadata,
                events: events.map(encode))
            let recorded = try transaction.append(
                request, after: events.reduce(state, evolve), domain: events.map { $0 as any Sendable })
            return CommandOutcome(events: recorded, repeated: false)
        }
    }
}
