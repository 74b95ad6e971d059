import Foundation
import RoDomain

/// Where a command came from.
public enum EventSource: String, Codable, Sendable {
    case cli, web, scheduler, system
}

/// Who and what caused a batch of events: recorded on each of them.
public struct EventMetadata: Hashable, Codable, Sendable {
    public var commandID: String
    public var actor: Actor
    public var correlationID: String
    public var causationID: String?
    public var recordedAt: Date
    public var source: EventSource
    /// Whether `recordedAt` came from a set clock (RO_NOW) instead of the system clock.
    public var simulatedClock: Bool

    public init(
        commandID: String, actor: Actor, correlationID: String? = nil, causationID: String? = nil,
        recordedAt: Date, source: EventSource, simulatedClock: Bool
    ) {
        self.commandID = commandID
        self.actor = actor
        self.correlationID = correlationID ?? commandID
        self.causationID = causationID
        self.recordedAt = recordedAt
        self.source = source
        self.simulatedClock = simulatedClock
    }
}

/// An event about to be appended: its type, the schema version of its payload,
/// and the payload in canonical JSON (see ``EventCoding``).
public struct NewEvent: Hashable, Sendable {
    public var type: String
    public var schemaVersion: Int
    public var payload: String

    public init(type: String, schemaVersion: Int, payload: String) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
    }
}

/// An event as the store holds it, with its place in the global order and in its
/// stream, and its link in the hash chain.
public struct RecordedEvent: Hashable, Sendable {
    public var position: Int64
    public var streamID: String
    public var version: Int
    public var type: String
    public var schemaVersion: Int
    public var payload: String
    public var eventID: String
    public var metadata: EventMetadata
    public var previousHash: Data
    public var hash: Data
}

/// One command's append: the events it decided, the version of the stream it
/// decided on, and the command's id and fingerprint for idempotency.
public struct AppendRequest: Sendable {
    public var streamID: String
    /// The stream version the decision saw: 0 for a stream with no events yet.
    public var expectedVersion: Int
    /// A digest of what the command asked, so that a command id reused for a
    /// different command is refused instead of answered with the wrong result.
    public var fingerprint: String
    public var metadata: EventMetadata
    public var events: [NewEvent]

    public init(streamID: String, expectedVersion: Int, fingerprint: String, metadata: EventMetadata, events: [NewEvent]) {
        self.streamID = streamID
        self.expectedVersion = expectedVersion
        self.fingerprint = fingerprint
        self.metadata = metadata
        self.events = events
    }
}

/// What an append did.
public enum AppendOutcome: Hashable, Sendable {
    /// The events were appended (possibly none, for a command whose outcome already held).
    case appended([RecordedEvent])
    /// The command id had been seen: nothing was appended, and these are the events
    /// the first execution appended.
    case duplicate([RecordedEvent])

    public var events: [RecordedEvent] {
        switch self {
        case .appended(let events), .duplicate(let events): events
        }
    }
}
