import Foundation
import RoDomain
import RoEventStore

/// One event of a task's history as auditors read it (`ro history --json`,
/// `GET /api/history`): where and when it was recorded, who did it in which
/// role and from where, the event told in Vietnamese, and the stored payload.
public struct HistoryEntry: Encodable, Sendable {
    public var position: Int64
    public var version: Int
    public var type: String
    public var recordedAt: Date
    public var actor: String
    public var role: String
    public var unit: String?
    public var actorName: String?
    public var source: String
    public var simulatedClock: Bool
    public var commandId: String
    public var eventId: String
    public var text: String
    public var payload: JSONFragment

    /// The history of `task`, oldest first; `nil` when no task has that id.
    public static func of(_ task: TaskID, in store: SQLiteEventStore) throws(StoreError) -> [HistoryEntry]? {
        let records = try store.events(of: TaskEvent.streamID(task))
        guard !records.isEmpty else { return nil }
        let names = Dictionary(try store.users().map { ($0.login, $0.name) }, uniquingKeysWith: { a, _ in a })
        return try records.map { record throws(StoreError) in
            let event = try EventCoding.taskEvent(record)
            let m = record.metadata
            return HistoryEntry(
                position: record.position, version: record.version, type: record.type, recordedAt: m.recordedAt,
                actor: m.actor.login.rawValue, role: m.actor.role.rawValue, unit: m.actor.unit?.rawValue,
                actorName: names[m.actor.login], source: m.source.rawValue, simulatedClock: m.simulatedClock,
                commandId: m.commandID, eventId: record.eventID, text: event.sentence, payload: JSONFragment(record.payload))
        }
    }
}

/// A stored JSON payload, embedded as JSON (not as a string) in the output.
public enum JSONFragment: Codable, Sendable {
    case null, bool(Bool), int(Int), number(Double), string(String), array([JSONFragment]), object([String: JSONFragment])

    public init(_ text: String) {
        self = (try? JSONDecoder().decode(JSONFragment.self, from: Data(text.utf8))) ?? .string(text)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let v = try? c.decode(Bool.self) { self = .bool(v) }
        else if let v = try? c.decode(Int.self) { self = .int(v) }
        else if let v = try? c.decode(Double.self) { self = .number(v) }
        else if let v = try? c.decode(String.self) { self = .string(v) }
        else if let v = try? c.decode([JSONFragment].self) { self = .array(v) }
        else { self = .object(try c.decode([String: JSONFragment].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let v): try c.encode(v)
        case .int(let v): try c.encode(v)
        case .number(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .object(let v): try c.encode(v)
        }
    }
}
