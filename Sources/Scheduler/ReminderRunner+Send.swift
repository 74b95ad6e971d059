import Foundation
import RoDomain
import RoEventStore

extension ReminderRunner {
    /// How many digests are with sendmail at once: a pass of many digests waits
    /// for sendmail's start-up and for the disk, not for the processor.
    public static let parallelSends = 4

    /// Hands each intent to the mailer, at most ``parallelSends`` at once, and
    /// records each outcome as soon as this task can: the outcomes that came in
    /// while the last ones were being written are recorded together, in one
    /// transaction. `meanwhile` runs on this task once the first digests are
    /// out. Returns the results in the intents' order.
    ///
    /// Nothing here waits to try again: a temporary failure is an outcome like
    /// the others, recorded with its retry time.
    func send(
        _ intents: [ReminderEvent.MailIntended], meanwhile: () throws(StoreError) -> Void,
        record: ([(ReminderEvent.MailIntended, MailResult)]) throws(StoreError) -> Void
    ) async throws(StoreError) -> [(mail: ReminderEvent.MailIntended, result: MailResult?)] {
        guard !intents.isEmpty else { return [] }
        let mailer = self.mailer
        let queue = Outbox(count: intents.count)
        var results = [MailResult?](repeating: nil, count: intents.count)
        var failure: StoreError?
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<min(Self.parallelSends, intents.count) {
                group.addTask {
                    while let index = queue.nextToSend() { queue.put(index, await mailer.send(intents[index])) }
                }
            }
            do throws(StoreError) {
                try meanwhile()
                var recorded = 0
                while recorded < intents.count {
                    let outcomes = await queue.take()
                    try record(outcomes.map { (intents[$0.index], $0.result) })
                    for outcome in outcomes { results[outcome.index] = outcome.result }
                    recorded += outcomes.count
                }
            } catch {
                // What is with sendmail now finishes; nothing more is handed over.
                failure = error
                queue.stop()
            }
        }
        if let failure { throw failure }
        return zip(intents, results).map { ($0, $1) }
    }
}

/// The digests of a pass between the workers that send them and the task that
/// records their outcomes.
final class Outbox: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private var done: [(index: Int, result: MailResult)] = []
    private var waiting: CheckedContinuation<Void, Never>?

    init(count: Int) { self.count = count }

    /// The next digest to send, if any is left.
    func nextToSend() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Sends nothing more.
    func stop() { lock.withLock { next = count } }

    func put(_ index: Int, _ result: MailResult) {
        let waiter = lock.withLock {
            done.append((index, result))
            defer { waiting = nil }
            return waiting
        }
        waiter?.resume()
    }

    /// Every outcome in, waiting for one if there is none yet.
    func take() async -> [(index: Int, result: MailResult)] {
        while true {
            let taken = lock.withLock {
                defer { done = [] }
                return done
            }
            if !taken.isEmpty { return taken }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = lock.withLock {
                    if done.isEmpty { waiting = continuation }
                    return !done.isEmpty
                }
                if ready { continuation.resume() }
            }
        }
    }
}
