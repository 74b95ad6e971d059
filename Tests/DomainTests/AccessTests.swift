import Foundation
import Testing

@testable import RoDomain

/// Deactivating someone who left the post, and reactivating them: given the
/// directory's events, when the command, then the events; again, nothing.
@Suite("Deactivating and reactivating users")
struct AccessTests {
    static let admin = Directory.User(login: Fx.admin.login, name: "Quản trị", role: .admin, unit: nil, email: nil)
    static let lan = Directory.User(
        login: Fx.officer.login, name: "Nguyễn Thị Lan", role: .officer, unit: Fx.vhxh, email: "lan@xa.gov.vn")
    static let given: [Directory.Event] = [
        .userAdded(admin), .unitAdded(.init(id: Fx.vhxh, name: "Phòng Văn hóa – Xã hội")), .userAdded(lan),
    ]
    static let at = Fx.midNov

    @Test func theAdministratorDeactivatesAUserWhoLeftAndTheirRecordStays() throws {
        let state = Directory.fold(Self.given)
        let events = try Directory.decideDeactivate(
            Self.lan.login, reason: "chuyển công tác", by: Fx.admin, now: Self.at, state: state)
        #expect(events == [.userDeactivated(.init(login: Self.lan.login, reason: "chuyển công tác", by: Fx.admin.login, at: Self.at))])
        let after = Directory.fold(Self.given + events)
        #expect(after.activeUser(Self.lan.login) == nil)
        #expect(after.users[Self.lan.login] == Self.lan, "the user's record is kept for the history")
        #expect(after.deactivated[Self.lan.login] == Self.at)
        #expect(try Directory.decideDeactivate(Self.lan.login, reason: nil, by: Fx.admin, now: Self.at, state: after) == [])
    }

    @Test func aDeactivatedUserIsReactivatedOnce() throws {
        let locked = Self.given + [.userDeactivated(.init(login: Self.lan.login, reason: nil, by: Fx.admin.login, at: Self.at))]
        let later = Self.at.addingTimeInterval(86_400)
        let events = try Directory.decideReactivate(
            Self.lan.login, reason: "trở lại", by: Fx.admin, now: later, state: Directory.fold(locked))
        #expect(events == [.userReactivated(.init(login: Self.lan.login, reason: "trở lại", by: Fx.admin.login, at: later))])
        let after = Directory.fold(locked + events)
        #expect(after.activeUser(Self.lan.login) == Self.lan)
        #expect(try Directory.decideReactivate(Self.lan.login, reason: nil, by: Fx.admin, now: later, state: after) == [])
    }

    @Test(arguments: [Fx.leader, Fx.coordinator, Fx.officer, Fx.auditor])
    func onlyTheAdministratorChangesAccess(actor: Actor) {
        let state = Directory.fold(Self.given)
        #expect(throws: Rejection.notPermitted(action: "khóa tài khoản", role: actor.role)) {
            try Directory.decideDeactivate(Self.lan.login, reason: nil, by: actor, now: Self.at, state: state)
        }
        #expect(throws: Rejection.notPermitted(action: "mở lại tài khoản", role: actor.role)) {
            try Directory.decideReactivate(Self.lan.login, reason: nil, by: actor, now: Self.at, state: state)
        }
    }

    @Test func anUnknownUserAndTheAdministratorThemselfAreRefused() {
        let state = Directory.fold(Self.given)
        let ghost = Login(unchecked: "khong.co")
        #expect(throws: Rejection.unknownUser(ghost)) {
            try Directory.decideDeactivate(ghost, reason: nil, by: Fx.admin, now: Self.at, state: state)
        }
        #expect(throws: Rejection.unknownUser(ghost)) {
            try Directory.decideReactivate(ghost, reason: nil, by: Fx.admin, now: Self.at, state: state)
        }
        #expect(throws: Rejection.cannotDeactivateSelf) {
            try Directory.decideDeactivate(Fx.admin.login, reason: nil, by: Fx.admin, now: Self.at, state: state)
        }
    }

    @Test func theEventsHaveStableNamesAndTheRejectionsReadAsOneLine() {
        let change = Directory.AccessChanged(login: Self.lan.login, reason: nil, by: Fx.admin.login, at: Self.at)
        #expect(Directory.Event.userDeactivated(change).typeName == "UserDeactivated")
        #expect(Directory.Event.userReactivated(change).typeName == "UserReactivated")
        #expect(Rejection.userDeactivated(Self.lan.login).message == "tài khoản 'lan.vhxh' đã bị khóa")
        #expect(!Rejection.cannotDeactivateSelf.message.contains("\n"))
    }
}
