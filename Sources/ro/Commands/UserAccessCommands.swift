import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers

extension UserGroup {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê người dùng, cả tài khoản đã khóa.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        /// One user as `--json` prints it: the user's fields and, if locked, since when.
        struct Listed: Encodable {
            var login: String
            var name: String
            var role: String
            var unit: String?
            var email: String?
            var deactivatedAt: Date?
        }

        func run() throws {
            let database = try store.open()
            let users = try failing { try database.users() }
            let deactivated = try failing { try database.deactivatedUsers() }
            let listed = users.map {
                Listed(
                    login: $0.login.rawValue, name: $0.name, role: $0.role.rawValue, unit: $0.unit?.rawValue,
                    email: $0.email, deactivatedAt: deactivated[$0.login])
            }
            if output.json { return Output.json(listed) }
            Output.table(
                ["TÊN ĐĂNG NHẬP", "HỌ TÊN", "VAI TRÒ", "ĐƠN VỊ", "EMAIL", "TRẠNG THÁI"],
                listed.map {
                    let status = $0.deactivatedAt.map { "đã khóa từ \(CommuneTime.localMinute($0))" } ?? "đang dùng"
                    return [$0.login, $0.name, $0.role, $0.unit ?? "", $0.email ?? "", status]
                })
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khóa tài khoản của người thôi đảm nhiệm (quản trị).",
            discussion: """
                Người bị khóa không đăng nhập, không thao tác và không nhận email nhắc việc được nữa; \
                phiên đăng nhập trên web của họ chấm dứt ngay. Mọi việc họ đã làm vẫn còn trong lịch sử.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Tên đăng nhập của người bị khóa.") var login: String
        @Option(help: "Lý do, ví dụ \"chuyển công tác\".") var reason: String?

        func run() throws {
            try UserGroup.setAccess(login, active: false, reason: reason, store, actor, done: "Đã khóa tài khoản \(login).")
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở lại một tài khoản đã khóa (quản trị).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Tên đăng nhập.") var login: String
        @Option(help: "Lý do.") var reason: String?

        func run() throws {
            try UserGroup.setAccess(login, active: true, reason: reason, store, actor, done: "Đã mở lại tài khoản \(login).")
        }
    }

    static func setAccess(
        _ login: String, active: Bool, reason: String?, _ store: StoreOptions, _ actor: ActorOptions, done: String
    ) throws {
        let target = try failing { try Login.parse(login) }
        let reason = try Read.optional(reason, "lý do", TextLimit.reason)
        let context = try actor.context()
        let handler = try store.handler()
        let outcome = try failing { try handler.setAccess(target, active: active, reason: reason, context: context) }
        try failing { try handler.store.catchUp() }
        Output.written(outcome, context: context, json: actor.json, done: done)
    }
}
