import ArgumentParser
import Foundation
import RoDomain
import RoEventStore

extension PlanGroup {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xem một kế hoạch: văn bản, đơn vị, nhiệm vụ với thời hạn đã quy đổi, chỉ tiêu theo năm.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Mã kế hoạch.") var id: String

        struct Detail: Encodable {
            var revision: Int
            var plan: Plan
            var deliverables: [String: [Deadline.Deliverable]]
        }

        func run() throws {
            let planID = try failing { try PlanID.parse(id) }
            guard let (plan, revision) = try failing({ try store.open().plan(planID) }) else {
                throw Failure("không có kế hoạch '\(id)'", .notFound)
            }
            let deliverables = Dictionary(plan.tasks.map { ($0.code, $0.deadline.deliverables(horizon: plan.horizon.years)) },
                                          uniquingKeysWith: { a, _ in a })
            if output.json { return Output.json(Detail(revision: revision, plan: plan, deliverables: deliverables)) }
            print("\(plan.document.number) ngày \(plan.document.date) — \(plan.document.title)")
            print("\(plan.commune.name)\(plan.commune.province.map { ", \($0)" } ?? ""); thời kỳ \(plan.horizon.from)–\(plan.horizon.to); lần sửa đổi \(revision)")
            print("Báo cáo tháng: \(plan.reporting.text) (hạn: 00:00 ngày \(plan.reporting.rule.beforeDay) hằng tháng, giờ Việt Nam); đầu mối: \(plan.coordinator)")
            print("")
            Output.table(["MÃ", "CHỦ TRÌ", "PHỐI HỢP", "THỜI HẠN", "HẠN CỤ THỂ", "NHIỆM VỤ"], plan.tasks.map { task in
                let dues = deliverables[task.code]?.map { CommuneTime.dayOfDeadline($0.due) } ?? []
                let resolved = dues.isEmpty ? (task.deadline == .onInstruction ? "chờ văn bản" : "—")
                    : dues.count > 2 ? "\(dues[0]) … \(dues[dues.count - 1]) (\(dues.count) kỳ)" : dues.joined(separator: ", ")
                return [task.code, task.lead.rawValue, task.coUnits.map(\.rawValue).joined(separator: ","),
                        task.deadlineText, resolved, task.title]
            })
            guard !plan.indicators.isEmpty else { return }
            print("")
            Output.table(["CHỈ TIÊU", "ĐO", "THEO DÕI", "MỤC TIÊU", "TÊN"], plan.indicators.map { indicator in
                [indicator.id, indicator.measure.rawValue, indicator.trackedBy.rawValue,
                 indicator.targets.map { "\($0.year): \($0.text)" }.joined(separator: "; "), indicator.name]
            })
        }
    }
}

struct Trigger: TaskAction {
    static let configuration = CommandConfiguration(
        abstract: "Ghi nhận văn bản của cấp trên đặt thời hạn cho nhiệm vụ \"khi có văn bản của cấp trên\" (lãnh đạo hoặc đầu mối).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Mã nhiệm vụ.") var task: String
    @Option(help: "Văn bản, ví dụ \"Công văn số 123/UBND-VP ngày 02/3/2026\".") var document: String
    @Option(help: "Thời hạn văn bản đặt ra, YYYY-MM-DD.") var due: String

    func command() throws -> TaskCommand {
        .trigger(document: try Read.line(document, "văn bản", TextLimit.name), due: try Read.due(due))
    }

    func done(_ task: TaskID) -> String { "Đã ghi nhận văn bản \(document): nhiệm vụ \(task) có hạn \(due)." }
}

