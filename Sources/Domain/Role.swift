import Foundation

/// What a user may do. A user has exactly one role; a unit officer belongs to one unit.
public enum Role: String, Codable, Sendable, CaseIterable {
    /// Installs Rõ, manages units and users.
    case admin
    /// Chủ tịch / Phó Chủ tịch: assigns, approves or returns reports, grants
    /// extensions, confirms completion, cancels.
    case leader
    /// The đầu mối unit: assigns and reassigns, follows up, consolidates.
    case coordinator
    /// Cán bộ of one unit: accepts, declines, reports, asks for extensions.
    case officer
    /// Thanh tra: reads everything, changes nothing.
    case auditor

    public static func parse(_ text: String) throws(InputError) -> Role {
        guard let role = Role(rawValue: text.lowercased()) else { throw .unknownRole(value: text) }
        return role
    }

    /// The role's name in Vietnamese.
    public var vietnamese: String {
        switch self {
        case .admin: "quản trị"
        case .leader: "lãnh đạo"
        case .coordinator: "đầu mối"
        case .officer: "cán bộ đơn vị"
        case .auditor: "kiểm tra"
        }
    }
}

/// Who acts: a known user with their role and, for an officer, their unit.
public struct Actor: Hashable, Codable, Sendable {
    public var login: Login
    public var role: Role
    public var unit: UnitID?

    public init(login: Login, role: Role, unit: UnitID? = nil) {
        self.login = login
        self.role = role
        self.unit = unit
    }

    /// The actor of what the system records by itself.
    public static let system = Actor(login: .system, role: .admin)

    /// Whether the actor is an officer of `unit`.
    public func isOfficer(of unit: UnitID) -> Bool { role == .officer && self.unit == unit }
}
