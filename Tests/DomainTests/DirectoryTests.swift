import Foundation
import Testing

@testable import RoDomain

@Suite("The directory of units and users")
struct DirectoryTests {
    typealias User = Directory.User
    typealias Unit = Directory.Unit

    static let admin = User(
        login: Fx.admin.login, name: "Quản trị", role: .admin, unit: nil, email: "it@xa.gov.vn")
    static let vhxh = Unit(id: Fx.vhxh, name: "Phòng Văn hóa – Xã hội")
    static let lan = User(login: Fx.officer.login, name: "Nguyễn Thị Lan", role: .officer, unit: Fx.vhxh, email: nil)
    static let chuTich = User(login: Fx.leader.login, name: "Trần Văn Minh", role: .leader, unit: nil, email: nil)
    /// A store with its administrator and one unit.
    static let ready = Directory.fold([.userAdded(admin), .unitAdded(vhxh)])

    // MARK: Bootstrap

    @Test func bootstrapCreatesTheFirstAdministrator() throws {
        let events = try Directory.decideBootstrap(admin: Self.admin, state: Directory.initial)
        #expect(events == [.userAdded(Self.admin)])
        let state = Directory.fold(events)
        #expect(state.users[Self.admin.login]?.actor == Actor(login: Self.admin.login, role: .admin))
        #expect(try Directory.decideBootstrap(admin: Self.admin, state: state) == [])
    }

    @Test func bootstrapMakesTheFirstUserAnAdministratorWithoutUnit() throws {
        let claimed = User(login: Fx.admin.login, name: "Quản trị", role: .leader, unit: Fx.vhxh, email: nil)
        let events = try Directory.decideBootstrap(admin: claimed, state: Directory.initial)
        #expect(events == [.userAdded(User(login: Fx.admin.login, name: "Quản trị", role: .admin, unit: nil, email: nil))])
    }

    @Test func bootstrapOfAnInitializedStoreIsRefused() {
        let other = User(login: Login(unchecked: "ke.khac"), name: "Kẻ khác", role: .admin, unit: nil, email: nil)
        #expect(throws: Rejection.storeAlreadyInitialized) {
            try Directory.decideBootstrap(admin: other, state: Self.ready)
        }
        var renamed = Self.admin
        renamed.name = "Tên khác"
        #expect(throws: Rejection.storeAlreadyInitialized) {
            try Directory.decideBootstrap(admin: renamed, state: Self.ready)
        }
    }

    // MARK: Units

    @Test func theAdministratorAddsAUnit() throws {
        let yte = Unit(id: Fx.yte, name: "Trạm Y tế")
        let events = try Directory.decideAddUnit(yte, by: Fx.admin, state: Self.ready)
        #expect(events == [.unitAdded(yte)])
        let state = Directory.fold([.userAdded(Self.admin), .unitAdded(Self.vhxh)] + events)
        #expect(state.units[Fx.yte] == yte)
        #expect(try Directory.decideAddUnit(yte, by: Fx.admin, state: state) == [])
    }

    @Test(arguments: [Fx.leader, Fx.coordinator, Fx.officer, Fx.auditor])
    func onlyTheAdministratorAddsUnits(actor: Actor) {
        #expect(throws: Rejection.notPermitted(action: "thêm đơn vị", role: actor.role)) {
            try Directory.decideAddUnit(Unit(id: Fx.yte, name: "Trạm Y tế"), by: actor, state: Self.ready)
        }
    }

    @Test func aUnitWithTheSameIdAndAnotherNameIsRefused() {
        #expect(throws: Rejection.unitExists(Fx.vhxh)) {
            try Directory.decideAddUnit(Unit(id: Fx.vhxh, name: "Tên khác"), by: Fx.admin, state: Self.ready)
        }
    }

    // MARK: Users

    @Test func theAdministratorAddsAnOfficerOfAKnownUnit() throws {
        let events = try Directory.decideAddUser(Self.lan, by: Fx.admin, state: Self.ready)
        #expect(events == [.userAdded(Self.lan)])
        let state = Directory.evolve(Self.ready, .userAdded(Self.lan))
        #expect(state.users[Self.lan.login]?.actor == Fx.officer)
        #expect(try Directory.decideAddUser(Self.lan, by: Fx.admin, state: state) == [])
    }

    @Test func theAdministratorAddsALeaderWithoutUnit() throws {
        #expect(try Directory.decideAddUser(Self.chuTich, by: Fx.admin, state: Self.ready) == [.userAdded(Self.chuTich)])
    }

    @Test(arguments: [Fx.leader, Fx.coordinator, Fx.officer, Fx.auditor])
    func onlyTheAdministratorAddsUsers(actor: Actor) {
        #expect(throws: Rejection.notPermitted(action: "thêm người dùng", role: actor.role)) {
            try Directory.decideAddUser(Self.lan, by: actor, state: Self.ready)
        }
    }

    @Test func anOfficerNeedsAUnit() {
        var lan = Self.lan
        lan.unit = nil
        #expect(throws: Rejection.officerNeedsUnit) {
            try Directory.decideAddUser(lan, by: Fx.admin, state: Self.ready)
        }
    }

    @Test func anOfficerOfAnUnknownUnitIsRefused() {
        var lan = Self.lan
        lan.unit = Fx.ghost
        #expect(throws: Rejection.unknownUnit(Fx.ghost)) {
            try Directory.decideAddUser(lan, by: Fx.admin, state: Self.ready)
        }
    }

    @Test(arguments: [Role.admin, .leader, .coordinator, .auditor])
    func onlyOfficersBelongToAUnit(role: Role) {
        let user = User(login: Login(unchecked: "ai.do"), name: "Ai đó", role: role, unit: Fx.vhxh, email: nil)
        #expect(throws: Rejection.unitOnlyForOfficers) {
            try Directory.decideAddUser(user, by: Fx.admin, state: Self.ready)
        }
    }

    @Test func aUserWithTheSameLoginAndOtherDetailsIsRefused() {
        let state = Directory.evolve(Self.ready, .userAdded(Self.lan))
        var moved = Self.lan
        moved.email = "lan@xa.gov.vn"
        #expect(throws: Rejection.userExists(Self.lan.login)) {
            try Directory.decideAddUser(moved, by: Fx.admin, state: state)
        }
        #expect(throws: Rejection.userExists(Self.admin.login)) {
            try Directory.decideAddUser(Self.chuTich.withLogin(Self.admin.login), by: Fx.admin, state: state)
        }
    }

    @Test func eventsHaveStableTypeNames() {
        #expect(Directory.Event.unitAdded(Self.vhxh).typeName == "UnitAdded")
        #expect(Directory.Event.userAdded(Self.lan).typeName == "UserAdded")
        #expect(Directory.streamID == "directory")
    }
}

extension Directory.User {
    fileprivate func withLogin(_ login: Login) -> Directory.User {
        var user = self
        user.login = login
        return user
    }
}
