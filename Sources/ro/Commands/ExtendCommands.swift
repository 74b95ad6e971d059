import ArgumentParser
import Foundation
import RoDomain

struct Extend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gia hạn: đơn vị đề nghị, lãnh đạo đồng ý hoặc từ chối. Hạn ban đầu vẫn được giữ để thống kê.",
        subcommands: [Request.self, Grant.self, Deny.self])

    struct Request: TaskAction {
        static let configuration = CommandConfiguration(abstract: "Đề nghị gia hạn (cán bộ đơn vị chủ trì).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(help: "Hạn mới đề nghị, YYYY-MM-DD.") var due: String
        @Option(help: "Lý do.") var reason: String

        func command() throws -> TaskCommand {
            .requestExtension(due: try Read.due(due, "hạn mới"), reason: try Read.text(reason, "lý do", TextLimit.reason))
        }

        func done(_ task: TaskID) -> String { "Đã gửi đề nghị gia hạn nhiệm vụ \(task) đến \(due)." }
    }

    struct Grant: TaskAction {
        static let configuration = CommandConfiguration(abstract: "Đồng ý gia hạn (lãnh đạo).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(help: "Hạn mới, YYYY-MM-DD (mặc định: hạn đơn vị đề nghị).") var due: String?
        @Option(help: "Ý kiến.") var note: String?

        func command() throws -> TaskCommand {
            .grantExtension(due: try due.map { try Read.due($0, "hạn mới") }, note: try Read.optional(note, "ý kiến", TextLimit.reason))
        }

        func done(_ task: TaskID) -> String { "Đã đồng ý gia hạn nhiệm vụ \(task)." }
    }

    struct Deny: TaskAction {
        static let configuration = CommandConfiguration(abstract: "Từ chối gia hạn, nêu lý do (lãnh đạo).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Mã nhiệm vụ.") var task: String
        @Option(help: "Lý do.") var reason: String

        func command() throws -> TaskCommand { .denyExtension(reason: try Read.text(reason, "lý do", TextLimit.reason)) }
        func done(_ task: TaskID) -> String { "Đã từ chối gia hạn nhiệm vụ \(task)." }
    }
}
