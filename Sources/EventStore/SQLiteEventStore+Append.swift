import Foundation
import GRDB
import RoDomain

extension SQLiteEventStore {
    /// Appends one command's events. See ``append(batch:)``.
    public func append(_ request: AppendRequest) throws(StoreError) -> AppendOutcome {
        try append(batch: [request])[0].get()
    }

    /// Appends several commands' events in one transaction: one write lock, one fsync.
    ///
    /// Each request is checked on its own, inside a savepoint: a command id seen
    /// before answers ``AppendOutcome/duplicate(_:)`` with the events it appended
    /// then; a stream that moved past the expected version fails that request with
    /// ``StoreError/conflict(stream:expected:actual:)``; the others still commit.
    /// The read models are written in the same transaction (see ``StoreTransaction``).
    public func append(batch requests: [AppendRequest]) throws(StoreError) -> [Result<AppendOutcome, StoreError>] {
        do {
            return try transact { transaction in
                requests.map { request in
                    Result { try transaction.command { t in try Self.appendOne(request, t) } }.mapError(guardedError)
                }
            }
        } catch {
            throw guardedError(error)
        }
    }

    /// The last position and hash of the chain.
    struct Tail {
        var position: Int64
        var hash: Data

        static func fetch(_ db: Database) throws -> Tail {
            let row = try Row.fetchOne(db, sql: "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
            return Tail(position: row?["position"] ?? 0, hash: row?["hash"] ?? HashChain.genesis)
        }
    }

    private static func appendOne(_ request: AppendRequest, _ transaction: StoreTransaction) throws -> AppendOutcome {
        if let prior = try transaction.priorOutcome(commandID: request.metadata.commandID, fingerprint: request.fingerprint) {
            return .duplicate(prior)
        }
        return .appended(try transaction.append(request))
    }

    /// The events a command id appended before, or `nil` if it is new. Throws
    /// ``StoreError/commandIDReused(_:)`` for an id used by another command.
    static func priorOutcome(_ commandID: String, _ fingerprint: String, _ db: Database) throws -> [RecordedEvent]? {
        guard let seen = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT fingerprint, first_position, last_position FROM commands WHERE command_id = ?"),
            arguments: [commandID])
        else { return nil }
        guard seen[0] as String == fingerprint else { throw StoreError.commandIDReused(commandID) }
        guard let first: Int64 = seen[1], let last: Int64 = seen[2] else { return [] }
        return try events(db, where: "position BETWEEN ? AND ?", [first, last])
    }

    /// Checks the expected version and inserts the events, extending the chain.
    static func insertEvents(_ request: AppendRequest, ids: [String], tail: inout Tail, _ db: Database) throws -> [RecordedEvent] {
        let current = try version(of: request.streamID, db)
        guard current == request.expectedVersion else {
            throw StoreError.conflict(stream: request.streamID, expected: request.expectedVersion, actual: current)
        }
        var recorded: [RecordedEvent] = []
        for (offset, (event, id)) in zip(request.events, ids).enumerated() {
            var record = RecordedEvent(
                position: tail.position + 1, streamID: request.streamID, version: current + offset + 1,
                type: event.type, schemaVersion: event.schemaVersion, payload: event.payload, eventID: id,
                metadata: request.metadata, previousHash: tail.hash, hash: Data())
            record.hash = HashChain.hash(previous: tail.hash, event: record)
            try insert(record, db)
            tail = Tail(position: record.position, hash: record.hash)
            recorded.append(record)
        }
        return recorded
    }

    static func recordCommand(
        _ metadata: EventMetadata, _ fingerprint: String, stream: String, _ recorded: [RecordedEvent], _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO commands (command_id, fingerprint, stream_id, first_position, last_position, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            metadata.commandID, fingerprint, stream, recorded.first?.position, recorded.last?.position,
            Timestamp.format(metadata.recordedAt),
        ])
    }

    private static func insert(_ e: RecordedEvent, _ db: Database) throws {
        let m = e.metadata
        try db.cachedStatement(
            sql: """
                INSERT INTO events (position, stream_id, stream_version, event_type, schema_version, payload,
                    event_id, command_id, actor_login, actor_role, actor_unit, correlation_id, causation_id,
                    recorded_at, source, clock, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                e.position, e.streamID, e.version, e.type, e.schemaVersion, e.payload,
                e.eventID, m.commandID, m.actor.login.rawValue, m.actor.role.rawValue, m.actor.unit?.rawValue,
                m.correlationID, m.causationID, Timestamp.format(m.recordedAt), m.source.rawValue,
                m.simulatedClock ? "simulated" : "system", e.previousHash, e.hash,
            ])
    }
}

/// One command whose events go to several streams at once (a plan load): all
/// are appended, or none.
public struct MultiStreamAppend: Sendable {
    public struct Part: Sendable {
        public var streamID: String
        public var expectedVersion: Int
        public var events: [NewEvent]
        public init(streamID: String, expectedVersion: Int, events: [NewEvent]) {
            self.streamID = streamID
            self.expectedVersion = expectedVersion
            self.events = events
        }
    }

    public var fingerprint: String
    public var metadata: EventMetadata
    public var parts: [Part]

    public init(fingerprint: String, metadata: EventMetadata, parts: [Part]) {
        self.fingerprint = fingerprint
        self.metadata = metadata
        self.parts = parts
    }
}

extension SQLiteEventStore {
    /// Appends every part in one transaction, or nothing: a conflict on any
    /// stream rolls back all. The command id covers the whole; its positions are
    /// contiguous, so a repeat answers with all the events the first run appended.
    public func append(_ request: MultiStreamAppend) throws(StoreError) -> AppendOutcome {
        do {
            return try transact { transaction in
                if let prior = try transaction.priorOutcome(commandID: request.metadata.commandID, fingerprint: request.fingerprint) {
                    return .duplicate(prior)
                }
                return .appended(try transaction.append(request))
            }
        } catch {
            throw guardedError(error)
        }
    }
}
