import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoWorkflows

struct PlanGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Kế hoạch: kiểm tra, nạp (và nạp bản sửa đổi), liệt kê, xem.",
        subcommands: [Check.self, Load.self, List.self, Show.self])

    /// Reads a plan file; every fault is a line on standard error, then exit 65.
    static func read(_ path: String) throws -> PlanFile {
        do {
            let file = try PlanFile.read(path: path)
            for warning in file.warnings { FileHandle.standardError.write(Data("ro: \(warning)\n".utf8)) }
            return file
        } catch {
            throw failure(error)
        }
    }

    /// The faults of a file Rõ reads (a plan, the calendar): every one but the
    /// last printed as a line on standard error; the last is the failure (exit 65).
    static func failure(_ error: PlanFileError) -> Failure {
        for issue in error.issues.dropLast() { FileHandle.standardError.write(Data("ro: \(issue)\n".utf8)) }
        return Failure(error.issues.last?.description ?? error.message, .dataError)
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chỉ kiểm tra một tệp kế hoạch: báo từng lỗi kèm dòng, cột và trường; không ghi gì.")

        @Argument(help: "Tệp kế hoạch (YAML).") var file: String

        func run() throws {
            let plan = try PlanGroup.read(file).plan
            let annual = plan.tasks.filter { $0.deadline.deliverables(horizon: plan.horizon.years).count > 1 }.count
            print("Hợp lệ: \(plan.document.number) — \(plan.document.title)")
            print("\(plan.units.count) đơn vị, \(plan.tasks.count) nhiệm vụ (\(annual) có nhiều kỳ hạn), \(plan.indicators.count) chỉ tiêu, thời kỳ \(plan.horizon.from)–\(plan.horizon.to).")
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nạp kế hoạch: công bố và giao nhiệm vụ. Nạp lại tệp đã sửa thì ghi bản sửa đổi; nạp lại y nguyên thì không ghi gì.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOptions
        @Argument(help: "Tệp kế hoạch (YAML).") var file: String

        func run() throws {
            let planFile = try PlanGroup.read(file)
            let context = try actor.context()
            let handler = try store.handler()
            let outcome = try failing { try handler.loadPlan(planFile.plan, digest: planFile.digest, context: context) }
            try failing { try handler.store.catchUp() }
            let types = outcome.events.map(\.type)
            func count(_ type: String) -> Int { types.filter { $0 == type }.count }
            let revision = try failing { try handler.plan(planFile.plan.id) }.revision
            let done = "Đã nạp kế hoạch \(planFile.plan.id), lần \(revision): giao \(count("TaskAssigned")), sửa \(count("TaskRevised")), giao lại \(count("TaskReassigned")), hủy \(count("TaskCancelled")) nhiệm vụ; thêm \(count("UnitAdded")), cập nhật \(count("UnitUpdated")) đơn vị."
            Output.written(outcome, context: context, json: actor.json, done: done)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các kế hoạch đã nạp.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let plans = try failing { try store.open().plans() }
            if output.json { return Output.json(plans) }
            Output.table(["MÃ", "LẦN", "SỐ", "NHIỆM VỤ", "CHỈ TIÊU", "TÊN"], plans.map {
                [$0.id, "\($0.revision)", $0.number, "\($0.tasks)", "\($0.indicators)", $0.title]
            })
        }
    }
}
