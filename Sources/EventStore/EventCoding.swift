import Foundation
import RoDomain

/// Turns domain events into stored payloads and back.
///
/// A payload is the event's fields as canonical JSON: keys sorted, instants as
/// ``Timestamp`` text, no escaped slashes. The stored type name says which
/// event it is, and the schema version which shape its payload has; a payload
/// written under an older schema is brought up to date by ``upcast(_:type:from:)``
/// before it is decoded, so an old event still reads after its type changes.
public enum EventCoding {
    /// The schema version written for every event type today.
    public static let currentSchema = 1

    /// One encoder and one decoder for all: both are Sendable, and making them is
    /// not free on the hot path.
    static let sharedEncoder = encoder()
    static let sharedDecoder = decoder()

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an instant: \(text)")
            }
            return date
        }
        return decoder
    }

    /// Canonical JSON text of any value.
    public static func json(_ value: some Encodable) -> String {
        // Encoding our own plain value types cannot fail.
        String(decoding: try! sharedEncoder.encode(value), as: UTF8.self)
    }

    /// Rewrites a payload of an older schema version into the current shape.
    /// Today every type is at version 1; a future change adds a case here.
    static func upcast(_ payload: Data, type: String, from version: Int) throws -> Data {
        guard version <= currentSchema else {
            throw StoreError.undecodable(position: 0, type: type, reason: "schema \(version) is newer than this binary")
        }
        return payload
    }

    /// A task's state as the read model stores it.
    static func state(_ text: String) throws -> TaskState {
        try decode(TaskState.self, text)
    }

    /// Stored JSON decoded: by ``PayloadDecoder`` when it is sure, else by
    /// Foundation's decoder, whose answer (and error) is the reference.
    static func decode<T: Decodable>(_: T.Type, _ text: String) throws -> T {
        if let value = try? PayloadDecoder.decode(T.self, from: text) { return value }
        return try sharedDecoder.decode(T.self, from: Data(text.utf8))
    }

    static func decode<T: Decodable>(_: T.Type, _ event: RecordedEvent) throws(StoreError) -> T {
        do {
            guard event.schemaVersion != currentSchema else { return try decode(T.self, event.payload) }
            let data = try upcast(Data(event.payload.utf8), type: event.type, from: event.schemaVersion)
            return try sharedDecoder.decode(T.self, from: data)
        } catch {
            throw .undecodable(position: event.position, type: event.type, reason: "\(error)")
        }
    }
}

// MARK: Task events

extension EventCoding {
    public static func encode(_ event: TaskEvent) -> NewEvent {
        let payload: String = switch event {
        case .assigned(let e): json(e)
        case .accepted(let e), .completionConfirmed(let e): json(e)
        case .declined(let e), .extensionDenied(let e), .completionReturned(let e), .cancelled(let e): json(e)
        case .reassigned(let e): json(e)
        case .reportSubmitted(let e): json(e)
        case .reportApproved(let e), .reportReturned(let e): json(e)
        case .extensionRequested(let e): json(e)
        case .extensionGranted(let e): json(e)
        case .completionReported(let e): json(e)
        case .revised(let e): json(e)
        case .deadlineTriggered(let e): json(e)
        }
        return NewEvent(type: event.typeName, schemaVersion: currentSchema, payload: payload)
    }

    public static func taskEvent(_ e: RecordedEvent) throws(StoreError) -> TaskEvent {
        switch e.type {
        case "TaskAssigned": .assigned(try decode(TaskEvent.Assigned.self, e))
        case "TaskAccepted": .accepted(try decode(TaskEvent.Acted.self, e))
        case "TaskDeclined": .declined(try decode(TaskEvent.Reasoned.self, e))
        case "TaskReassigned": .reassigned(try decode(TaskEvent.Reassigned.self, e))
        case "ReportSubmitted": .reportSubmitted(try decode(TaskEvent.ReportSubmitted.self, e))
        case "ReportApproved": .reportApproved(try decode(TaskEvent.ReportDecided.self, e))
        case "ReportReturned": .reportReturned(try decode(TaskEvent.ReportDecided.self, e))
        case "ExtensionRequested": .extensionRequested(try decode(TaskEvent.ExtensionRequested.self, e))
        case "ExtensionGranted": .extensionGranted(try decode(TaskEvent.ExtensionGranted.self, e))
        case "ExtensionDenied": .extensionDenied(try decode(TaskEvent.Reasoned.self, e))
        case "CompletionReported": .completionReported(try decode(TaskEvent.CompletionReported.self, e))
        case "CompletionConfirmed": .completionConfirmed(try decode(TaskEvent.Acted.self, e))
        case "CompletionReturned": .completionReturned(try decode(TaskEvent.Reasoned.self, e))
        case "TaskCancelled": .cancelled(try decode(TaskEvent.Reasoned.self, e))
        case "TaskRevised": .revised(try decode(TaskEvent.Revised.self, e))
        case "DeadlineTriggered": .deadlineTriggered(try decode(TaskEvent.DeadlineTriggered.self, e))
        default: throw .undecodable(position: e.position, type: e.type, reason: "unknown task event type")
        }
    }
}

// MARK: Directory events

extension EventCoding {
    public static func encode(_ event: Directory.Event) -> NewEvent {
        let payload: String = switch event {
        case .unitAdded(let unit), .unitUpdated(let unit): json(unit)
        case .userAdded(let user): json(user)
        case .passwordSet(let e): json(e)
        case .userDeactivated(let e), .userReactivated(let e): json(e)
        }
        return NewEvent(type: event.typeName, schemaVersion: currentSchema, payload: payload)
    }

    public static func directoryEvent(_ e: RecordedEvent) throws(StoreError) -> Directory.Event {
        switch e.type {
        case "UnitAdded": .unitAdded(try decode(Directory.Unit.self, e))
        case "UnitUpdated": .unitUpdated(try decode(Directory.Unit.self, e))
        case "UserAdded": .userAdded(try decode(Directory.User.self, e))
        case "PasswordSet": .passwordSet(try decode(Directory.PasswordSet.self, e))
        case "UserDeactivated": .userDeactivated(try decode(Directory.AccessChanged.self, e))
        case "UserReactivated": .userReactivated(try decode(Directory.AccessChanged.self, e))
        default: throw .undecodable(position: e.position, type: e.type, reason: "unknown directory event type")
        }
    }
}

// MARK: Plan events

extension EventCoding {
    public static func encode(_ event: PlanEvent) -> NewEvent {
        switch event {
        case .published(let e): NewEvent(type: event.typeName, schemaVersion: currentSchema, payload: json(e))
        }
    }

    public static func planEvent(_ e: RecordedEvent) throws(StoreError) -> PlanEvent {
        switch e.type {
        case "PlanPublished": .published(try decode(PlanEvent.Published.self, e))
        default: throw .undecodable(position: e.position, type: e.type, reason: "unknown plan event type")
        }
    }
}

// MARK: Indicator events

extension EventCoding {
    public static func encode(_ event: IndicatorEvent) -> NewEvent {
        switch event {
        case .valueRecorded(let e): NewEvent(type: event.typeName, schemaVersion: currentSchema, payload: json(e))
        }
    }

    public static func indicatorEvent(_ e: RecordedEvent) throws(StoreError) -> IndicatorEvent {
        switch e.type {
        case "IndicatorValueRecorded": .valueRecorded(try decode(IndicatorEvent.ValueRecorded.self, e))
        default: throw .undecodable(position: e.position, type: e.type, reason: "unknown indicator event type")
        }
    }
}

// MARK: Reminder and calendar events

extension EventCoding {
    public static func encode(_ event: ReminderEvent) -> NewEvent {
        let payload: String = switch event {
        case .mailIntended(let e): json(e)
        case .mailAccepted(let e), .mailDeferred(let e), .mailFailed(let e), .mailSuperseded(let e): json(e)
        case .unreachable(let e): json(e)
        }
        return NewEvent(type: event.typeName, schemaVersion: currentSchema, payload: payload)
    }

    public static func reminderEvent(_ e: RecordedEvent) throws(StoreError) -> ReminderEvent {
        switch e.type {
        case "ReminderMailIntended": .mailIntended(try decode(ReminderEvent.MailIntended.self, e))
        case "ReminderMailAccepted": .mailAccepted(try decode(ReminderEvent.MailOutcome.self, e))
        case "ReminderMailDeferred": .mailDeferred(try decode(ReminderEvent.MailOutcome.self, e))
        case "ReminderMailFailed": .mailFailed(try decode(ReminderEvent.MailOutcome.self, e))
        case "ReminderMailSuperseded": .mailSuperseded(try decode(ReminderEvent.MailOutcome.self, e))
        case "ReminderUnreachable": .unreachable(try decode(ReminderEvent.Unreached.self, e))
        default: throw .undecodable(position: e.position, type: e.type, reason: "unknown reminder event type")
        }
    }

    public static func encode(_ event: CalendarEvent) -> NewEvent {
        switch event {
        case .published(let e): NewEvent(type: event.typeName, schemaVersion: currentSchema, payload: json(e))
        }
    }

    public static func calendarEvent(_ e: RecordedEvent) throws(StoreError) -> CalendarEvent {
        switch e.type {
        case "CalendarPublished": .published(try decode(CalendarEvent.Published.self, e))
        default: throw .undecodable(position: e.position, type: e.type, reason: "unknown calendar event type")
        }
    }
}
