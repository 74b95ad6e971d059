import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers

struct TaskGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Xem nhiệm vụ: danh sách, chi tiết.", subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê nhiệm vụ, có thể lọc.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Chỉ nhiệm vụ do đơn vị này chủ trì.") var unit: String?
        @Option(help: "Chỉ nhiệm vụ ở trạng thái: \(TaskStatus.allCases.dropFirst().map(\.rawValue).joined(separator: ", ")).")
        var status: String?
        @Flag(help: "Chỉ nhiệm vụ đã quá hạn mà chưa xong.") var overdue = false
        @Option(help: "Kỳ YYYY-MM: nhiệm vụ phải báo cáo kỳ này, kèm tình trạng báo cáo.") var period: String?

        func run() throws {
            let status = try status.map { text in
                guard let status = TaskStatus(rawValue: text), status != .none else {
                    throw Failure("trạng thái '\(text)' không có", .dataError)
                }
                return status
            }
            let now = try store.clock().now()
            let filter = TaskFilter(
                unit: try unit.map(Read.unit), status: status, overdueAt: overdue ? now : nil,
                period: try period.map(Read.period))
            let database = try store.open()
            if let unit = filter.unit, try failing({ try database.units() }).allSatisfy({ $0.id != unit }) {
                throw Failure(Rejection.unknownUnit(unit))
            }
            let tasks = try failing { try database.tasks(filter, now: now) }
            if output.json { return Output.json(tasks) }
            var header = ["MÃ", "CHỦ TRÌ", "TRẠNG THÁI", "HẠN", "TÊN NHIỆM VỤ"]
            if filter.period != nil { header.insert("BÁO CÁO KỲ", at: 3) }
            Output.table(header, tasks.map { task in
                let due = task.due == nil && task.deadlineText != nil ? task.deadlineText! : Output.day(task.due)
                var row = [task.id, task.leadUnit, task.status.rawValue, due + (task.overdue ? " (quá hạn)" : ""), task.title]
                if let report = task.periodReport { row.insert(report.state.rawValue + (report.late ? " (trễ)" : ""), at: 3) }
                return row
            })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xem chi tiết một nhiệm vụ và các báo cáo tháng.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Mã nhiệm vụ.") var task: String

        func run() throws {
            let id = try Read.task(task)
            guard let state = try failing({ try store.open().task(id) }) else { throw Failure(Rejection.unknownTask(id)) }
            let now = try store.clock().now()
            if output.json { return Output.json(TaskDetail(id: id.rawValue, state: state, overdue: state.isOverdue(at: now))) }
            print("Nhiệm vụ \(id): \(state.title)")
            print("Chủ trì: \(state.lead)" + (state.coUnits.isEmpty ? "" : "; phối hợp: \(state.coUnits.map(\.rawValue).joined(separator: ", "))"))
            print("Trạng thái: \(state.status.vietnamese)" + (state.isOverdue(at: now) ? " — QUÁ HẠN" : ""))
            var due = "Hạn: \(Output.day(state.due))"
            if state.originalDue != state.due { due += " (hạn ban đầu \(Output.day(state.originalDue)))" }
            if let text = state.deadlineText { due += " — theo kế hoạch: \(text)" }
            print(due)
            if state.deliverables.count > 1 {
                print("Các kỳ hạn: " + state.deliverables.map { "\($0.key) (\(CommuneTime.dayOfDeadline($0.due)), \($0.status.rawValue))" }
                    .joined(separator: "; "))
            }
            if let plan = state.plan, let code = state.code { print("Kế hoạch: \(plan), mục \(code)") }
            if let output = state.output { print("Sản phẩm dự kiến: \(output)") }
            if let pending = state.pendingExtension {
                print("Đề nghị gia hạn đang chờ: đến \(Output.day(pending.due)) — \(pending.reason)")
            }
            if let completion = state.completion { print("Sản phẩm hoàn thành: \(completion.output)") }
            if let reason = state.lastReason { print("Lý do gần nhất: \(reason)") }
            guard !state.reports.isEmpty else { return print("Chưa có báo cáo tháng.") }
            print("")
            Output.table(["KỲ", "LẦN", "TÌNH TRẠNG", "GỬI LÚC", "NGƯỜI GỬI", "NỘI DUNG"], state.reports.values.sorted { $0.period < $1.period }.map { r in
                [r.period.description, "\(r.revision)", r.status.vietnamese + (r.late ? " (trễ)" : ""),
                 CommuneTime.localMinute(r.submittedAt), r.submittedBy.rawValue, r.summary]
            })
        }
    }
}
