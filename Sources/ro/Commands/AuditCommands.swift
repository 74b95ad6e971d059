import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toàn bộ lịch sử một nhiệm vụ theo thứ tự: ai làm gì, lúc nào.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String

    func run() throws {
        let id = try Read.task(task)
        guard let entries = try failing({ try HistoryEntry.of(id, in: try store.open()) }) else {
            throw Failure(Rejection.unknownTask(id))
        }
        if output.json { return Output.json(entries) }
        for e in entries {
            let who = (e.actorName.map { "\($0) — " } ?? "") + e.actor + " (" + (Role(rawValue: e.role)?.vietnamese ?? e.role) + (e.unit.map { ", \($0)" } ?? "") + ")"
            let clock = e.simulatedClock ? " [giờ giả lập]" : ""
            print("#\(e.position)  \(CommuneTime.localMinute(e.recordedAt))\(clock)  \(who)  \(e.type)")
            print("    \(e.text)")
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tình hình báo cáo tháng của từng đơn vị: đã duyệt, chờ duyệt, bị trả lại, chưa đến hạn, thiếu, trễ.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Kỳ YYYY-MM (mặc định: tháng hiện tại).") var period: String?

    func run() throws {
        let now = try store.clock().now()
        let period = try period.map(Read.period) ?? Period.containing(now)
        let rows = try failing { try store.open().reportStatus(period, now: now) }
        if output.json { return Output.json(rows) }
        print("Kỳ \(period) — hạn báo cáo: trước ngày \(ReportingRule.standard.beforeDay)/\(period.month)/\(period.year)")
        Output.table(["ĐƠN VỊ", "NHIỆM VỤ", "ĐÃ DUYỆT", "CHỜ DUYỆT", "TRẢ LẠI", "CHƯA ĐẾN HẠN", "THIẾU", "TRỄ", "TÊN ĐƠN VỊ"], rows.map {
            [$0.unit, "\($0.tasks)", "\($0.approved)", "\($0.submitted)", "\($0.returned)", "\($0.pending)", "\($0.missing)", "\($0.late)", $0.unitName]
        })
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra toàn bộ chuỗi băm; báo vị trí hỏng đầu tiên (mã thoát 68).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    struct Result: Encodable {
        var ok: Bool
        var checked: Int64
        var firstBadPosition: Int64?
        var problem: String?
    }

    func run() throws {
        let verification = try failing { try SQLiteEventStore.open(at: store.path, readOnly: true).verify() }
        let brk = verification.firstBreak
        if output.json {
            Output.json(Result(ok: brk == nil, checked: verification.checked, firstBadPosition: brk?.position, problem: brk?.kind.rawValue))
        }
        if let brk { throw Failure(brk.message, .integrity) }
        if !output.json { print("Chuỗi băm nguyên vẹn: đã kiểm tra \(verification.checked) sự kiện.") }
    }
}

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xóa và dựng lại các bảng đọc (projection) từ toàn bộ sự kiện.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let count = try failing { try store.open().rebuild() }
        print("Đã dựng lại các bảng đọc từ \(count) sự kiện.")
    }
}
