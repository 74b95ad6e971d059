import Foundation
import GRDB
import Synchronization

/// Group commit: the transactions that concurrent callers of one process want
/// to run are run together, in one SQLite transaction with one fsync.
///
/// A caller's work waits in a queue; the first waiter schedules a flush on
/// GRDB's writer queue (its own dispatch queue, never Swift's cooperative
/// pool). A flush takes every waiter queued by then and runs each in its own
/// savepoint, so a work that throws leaves nothing behind and the others go
/// on; then it commits, and only then answers every waiter. Callers arriving
/// during a flush's commit wait for the next flush, which is how groups form.
final class GroupCommitter: Sendable {
    private struct Queue {
        var waiting: [any GroupWork] = []
        var flushScheduled = false
    }

    private let writer: DatabasePool
    private let cache: StateCache
    private let path: String
    private let queue = Mutex(Queue())
    /// How many groups were committed (for tests: that commands were grouped).
    let committedGroups = Mutex(0)

    init(writer: DatabasePool, cache: StateCache, path: String) {
        self.writer = writer
        self.cache = cache
        self.path = path
    }

    /// Runs `body` in the next group; returns once its commit is durable.
    func run<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let work = Work(body: body, continuation: continuation)
            let schedule = queue.withLock { queue in
                queue.waiting.append(work)
                defer { queue.flushScheduled = true }
                return !queue.flushScheduled
            }
            if schedule { writer.asyncWriteWithoutTransaction { [self] db in flush(db) } }
        }
    }

    /// On the writer queue: commits everyone waiting, then answers them.
    private func flush(_ db: Database) {
        let group = queue.withLock { queue in
            defer { queue = Queue() }
            return queue.waiting
        }
        guard !group.isEmpty else { return }
        var transaction: StoreTransaction?
        do {
            try db.inTransaction(.immediate) {
                let t = try StoreTransaction(db, cache: cache)
                transaction = t
                for work in group { work.run(in: t) }
                return .commit
            }
            transaction?.committed()
            committedGroups.withLock { $0 += 1 }
            for work in group { work.answer(failure: nil) }
        } catch let error as DatabaseError {
            for work in group { work.answer(failure: SQLiteEventStore.guardedError(path, error)) }
        } catch {
            for work in group { work.answer(failure: error) }
        }
    }
}

/// One caller's work in a group: run in a savepoint, answered after the commit.
private protocol GroupWork: Sendable {
    func run(in transaction: StoreTransaction)
    func answer(failure: (any Error)?)
}

/// Its result is written by the flush that runs it and read by the same flush
/// when it answers, both on the writer queue, one after the other.
private final class Work<T: Sendable>: GroupWork, @unchecked Sendable {
    let body: @Sendable (StoreTransaction) throws -> T
    let continuation: CheckedContinuation<T, any Error>
    var result: Result<T, any Error>?

    init(body: @escaping @Sendable (StoreTransaction) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(in transaction: StoreTransaction) {
        result = Result { try transaction.command(body) }
    }

    func answer(failure: (any Error)?) {
        if let failure {
            continuation.resume(throwing: failure)
        } else {
            continuation.resume(with: result ?? .failure(CancellationError()))
        }
    }
}

extension SQLiteEventStore {
    /// Runs `body` in a write transaction shared with the other callers of this
    /// process that are waiting at the same moment (group commit): one fsync
    /// for all of them. `body` runs in its own savepoint; if it throws, nothing
    /// it wrote remains, and the error is its caller's alone. Returns once the
    /// commit that holds its writes is durable. Nothing here blocks a thread of
    /// Swift's cooperative pool: the work runs on GRDB's writer queue.
    public func transact<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        try await group.run(body)
    }
}
