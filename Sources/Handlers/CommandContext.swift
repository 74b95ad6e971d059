import Foundation
import RoDomain
import RoEventStore

/// Who sends a command, under which id, and from where.
public struct CommandContext: Sendable {
    /// The acting user's login (`--as`); their role and unit are looked up.
    public var login: Login
    /// Repeating a command id appends nothing and answers as the first time did.
    public var commandID: String
    public var source: EventSource
    public var correlationID: String?
    public var causationID: String?

    public init(
        login: Login, commandID: String = EventID.make(), source: EventSource,
        correlationID: String? = nil, causationID: String? = nil
    ) {
        self.login = login
        self.commandID = commandID
        self.source = source
        self.correlationID = correlationID
        self.causationID = causationID
    }
}

/// Why a command did not go through.
public enum CommandError: Error, Equatable, Sendable {
    /// The rules refused it (or something it names does not exist).
    case rejected(Rejection)
    /// The store failed, or another writer kept winning the race.
    case store(StoreError)

    public var message: String {
        switch self {
        case .rejected(let rejection): rejection.message
        case .store(let error): error.message
        }
    }
}

/// What a command did.
public struct CommandOutcome: Sendable {
    /// The events the command appended; on a repeat, those it appended the first time.
    public var events: [RecordedEvent]
    /// Whether this was a repeat of a command id already carried out.
    public var repeated: Bool
}
