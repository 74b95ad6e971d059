import Foundation
import GRDB
import RoDomain

/// The event store: one SQLite file in WAL mode with `synchronous = FULL`, so a
/// committed event survives a power loss.
///
/// Several processes may write the same file at once (the CLI beside a running
/// server). Every write takes SQLite's write lock up front (`BEGIN IMMEDIATE`)
/// and waits for it up to ``busyTimeout``, so nobody meets a bare "database is
/// locked"; positions are given inside that lock, so they are gap-free and in
/// commit order.
public final class SQLiteEventStore: Sendable {
    /// How long a writer waits for another process's write lock.
    public static let busyTimeout: TimeInterval = 15
    /// `PRAGMA application_id` of a Rõ store: the bytes of "Rõ" in UTF-8, then 0.
    static let applicationID: Int32 = 0x52C3_B500

    public let path: String
    let writer: DatabasePool
    /// Stream states folded by earlier commands, keyed by stream version.
    let cache: StateCache
    /// Commits concurrent callers' commands together.
    let group: GroupCommitter

    private init(path: String, writer: DatabasePool) {
        self.path = path
        self.writer = writer
        cache = StateCache()
        group = GroupCommitter(writer: writer, cache: cache, path: path)
    }

    /// Creates a new store at `path`. Refuses a file that already exists.
    public static func create(at path: String) throws(StoreError) -> SQLiteEventStore {
        guard !FileManager.default.fileExists(atPath: path) else { throw .alreadyExists(path: path) }
        return try guarded(path) {
            let pool = try makePool(path)
            try pool.write { db in try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
            try migrator.migrate(pool)
            return SQLiteEventStore(path: path, writer: pool)
        }
    }

    /// Opens the store at `path`, after checking, without writing anything, that the
    /// file is a Rõ store this binary can read. Brings an older schema up to date.
    ///
    /// `readOnly` opens it for reading the events only (`ro verify`): nothing is
    /// written, not even the read models' catch-up or a migration.
    public static func open(at path: String, readOnly: Bool = false) throws(StoreError) -> SQLiteEventStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        try inspect(path)
        return try guarded(path) {
            let pool = try makePool(path, readOnly: readOnly)
            if !readOnly { try migrator.migrate(pool) }
            return SQLiteEventStore(path: path, writer: pool)
        }
    }

    /// Read-only checks: an SQLite file, with our application id, and no migration
    /// we do not know.
    private static func inspect(_ path: String) throws(StoreError) {
        var readOnly = Configuration()
        readOnly.readonly = true
        readOnly.busyMode = .timeout(busyTimeout)
        let verdict: StoreError? = try guarded(path) {
            let queue = try DatabaseQueue(path: path, configuration: readOnly)
            defer { try? queue.close() }
            return try queue.read { db -> StoreError? in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard id == applicationID else { return .notAStore(path: path) }
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                return unknown.isEmpty ? nil : .newerSchema(path: path, unknown: unknown.sorted())
            }
        }
        if let verdict { throw verdict }
    }

    /// A pool in WAL mode whose one writer connection syncs the WAL on every
    /// commit. GRDB sets `synchronous = NORMAL` when it turns WAL on (a commit
    /// could then be lost at power loss); the writer is set back to FULL here,
    /// once, since a pool keeps its writer connection for its whole life.
    private static func makePool(_ path: String, readOnly: Bool = false) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "ro"
        config.readonly = readOnly
        let pool = try DatabasePool(path: path, configuration: config)
        if !readOnly { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
        return pool
    }

    /// Runs `body`, turning SQLite's errors into ``StoreError``s that name the file.
    static func guarded<T>(_ path: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw guardedError(path, error)
        } catch {
            throw .database("\(path): \(error)")
        }
    }

    /// Runs `body`, turning SQLite's errors into ``StoreError``s that name the
    /// file and letting the caller's own errors (a rejection) through as they are.
    static func passing<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw guardedError(path, error)
        }
    }

    func guardedError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: error
        case let error as DatabaseError: Self.guardedError(path, error)
        default: .database("\(path): \(error)")
        }
    }

    static func guardedError(_ path: String, _ error: DatabaseError) -> StoreError {
        error.resultCode == .SQLITE_NOTADB
            ? .notAStore(path: path) : .database("\(path): \(error.message ?? error.resultCode.description)")
    }

    /// Runs a read on a snapshot of the store.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try Self.guarded(path) { try writer.read(body) }
    }

    /// Runs a write in one `BEGIN IMMEDIATE` transaction.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try Self.guarded(path) { try writer.write(body) }
    }

    /// Closes the store's connections (the WAL is checkpointed into the file).
    public func close() throws(StoreError) {
        try Self.guarded(path) { try writer.close() }
    }
}

extension SQLiteEventStore {
    /// The durability settings of the writer connection, as SQLite reports them:
    /// the journal mode (`wal`) and `synchronous` (2 is FULL).
    public func durability() throws(StoreError) -> (journalMode: String, synchronous: Int) {
        try write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1)
        }
    }
}
