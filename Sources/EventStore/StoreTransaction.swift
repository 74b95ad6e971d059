import Foundation
import GRDB
import RoDomain

/// One write transaction of the store, as the commands carried out in it see it.
///
/// Everything a command decides on (whether its id was seen, the stream's
/// version and state, the directory) is read here, under the write lock, so it
/// cannot change before the command's events are appended; and the events, the
/// record of the command id, and the read models' rows with their checkpoint
/// are written in this same transaction. A command therefore costs one durable
/// commit, and no other writer can make it conflict.
///
/// Folded states come from the store's ``StateCache`` when it holds the
/// stream's current version (read here, inside the lock), so a command on a
/// task folds nothing it has folded before.
public final class StoreTransaction {
    let db: Database
    private let cache: StateCache
    private(set) var tail: SQLiteEventStore.Tail
    /// The states this transaction has folded or written, by stream, published
    /// to the cache once it commits.
    private(set) var states: [String: StateCache.Entry] = [:]

    init(_ db: Database, cache: StateCache) throws {
        self.db = db
        self.cache = cache
        tail = try .fetch(db)
        // Events written by an older binary (or before this store projected
        // inline) are projected first, so the rows below follow them.
        try Projector.catchUp(to: tail.position, db)
    }

    /// The version of a stream: the number of its events (0 when it has none).
    public func version(of stream: String) throws -> Int {
        try SQLiteEventStore.version(of: stream, db)
    }

    /// Every event of one stream, in order.
    public func events(of stream: String) throws -> [RecordedEvent] {
        try SQLiteEventStore.events(db, where: "stream_id = ?", [stream])
    }

    /// The events a command id appended before, or `nil` if it is new. Throws
    /// ``StoreError/commandIDReused(_:)`` for an id used by another command.
    public func priorOutcome(commandID: String, fingerprint: String) throws -> [RecordedEvent]? {
        try SQLiteEventStore.priorOutcome(commandID, fingerprint, db)
    }

    /// The state of `stream` at its current version: from the cache when it
    /// holds that version, else folded from the stream's events.
    public func state<S: Sendable>(
        of stream: String, as _: S.Type = S.self, fold: ([RecordedEvent]) throws -> S
    ) throws -> (state: S, version: Int) {
        let version = try version(of: stream)
        if let entry = states[stream] ?? cache[stream], entry.version == version, let state = entry.state as? S {
            states[stream] = entry
            return (state, version)
        }
        let state = try fold(try events(of: stream))
        states[stream] = .init(version: version, state: state)
        return (state, version)
    }

    /// Appends one command's events at the version it expects, records its id,
    /// and brings the read models and their checkpoint along.
    ///
    /// - Parameters:
    ///   - after: the stream's state after these events, when the caller has
    ///     folded it (kept for the next command on the stream).
    ///   - domain: the domain events the request encodes, in order, so the
    ///     read models need not decode what was just encoded.
    @discardableResult
    public func append(
        _ request: AppendRequest, after: (any Sendable)? = nil, domain: [any Sendable]? = nil
    ) throws -> [RecordedEvent] {
        let recorded = try SQLiteEventStore.insertEvents(request, ids: request.events.map { _ in EventID.make() }, tail: &tail, db)
        try SQLiteEventStore.recordCommand(request.metadata, request.fingerprint, stream: request.streamID, recorded, db)
        try project(recorded, decoded: domain?.compactMap(Projector.Decoded.init))
        if let after, let last = recorded.last { states[request.streamID] = .init(version: last.version, state: after) }
        return recorded
    }

    /// Appends events to several streams as one command (a plan load): all, or none.
    @discardableResult
    public func append(_ request: MultiStreamAppend) throws -> [RecordedEvent] {
        var recorded: [RecordedEvent] = []
        for part in request.parts {
            let single = AppendRequest(
                streamID: part.streamID, expectedVersion: part.expectedVersion, fingerprint: request.fingerprint,
                metadata: request.metadata, events: part.events)
            recorded += try SQLiteEventStore.insertEvents(single, ids: part.events.map { _ in EventID.make() }, tail: &tail, db)
        }
        try SQLiteEventStore.recordCommand(request.metadata, request.fingerprint, stream: "*", recorded, db)
        try project(recorded)
        return recorded
    }

    /// - Parameter decoded: the events as the caller has them; used only when
    ///   every one of them was a type the read models know.
    private func project(_ recorded: [RecordedEvent], decoded: [Projector.Decoded]? = nil) throws {
        guard !recorded.isEmpty else { return }
        try Projector.apply(recorded, db, states: &states, decoded: decoded?.count == recorded.count ? decoded : nil)
        try Projector.setCheckpoint(tail.position, db)
    }

    /// Runs one command in a savepoint: if it throws, nothing it wrote or
    /// folded remains, and the transaction goes on with the next.
    public func command<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        let (savedTail, savedStates) = (tail, states)
        var result: Result<T, any Error> = .failure(CancellationError())
        try db.inSavepoint {
            result = Result { try body(self) }
            if case .success = result { return .commit }
            return .rollback
        }
        if case .failure = result { (tail, states) = (savedTail, savedStates) }
        return try result.get()
    }

    /// Publishes what the committed transaction folded.
    func committed() {
        cache.publish(states)
    }
}

extension SQLiteEventStore {
    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`, one fsync at
    /// commit); if it throws, nothing is written. For the command line and
    /// other single callers; concurrent callers in one process use
    /// ``transact(_:)-async``, which commits them together.
    public func transact<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        var transaction: StoreTransaction?
        let result = try Self.passing(path) {
            try writer.write { db in
                let t = try StoreTransaction(db, cache: cache)
                transaction = t
                return try body(t)
            }
        }
        transaction?.committed()
        return result
    }
}
