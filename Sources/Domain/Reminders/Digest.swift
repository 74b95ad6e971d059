import Foundation

/// All one recipient is told in one run: one email, however many items.
public struct Digest: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var notice: Notice
        /// Why this recipient hears of it.
        public var rung: Plan.Reminders.Rung
    }

    public var recipient: Recipient
    public var entries: [Entry]
}

/// A rung on which nobody has an address for a unit: the notices it would
/// have carried, recorded so that nobody thinks they were sent.
public struct Unreachable: Hashable, Sendable {
    public var unit: UnitID
    public var rung: Plan.Reminders.Rung
    public var notices: [Notice]
}

extension Digest {
    /// Routes due notices to people: one digest per address (compared without
    /// regard to case), entries in task order; and the rungs nobody stands on.
    public static func route(_ notices: [Notice], _ addressing: Addressing) -> (digests: [Digest], unreachable: [Unreachable]) {
        var digests: [String: Digest] = [:]
        var unreachable: [String: Unreachable] = [:]
        for notice in notices.sorted(by: Self.order) {
            for rung in notice.rungs {
                let people = addressing.recipients(rung, unit: notice.item.unit, coordinator: notice.item.coordinator)
                if people.isEmpty {
                    let key = "\(notice.item.unit)|\(rung.rawValue)"
                    unreachable[key, default: Unreachable(unit: notice.item.unit, rung: rung, notices: [])].notices.append(notice)
                }
                for person in people {
                    let key = person.address.lowercased()
                    var digest = digests[key] ?? Digest(recipient: person, entries: [])
                    // One entry per notice: the lowest rung that reaches this person says why.
                    if !digest.entries.contains(where: { $0.notice.key == notice.key }) {
                        digest.entries.append(Entry(notice: notice, rung: rung))
                    }
                    digests[key] = digest
                }
            }
        }
        return (
            digests.values.sorted { $0.recipient.address.lowercased() < $1.recipient.address.lowercased() },
            unreachable.values.sorted { ($0.unit.rawValue, $0.rung.rawValue) < ($1.unit.rawValue, $1.rung.rawValue) }
        )
    }

    /// Overdue first, then by deadline, then by task.
    static func order(_ a: Notice, _ b: Notice) -> Bool {
        if a.offset.isOverdue != b.offset.isOverdue { return a.offset.isOverdue }
        return (a.item.due, a.item.task.rawValue, a.item.kindKey) < (b.item.due, b.item.task.rawValue, b.item.kindKey)
    }
}
