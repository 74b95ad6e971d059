import Synchronization

/// Folded stream states kept between commands, each under the stream version it
/// was folded at.
///
/// A state is taken from the cache only when the stream's version, read inside
/// the command's own write transaction, equals the cached one; since the
/// events up to a version never change, such an entry cannot be stale, whoever
/// (this process or another) wrote the stream since. Entries are put here only
/// after the transaction that made them has committed.
final class StateCache: Sendable {
    struct Entry: Sendable {
        var version: Int
        /// A domain state: TaskState, Directory.State, ...
        var state: any Sendable
    }

    /// Beyond this many streams the cache starts over: a commune has a few
    /// thousand tasks, so this only bounds a pathological process.
    static let capacity = 50_000

    private let entries = Mutex<[String: Entry]>([:])

    subscript(stream: String) -> Entry? {
        entries.withLock { $0[stream] }
    }

    /// Publishes the states a committed transaction left.
    func publish(_ states: [String: Entry]) {
        guard !states.isEmpty else { return }
        entries.withLock { entries in
            if entries.count + states.count > Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries.merge(states) { old, new in new.version >= old.version ? new : old }
        }
    }
}
