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
        var told: Set<String> = []
        var unreachable: [String: Unreachable] = [:]
        var people: [String: [Recipient]] = [:]
        for notice in notices.sorted(by: Self.order) {
            let unit = notice.item.unit
            for rung in notice.rungs {
                let rungKey = "\(unit)|\(rung.rawValue)|\(notice.item.coordinator?.rawValue ?? "")"
                let found = people[rungKey] ?? addressing.recipients(rung, unit: unit, coordinator: notice.item.coordinator)
                people[rungKey] = found
                if found.isEmpty {
                    unreachable["\(unit)|\(rung.rawValue)", default: Unreachable(unit: unit, rung: rung, notices: [])]
                        .notices.append(notice)
                }
                for person in found {
                    let key = person.address.lowercased()
                    // One entry per notice: the lowest rung that reaches this person says why.
                    guard told.insert("\(key) \(notice.key)").inserted else { continue }
                    digests[key, default: Digest(recipient: person, entries: [])].entries.append(Entry(notice: notice, rung: rung))
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
