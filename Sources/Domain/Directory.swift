import Foundation

/// The units and users of the commune, kept as one event stream (`directory`).
/// A commune has tens of units and at most a few hundred users, so one stream
/// is small, and one expected version guards every change to it.
public enum Directory {
    public static let streamID = "directory"

    public struct Unit: Hashable, Codable, Sendable {
        public var id: UnitID
        public var name: String
        /// Details a plan gives: kind, contact addresses, head, officers.
        public var kind: Plan.UnitKind?
        public var emails: [String]?
        public var head: Plan.Contact?
        public var officers: [Plan.Contact]?

        public init(
            id: UnitID, name: String, kind: Plan.UnitKind? = nil, emails: [String]? = nil,
            head: Plan.Contact? = nil, officers: [Plan.Contact]? = nil
        ) {
            self.id = id
            self.name = name
            self.kind = kind
            self.emails = emails
            self.head = head
            self.officers = officers
        }
    }

    public struct User: Hashable, Codable, Sendable {
        public var login: Login
        public var name: String
        public var role: Role
        public var unit: UnitID?
        public var email: String?
        public init(login: Login, name: String, role: Role, unit: UnitID?, email: String?) {
            self.login = login
            self.name = name
            self.role = role
            self.unit = unit
            self.email = email
        }

        public var actor: Actor { Actor(login: login, role: role, unit: unit) }
    }

    public enum Event: Hashable, Codable, Sendable {
        case unitAdded(Unit)
        /// A plan gave new details of a unit (name, contacts).
        case unitUpdated(Unit)
        case userAdded(User)
        /// A user's password for the web, as a bcrypt hash (never the password).
        case passwordSet(PasswordSet)
        /// A user may no longer sign in or act (left the post); their history stays.
        case userDeactivated(AccessChanged)
        /// A deactivated user may sign in and act again.
        case userReactivated(AccessChanged)
    }

    public struct PasswordSet: Hashable, Codable, Sendable {
        public var login: Login
        /// bcrypt, with its cost and salt.
        public var hash: String
        public var by: Login
        public var at: Date
        public init(login: Login, hash: String, by: Login, at: Date) {
            self.login = login
            self.hash = hash
            self.by = by
            self.at = at
        }
    }

    public struct State: Hashable, Sendable {
        public var units: [UnitID: Unit] = [:]
        public var users: [Login: User] = [:]
        /// The bcrypt hash of each user's web password, for those who have one.
        public var passwords: [Login: String] = [:]
        /// Users who may no longer sign in or act, and since when.
        public var deactivated: [Login: Date] = [:]
        public init() {}

        /// The user of `login` if they may still sign in and act.
        public func activeUser(_ login: Login) -> User? {
            deactivated[login] == nil ? users[login] : nil
        }
    }

    public static let initial = State()

    public static func evolve(_ state: State, _ event: Event) -> State {
        var state = state
        switch event {
        case .unitAdded(let unit), .unitUpdated(let unit): state.units[unit.id] = unit
        case .userAdded(let user): state.users[user.login] = user
        case .passwordSet(let e): state.passwords[e.login] = e.hash
        case .userDeactivated(let e): state.deactivated[e.login] = e.at
        case .userReactivated(let e): state.deactivated[e.login] = nil
        }
        return state
    }

    public static func fold(_ events: some Sequence<Event>) -> State {
        events.reduce(initial, evolve)
    }

    // MARK: Decisions

    /// Creates the first administrator of a new store.
    public static func decideBootstrap(admin: User, state: State) throws(Rejection) -> [Event] {
        guard state.users.isEmpty else {
            if state.users[admin.login] == admin { return [] }
            throw .storeAlreadyInitialized
        }
        return [.userAdded(User(login: admin.login, name: admin.name, role: .admin, unit: nil, email: admin.email))]
    }

    public static func decideAddUnit(_ unit: Unit, by actor: Actor, state: State) throws(Rejection) -> [Event] {
        guard actor.role == .admin else { throw .notPermitted(action: "thêm đơn vị", role: actor.role) }
        if let existing = state.units[unit.id] {
            if existing == unit { return [] }
            throw .unitExists(unit.id)
        }
        return [.unitAdded(unit)]
    }

    public static func decideAddUser(_ user: User, by actor: Actor, state: State) throws(Rejection) -> [Event] {
        guard actor.role == .admin else { throw .notPermitted(action: "thêm người dùng", role: actor.role) }
        if let existing = state.users[user.login] {
            if existing == user { return [] }
            throw .userExists(user.login)
        }
        switch (user.role, user.unit) {
        case (.officer, nil): throw .officerNeedsUnit
        case (.officer, let unit?): guard state.units[unit] != nil else { throw .unknownUnit(unit) }
        case (_, _?): throw .unitOnlyForOfficers
        case (_, nil): break
        }
        return [.userAdded(user)]
    }

    /// An administrator sets anyone's password; a user sets their own.
    public static func decideSetPassword(
        _ login: Login, hash: String, by actor: Actor, now: Date, state: State
    ) throws(Rejection) -> [Event] {
        guard actor.role == .admin || actor.login == login else {
            throw .notPermitted(action: "đặt mật khẩu", role: actor.role)
        }
        guard state.users[login] != nil else { throw .unknownUser(login) }
        return [.passwordSet(PasswordSet(login: login, hash: hash, by: actor.login, at: now))]
    }
}

extension Directory.Event {
    /// The event's stored type name. Stable: never rename one.
    public var typeName: String {
        switch self {
        case .unitAdded: "UnitAdded"
        case .unitUpdated: "UnitUpdated"
        case .userAdded: "UserAdded"
        case .passwordSet: "PasswordSet"
        case .userDeactivated: "UserDeactivated"
        case .userReactivated: "UserReactivated"
        }
    }
}
