import Foundation

/// Someone a reminder goes to.
public struct Recipient: Hashable, Sendable {
    /// The address as written; compared without regard to case.
    public var address: String
    public var name: String?
    public init(address: String, name: String?) {
        self.address = address
        self.name = name
    }
}

/// Who stands on each rung of the escalation ladder for a unit: read from the
/// directory (units with their addresses, head and officers, as the plans give
/// them; users with their roles).
public struct Addressing: Sendable {
    public let units: [UnitID: Directory.Unit]
    public let users: [Directory.User]

    public init(units: [UnitID: Directory.Unit], users: [Directory.User]) {
        self.units = units
        self.users = users.sorted { $0.login.rawValue < $1.login.rawValue }
    }

    /// The people on one rung for an item of `unit`.
    ///
    /// - officers: the unit's own mailboxes, its officers, and its users with the officer role;
    /// - unit head: the head the plan names;
    /// - coordinator: the plan's coordinating unit (its mailboxes and head) and users with the coordinator role;
    /// - leaders: users with the leader role.
    public func recipients(_ rung: Plan.Reminders.Rung, unit: UnitID, coordinator: UnitID?) -> [Recipient] {
        var found: [Recipient] = []
        func add(_ address: String?, _ name: String?) {
            guard let address, !address.isEmpty else { return }
            guard !found.contains(where: { $0.address.lowercased() == address.lowercased() }) else { return }
            found.append(Recipient(address: address, name: name))
        }
        func addUnit(_ id: UnitID, head: Bool, officers: Bool) {
            guard let u = units[id] else { return }
            for email in u.emails ?? [] { add(email, u.name) }
            if head, let h = u.head { add(h.email, h.name) }
            if officers { for o in u.officers ?? [] { add(o.email, o.name) } }
        }
        func addUsers(_ role: Role, unit: UnitID? = nil) {
            for user in users where user.role == role && (unit == nil || user.unit == unit) { add(user.email, user.name) }
        }
        switch rung {
        case .officers:
            addUnit(unit, head: false, officers: true)
            addUsers(.officer, unit: unit)
        case .unitHead:
            if let h = units[unit]?.head { add(h.email, h.name) }
        case .coordinator:
            if let coordinator { addUnit(coordinator, head: true, officers: false) }
            addUsers(.coordinator)
        case .leaders:
            addUsers(.leader)
        }
        return found
    }
}
