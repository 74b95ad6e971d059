import ArgumentParser
import Foundation
import RoDomain

struct Assign: TaskAction {
    static let configuration = CommandConfiguration(
        abstract: "Giao một nhiệm vụ cho đơn vị chủ trì (lãnh đạo hoặc đầu mối).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ, ví dụ KH07-II.3.") var task: String
    @Option(help: "Tên nhiệm vụ (một dòng, tối đa \(TextLimit.title) ký tự).") var title: String
    @Option(help: "Mã đơn vị chủ trì.") var lead: String
    @Option(name: .customLong("co"), help: "Mã đơn vị phối hợp (lặp lại cho nhiều đơn vị).") var coUnits: [String] = []
    @Option(help: "Thời hạn hoàn thành, YYYY-MM-DD (hết ngày đó, giờ Việt Nam). Bỏ trống: thường xuyên.") var due: String?
    @Option(help: "Sản phẩm đầu ra dự kiến.") var output: String?

    func command() throws -> TaskCommand {
        .assign(.init(
            title: try Read.line(title, "tên nhiệm vụ", TextLimit.title), lead: try Read.unit(lead),
            coUnits: try coUnits.map(Read.unit), due: try due.map { try Read.due($0) },
            output: try Read.optional(output, "sản phẩm", TextLimit.output)))
    }

    func done(_ task: TaskID) -> String { "Đã giao nhiệm vụ \(task) cho đơn vị \(lead)." }
}

struct Accept: TaskAction {
    static let configuration = CommandConfiguration(abstract: "Tiếp nhận nhiệm vụ (cán bộ đơn vị chủ trì).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Ghi chú.") var note: String?

    func command() throws -> TaskCommand { .accept(note: try Read.optional(note, "ghi chú", TextLimit.reason)) }
    func done(_ task: TaskID) -> String { "Đã tiếp nhận nhiệm vụ \(task)." }
}

struct Decline: TaskAction {
    static let configuration = CommandConfiguration(
        abstract: "Từ chối nhiệm vụ, nêu lý do (cán bộ đơn vị chủ trì); lãnh đạo sẽ giao lại.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Lý do từ chối.") var reason: String

    func command() throws -> TaskCommand { .decline(reason: try Read.text(reason, "lý do", TextLimit.reason)) }
    func done(_ task: TaskID) -> String { "Đã từ chối nhiệm vụ \(task)." }
}

struct Reassign: TaskAction {
    static let configuration = CommandConfiguration(
        abstract: "Giao lại nhiệm vụ cho đơn vị chủ trì khác (lãnh đạo hoặc đầu mối).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Mã đơn vị chủ trì mới.") var to: String
    @Option(help: "Lý do.") var reason: String?

    func command() throws -> TaskCommand {
        .reassign(to: try Read.unit(to), reason: try Read.optional(reason, "lý do", TextLimit.reason))
    }

    func done(_ task: TaskID) -> String { "Đã giao lại nhiệm vụ \(task) cho đơn vị \(to)." }
}

struct Cancel: TaskAction {
    static let configuration = CommandConfiguration(abstract: "Hủy nhiệm vụ, nêu lý do (lãnh đạo).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Lý do hủy.") var reason: String

    func command() throws -> TaskCommand { .cancel(reason: try Read.text(reason, "lý do", TextLimit.reason)) }
    func done(_ task: TaskID) -> String { "Đã hủy nhiệm vụ \(task)." }
}
