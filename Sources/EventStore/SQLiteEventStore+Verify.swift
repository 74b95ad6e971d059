import Foundation
import GRDB

extension SQLiteEventStore {
    /// What `ro verify` found.
    public struct Verification: Sendable {
        /// How many events were checked.
        public var checked: Int64
        /// The first place the chain breaks, if it does.
        public var firstBreak: ChainBreak?
    }

    /// Walks the whole chain in position order and names the first bad position:
    /// a missing position, a previous hash that does not match, an event whose
    /// bytes do not give its hash, or a stream version out of sequence.
    public func verify() throws(StoreError) -> Verification {
        try read { db in
            var expected: Int64 = 1
            var previous = HashChain.genesis
            var versions: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT \(RecordedEvent.columns) FROM events ORDER BY position")
            while let row = try rows.next() {
                let position: Int64 = row[0]
                guard position == expected else {
                    return Verification(checked: expected - 1, firstBreak: ChainBreak(position: expected, kind: .gap))
                }
                func broken(_ kind: ChainBreak.Kind) -> Verification {
                    Verification(checked: position - 1, firstBreak: ChainBreak(position: position, kind: kind))
                }
                guard let event = try? RecordedEvent(row: row) else { return broken(.unreadable) }
                guard event.previousHash == previous else { return broken(.link) }
                guard HashChain.hash(previous: previous, event: event) == event.hash else { return broken(.content) }
                guard event.version == (versions[event.streamID] ?? 0) + 1 else { return broken(.streamVersion) }
                versions[event.streamID] = event.version
                previous = event.hash
                expected += 1
            }
            return Verification(checked: expected - 1, firstBreak: nil)
        }
    }
}
