import Hummingbird
import NIOPosix

/// Where the web front does its blocking work: SQLite reads, bcrypt, files.
///
/// Swift's cooperative pool has one thread per core (two on a small server):
/// a request that waits there on SQLite (another process holding the write
/// lock) or on bcrypt stops every other request. So every request runs with
/// this executor as its task executor preference (``BlockingMiddleware``): its
/// code runs on a pool of NIO threads made for blocking work, and a thread
/// that waits stops only its own request. Writes do not wait here at all:
/// they go to the store's group commit, on GRDB's writer queue.
final class BlockingExecutor: TaskExecutor, Sendable {
    /// Enough for requests waiting on the disk beside those being answered;
    /// threads cost little while idle.
    static let threads = 16
    /// One pool for the process, however many applications it builds (tests build many).
    static let shared = BlockingExecutor()

    private let pool: NIOThreadPool

    private init(threads: Int = BlockingExecutor.threads) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        pool.submit { _ in job.runSynchronously(on: executor) }
    }
}

/// Runs the rest of the request with ``BlockingExecutor`` as its executor.
struct BlockingMiddleware<Context: RequestContext>: RouterMiddleware {
    let executor: BlockingExecutor

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        try await withTaskExecutorPreference(executor) { try await next(request, context) }
    }
}
