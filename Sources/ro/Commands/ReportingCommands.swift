import ArgumentParser
import Foundation
import RoDomain
import RoHandlers

struct Report: TaskAction {
    static let configuration = CommandConfiguration(
        abstract: "Báo cáo tiến độ tháng (cán bộ đơn vị chủ trì), trước ngày 20 hằng tháng.",
        discussion: "Báo cáo sau hạn vẫn được nhận và được đánh dấu là trễ hạn.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Kỳ báo cáo, YYYY-MM.") var period: String
    @Option(help: "Nội dung báo cáo (tối đa \(TextLimit.summary) ký tự).") var summary: String
    @Option(help: "Phần trăm hoàn thành, 0–100.") var percent: String?
    @Option(name: .customLong("indicator"), help: "Giá trị chỉ tiêu, MÃ=GIÁ_TRỊ (lặp lại được).") var indicators: [String] = []
    @Option(help: "Sản phẩm đã có.") var output: String?
    @Option(help: "Tệp minh chứng (lặp lại được); giữ theo nội dung, cạnh kho dữ liệu, mã SHA-256 ghi vào sự kiện.")
    var evidence: [String] = []

    func command() throws -> TaskCommand {
        let period = try Read.period(period)
        let summary = try Read.text(summary, "nội dung báo cáo", TextLimit.summary)
        let percentDone = try percent.map { try Read.int($0, "phần trăm hoàn thành", 0...100) }
        let output = try Read.optional(output, "sản phẩm", TextLimit.output)
        let files = try evidence.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure("không đọc được tệp minh chứng '\(path)'", .dataError)
            }
            do { return try EvidenceStore(beside: store.path).put(data, name: path) } catch let error as EvidenceError {
                throw Failure(error.message, .dataError)
            }
        }
        return .report(.init(
            period: period, summary: summary, percentDone: percentDone, indicators: try indicators.map(Self.indicator),
            output: output, evidence: files))
    }

    static func indicator(_ text: String) throws -> TaskEvent.IndicatorValue {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw Failure("chỉ tiêu '\(text)' cần dạng MÃ=GIÁ_TRỊ", .dataError)
        }
        let id = try Read.line(parts[0], "mã chỉ tiêu", 64)
        return .init(indicator: id, value: try Read.number(parts[1], "giá trị chỉ tiêu \(id)"))
    }

    func done(_ task: TaskID) -> String { "Đã gửi báo cáo kỳ \(period) của nhiệm vụ \(task)." }
}

struct Approve: TaskAction {
    static let configuration = CommandConfiguration(abstract: "Duyệt báo cáo tháng (lãnh đạo).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Kỳ báo cáo, YYYY-MM.") var period: String
    @Option(help: "Lần báo cáo đã xem; báo cáo đã đổi thì không duyệt.") var revision: String?
    @Option(help: "Ý kiến.") var note: String?

    func command() throws -> TaskCommand {
        .approve(
            period: try Read.period(period), revision: try revision.map { try Read.int($0, "lần báo cáo", 1...999) },
            note: try Read.optional(note, "ý kiến", TextLimit.reason))
    }

    func done(_ task: TaskID) -> String { "Đã duyệt báo cáo kỳ \(period) của nhiệm vụ \(task)." }
}

struct Return: TaskAction {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Trả lại báo cáo tháng (hoặc kết quả hoàn thành) để đơn vị làm lại, nêu lý do (lãnh đạo).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Kỳ báo cáo bị trả lại, YYYY-MM.") var period: String?
    @Flag(help: "Trả lại kết quả hoàn thành thay vì báo cáo tháng.") var completion = false
    @Option(help: "Lần báo cáo đã xem.") var revision: String?
    @Option(help: "Lý do trả lại.") var reason: String

    func validate() throws {
        guard (period != nil) != completion else {
            throw ValidationError("cần đúng một trong hai: --period hoặc --completion")
        }
    }

    func command() throws -> TaskCommand {
        let reason = try Read.text(reason, "lý do", TextLimit.reason)
        guard let period else { return .returnCompletion(reason: reason) }
        return .returnReport(
            period: try Read.period(period), revision: try revision.map { try Read.int($0, "lần báo cáo", 1...999) },
            reason: reason)
    }

    func done(_ task: TaskID) -> String {
        period.map { "Đã trả lại báo cáo kỳ \($0) của nhiệm vụ \(task)." } ?? "Đã trả lại kết quả hoàn thành nhiệm vụ \(task)."
    }
}

struct Complete: TaskAction {
    static let configuration = CommandConfiguration(
        abstract: "Báo cáo hoàn thành nhiệm vụ kèm sản phẩm (cán bộ đơn vị chủ trì).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Sản phẩm đã hoàn thành.") var output: String

    func command() throws -> TaskCommand { .reportCompletion(output: try Read.text(output, "sản phẩm", TextLimit.output)) }
    func done(_ task: TaskID) -> String { "Đã báo cáo hoàn thành nhiệm vụ \(task); chờ lãnh đạo xác nhận." }
}

struct Confirm: TaskAction {
    static let configuration = CommandConfiguration(abstract: "Xác nhận nhiệm vụ đã hoàn thành (lãnh đạo).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Ý kiến.") var note: String?

    func command() throws -> TaskCommand { .confirmCompletion(note: try Read.optional(note, "ý kiến", TextLimit.reason)) }
    func done(_ task: TaskID) -> String { "Đã xác nhận hoàn thành nhiệm vụ \(task)." }
}
