import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers

struct Indicators: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chỉ tiêu: xem tiến độ so với mục tiêu; ghi giá trị của đơn vị theo dõi.",
        subcommands: [List.self, Record.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chỉ tiêu: giá trị mới nhất so với mục tiêu của năm — đạt, đúng tiến độ hay chậm.",
            discussion: """
                Đạt: giá trị mới nhất đạt mục tiêu năm. Đúng tiến độ: chỉ tiêu đếm số lượng đã đạt phần mục tiêu \
                tương ứng thời gian đã qua trong năm; chỉ tiêu tỷ lệ, chỉ số đạt từ 90% mục tiêu; thứ hạng không kém \
                hơn 10%. Chậm: các trường hợp còn lại, kể cả chưa có số liệu.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Năm (mặc định: năm hiện tại).") var year: String?
        @Option(help: "Chỉ chỉ tiêu do đơn vị này theo dõi.") var unit: String?
        @Option(help: "Chỉ chỉ tiêu của kế hoạch này.") var plan: String?

        func run() throws {
            let now = try store.clock().now()
            let year = try year.map { try Read.int($0, "năm", 2000...2100) } ?? Period.containing(now).year
            let plan = try plan.map { text in try failing { try PlanID.parse(text) } }
            let rows = try failing { try store.open().indicatorStatus(plan: plan, year: year, unit: try unit.map(Read.unit), now: now) }
            if output.json { return Output.json(rows) }
            print("Chỉ tiêu năm \(year)")
            Output.table(["KẾ HOẠCH", "CHỈ TIÊU", "MỤC TIÊU", "MỚI NHẤT", "KỲ", "ĐÁNH GIÁ", "THEO DÕI", "TÊN"], rows.map { row in
                [row.plan, row.id, row.target ?? "—", row.latest.map { $0.formatted(.number.grouping(.never)) } ?? "—",
                 row.latestPeriod ?? "—", row.progress.vietnamese, row.trackedBy, row.name]
            })
        }
    }
}

extension Indicators {
    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ghi giá trị một chỉ tiêu cho một tháng (cán bộ đơn vị theo dõi chỉ tiêu, hoặc đầu mối).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Mã kế hoạch, ví dụ nt-2026.") var plan: String
        @Argument(help: "Mã chỉ tiêu, ví dụ CT20.") var indicator: String
        @Option(help: "Kỳ YYYY-MM.") var period: String
        @Option(help: "Giá trị (dấu phẩy hoặc dấu chấm thập phân).") var value: String
        @Option(help: "Ghi chú, nguồn số liệu.") var note: String?

        func run() throws {
            let planID = try failing { try PlanID.parse(plan) }
            let id = try Read.line(indicator, "mã chỉ tiêu", 64)
            let number = try Read.number(value, "giá trị chỉ tiêu \(id)")
            let period = try Read.period(period)
            let note = try Read.optional(note, "ghi chú", TextLimit.reason)
            let context = try actor.context()
            let handler = try store.handler()
            let outcome = try failing {
                try handler.recordIndicator(number, plan: planID, indicator: id, period: period, note: note, context: context)
            }
            try failing { try handler.store.catchUp() }
            Output.written(outcome, context: context, json: actor.json, done: "Đã ghi chỉ tiêu \(id) kỳ \(period): \(value).")
        }
    }
}
