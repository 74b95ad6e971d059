import Foundation

/// Deactivating and reactivating users: someone who left the post can no
/// longer sign in or act, while everything they did stays in the history.
extension Directory {
    public struct AccessChanged: Hashable, Codable, Sendable {
        public var login: Login
        /// Why, in the administrator's words (e.g. "chuyển công tác").
        public var reason: String?
        public var by: Login
        public var at: Date
        public init(login: Login, reason: String?, by: Login, at: Date) {
            self.login = login
            self.reason = reason
            self.by = by
            self.at = at
        }
    }

    /// Only an administrator deactivates, never themself; deactivating someone
    /// already deactivated records nothing.
    public static func decideDeactivate(
        _ login: Login, reason: String?, by actor: Actor, now: Date, state: State
    ) throws(Rejection) -> [Event] {
        guard actor.role == .admin else { throw .notPermitted(action: "khóa tài khoản", role: actor.role) }
        guard state.users[login] != nil else { throw .unknownUser(login) }
        guard login != actor.login else { throw .cannotDeactivateSelf }
        guard state.deactivated[login] == nil else { return [] }
        return [.userDeactivated(AccessChanged(login: login, reason: reason, by: actor.login, at: now))]
    }

    /// Only an administrator reactivates; reactivating an active user records nothing.
    public static func decideReactivate(
        _ login: Login, reason: String?, by actor: Actor, now: Date, state: State
    ) throws(Rejection) -> [Event] {
        guard actor.role == .admin else { throw .notPermitted(action: "mở lại tài khoản", role: actor.role) }
        guard state.users[login] != nil else { throw .unknownUser(login) }
        guard state.deactivated[login] != nil else { return [] }
        return [.userReactivated(AccessChanged(login: login, reason: reason, by: actor.login, at: now))]
    }
}
