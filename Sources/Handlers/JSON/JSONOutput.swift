import Foundation
import RoDomain

/// The JSON of `ro … --json` and of the web API: snake_case keys, sorted;
/// instants as UTC ISO 8601 text with milliseconds; a field with no value left out.
public enum JSONOutput {
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }
}

/// What a write did: the command's id, whether it was a repeat, and the events appended.
public struct WriteResult: Encodable, Sendable {
    public struct Event: Encodable, Sendable {
        public var position: Int64
        public var stream: String
        public var version: Int
        public var type: String
        public var eventId: String
    }

    public var commandId: String
    public var repeated: Bool
    public var events: [Event]

    public init(_ outcome: CommandOutcome, commandID: String) {
        commandId = commandID
        repeated = outcome.repeated
        events = outcome.events.map {
            Event(position: $0.position, stream: $0.streamID, version: $0.version, type: $0.type, eventId: $0.eventID)
        }
    }
}
