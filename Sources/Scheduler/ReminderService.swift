import Foundation
import RoDomain
import RoEventStore
import ServiceLifecycle

/// The scheduler as a long-running service (`ro remind --loop`, and later
/// inside `ro serve`): a pass, then sleep until the next notice or retry falls
/// due (at most ``longestSleep``, so work that arrived meanwhile is seen), until
/// a graceful shutdown (SIGTERM, SIGINT) ends the sleep. A pass in progress is
/// finished first: its outcomes are recorded before the service returns.
public struct ReminderService: Service {
    public let runner: ReminderRunner
    /// The store's file, beside which the pass lock lives.
    public let storePath: String
    public let longestSleep: TimeInterval
    /// Told about each pass (the CLI prints it).
    public let report: @Sendable (Result<RunReport, any Error>) -> Void

    public init(
        runner: ReminderRunner, storePath: String, longestSleep: TimeInterval = 3600,
        report: @escaping @Sendable (Result<RunReport, any Error>) -> Void
    ) {
        self.runner = runner
        self.storePath = storePath
        self.longestSleep = longestSleep
        self.report = report
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var next: Date?
            do {
                if let lock = try RunLock(beside: storePath) {
                    let outcome = try await runner.run()
                    withExtendedLifetime(lock) {}
                    next = outcome.next
                    report(.success(outcome))
                }
            } catch {
                report(.failure(error))
            }
            let now = runner.clock.now()
            let wait = min(max((next ?? .distantFuture).timeIntervalSince(now), 1), longestSleep)
            // A graceful shutdown cancels the sleep, not a pass.
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
            }
        }
    }
}
