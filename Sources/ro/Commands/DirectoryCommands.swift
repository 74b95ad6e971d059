import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tạo kho dữ liệu mới cùng tài khoản quản trị đầu tiên.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Tên đăng nhập của người quản trị.") var admin: String
    @Option(help: "Họ tên người quản trị.") var name: String
    @Option(help: "Email người quản trị.") var email: String?
    @Flag(help: "In kết quả dạng JSON.") var json = false

    func run() throws {
        let user = Directory.User(
            login: try failing { try Login.parse(admin) }, name: try Read.line(name, "họ tên", TextLimit.name),
            role: .admin, unit: nil, email: try email.map(Read.email))
        let clock = try store.clock()
        let database = try failing {
            FileManager.default.fileExists(atPath: store.path)
                ? try SQLiteEventStore.open(at: store.path) : try SQLiteEventStore.create(at: store.path)
        }
        let handler = CommandHandler(store: database, clock: clock)
        let context = CommandContext(login: .system, source: .cli)
        let outcome = try failing { try handler.bootstrap(admin: user, context: context) }
        try failing { try database.catchUp() }
        Output.written(outcome, context: context, json: json, done: "Đã tạo kho dữ liệu \(store.path); quản trị: \(admin).")
    }
}

struct UnitGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Đơn vị: thêm, liệt kê.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm một đơn vị (quản trị).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Mã đơn vị, ví dụ vhxh.") var id: String
        @Option(help: "Tên đơn vị, ví dụ \"Phòng Văn hóa – Xã hội\".") var name: String

        func run() throws {
            let unit = Directory.Unit(id: try Read.unit(id), name: try Read.line(name, "tên đơn vị", TextLimit.name))
            let context = try actor.context()
            let handler = try store.handler()
            let outcome = try failing { try handler.addUnit(unit, context: context) }
            try failing { try handler.store.catchUp() }
            Output.written(outcome, context: context, json: actor.json, done: "Đã thêm đơn vị \(id): \(unit.name).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các đơn vị.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let units = try failing { try store.open().units() }
            if output.json { return Output.json(units) }
            Output.table(["MÃ", "LOẠI", "EMAIL", "TÊN ĐƠN VỊ"], units.map {
                [$0.id.rawValue, $0.kind?.rawValue ?? "", ($0.emails ?? []).joined(separator: ", "), $0.name]
            })
        }
    }
}

struct UserGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Người dùng: thêm, liệt kê, đặt mật khẩu, khóa và mở lại tài khoản.",
        subcommands: [Add.self, List.self, Password.self, Deactivate.self, Reactivate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Thêm người dùng (quản trị). Vai trò: admin, leader, coordinator, officer, auditor.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Tên đăng nhập.") var login: String
        @Option(help: "Họ tên.") var name: String
        @Option(help: "Vai trò: admin, leader, coordinator, officer, auditor.") var role: String
        @Option(help: "Đơn vị (bắt buộc với cán bộ đơn vị).") var unit: String?
        @Option(help: "Email.") var email: String?

        func run() throws {
            let user = Directory.User(
                login: try failing { try Login.parse(login) }, name: try Read.line(name, "họ tên", TextLimit.name),
                role: try failing { try Role.parse(role) }, unit: try unit.map(Read.unit),
                email: try email.map(Read.email))
            let context = try actor.context()
            let handler = try store.handler()
            let outcome = try failing { try handler.addUser(user, context: context) }
            try failing { try handler.store.catchUp() }
            Output.written(
                outcome, context: context, json: actor.json, done: "Đã thêm người dùng \(login) (\(user.role.vietnamese)).")
        }
    }
}
