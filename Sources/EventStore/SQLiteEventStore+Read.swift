import Foundation
import GRDB
import RoDomain

extension SQLiteEventStore {
    /// The version of a stream: the number of its events (0 when it has none).
    public func version(of stream: String) throws(StoreError) -> Int {
        try read { db in try Self.version(of: stream, db) }
    }

    /// Every event of one stream, in order.
    public func events(of stream: String) throws(StoreError) -> [RecordedEvent] {
        try read { db in try Self.events(db, where: "stream_id = ?", [stream]) }
    }

    /// The state of a stream, folded from its events once per version of the
    /// stream (kept in the store's cache, keyed by that version).
    public func state<S: Sendable>(of stream: String, fold: ([RecordedEvent]) throws -> S) throws(StoreError) -> S {
        try read { db in
            let version = try Self.version(of: stream, db)
            if let entry = cache[stream], entry.version == version, let state = entry.state as? S { return state }
            let state = try fold(try Self.events(db, where: "stream_id = ?", [stream]))
            cache.publish([stream: .init(version: version, state: state)])
            return state
        }
    }

    /// Up to `limit` events after a global position, in order.
    public func events(after position: Int64, limit: Int = 1_000) throws(StoreError) -> [RecordedEvent] {
        try read { db in try Self.events(db, where: "position > ?", [position], limit: limit) }
    }

    /// The global position of the last event (0 for an empty store).
    public func lastPosition() throws(StoreError) -> Int64 {
        try read { db in try Tail.fetch(db).position }
    }

    static func version(of stream: String, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT MAX(stream_version) FROM events WHERE stream_id = ?"), arguments: [stream]) ?? 0
    }

    static func events(
        _ db: Database, where condition: String, _ arguments: StatementArguments, limit: Int? = nil
    ) throws -> [RecordedEvent] {
        let sql = "SELECT \(RecordedEvent.columns) FROM events WHERE \(condition) ORDER BY position" + (limit.map { " LIMIT \($0)" } ?? "")
        // A cursor reads each value straight from SQLite's row, where fetchAll copies every row first.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var events: [RecordedEvent] = []
        while let row = try rows.next() { events.append(try RecordedEvent(row: row)) }
        return events
    }
}

extension RecordedEvent {
    /// The columns ``init(row:)`` reads, in the order it reads them.
    static let columns = """
        position, stream_id, stream_version, event_type, schema_version, payload, event_id, command_id, \
        actor_login, actor_role, actor_unit, correlation_id, causation_id, recorded_at, source, clock, previous_hash, hash
        """

    /// Reads a row of ``columns`` (by index: name lookups cost more than the rest
    /// of the decoding). A row whose role, source or instant no longer reads is a
    /// broken store, reported at its position.
    init(row: Row) throws {
        let position: Int64 = row[0]
        guard let role = Role(rawValue: row[9]), let source = EventSource(rawValue: row[14]),
            let recordedAt = Timestamp.parse(row[13])
        else { throw StoreError.undecodable(position: position, type: row[3], reason: "metadata") }
        let unit: String? = row[10]
        self.init(
            position: position, streamID: row[1], version: row[2], type: row[3], schemaVersion: row[4],
            payload: row[5], eventID: row[6],
            metadata: EventMetadata(
                commandID: row[7], actor: Actor(login: Login(unchecked: row[8]), role: role, unit: unit.map(UnitID.init(unchecked:))),
                correlationID: row[11], causationID: row[12], recordedAt: recordedAt, source: source,
                simulatedClock: (row[15] as String) == "simulated"),
            previousHash: row[16], hash: row[17])
    }
}

extension SQLiteEventStore {
    /// The events a command id appended, if that command was already carried out.
    /// Throws ``StoreError/commandIDReused(_:)`` when the id was used for another command.
    public func priorOutcome(of commandID: String, fingerprint: String) throws(StoreError) -> [RecordedEvent]? {
        try read { db in try Self.priorOutcome(commandID, fingerprint, db) }
    }
}
