import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The list of tasks (`/nhiem-vu`), with filters: a unit, a status, overdue
/// only, and a month, whose report state each task shows. An officer sees
/// their own unit's tasks only.
extension Pages {
    struct TaskList {
        var lines: [TaskLine]
        var count: Int
        var empty: Bool
        var period: String
        var key: String
        var units: [Choice]
        var statuses: [Choice]
        var overdue: Bool
        var canFilterUnit: Bool
        var scope: String?
        /// Whether a month was asked for (the list is then of the tasks that owed it).
        var asked: Bool
    }

    struct TaskLine {
        var task: String
        var code: String?
        var title: String
        var lead: String
        var deadline: String
        var status: String
        var overdue: Bool
        var report: String
        var reportStyle: String
    }

    struct Choice { var value: String; var name: String; var selected: Bool }

    func taskList(_ request: Request, _ context: WebContext) throws -> HTML {
        let query = request.uri.queryParameters
        let now = handler.clock.now()
        let period = try Self.period(query.get("ky"), now: now)
        let units = try store.units()
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var unit = try query.get("don-vi").flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let id = try? UnitID.parse(raw), names[id] != nil else {
                throw WebError(status: .notFound, message: "không có đơn vị '\(raw)'")
            }
            return id
        }
        if case .unit(let own) = Self.scope(context) { unit = own }
        if case .nothing = Self.scope(context) { unit = UnitID(unchecked: "-") }
        let status = try query.get("trang-thai").flatMap { $0.isEmpty ? nil : $0 }.map { raw in
            guard let status = TaskStatus(rawValue: raw), status != .none else {
                throw WebError(status: .badRequest, message: "trạng thái '\(raw)' không có")
            }
            return status
        }
        let overdue = query.get("qua-han") == "1"
        // With a month asked for, the tasks that owed its report; without, every task, with this month's report where owed.
        let asked = query.get("ky").map { !$0.isEmpty } ?? false
        let tasks = try store.tasks(
            TaskFilter(unit: unit, status: status, overdueAt: overdue ? now : nil, period: asked ? period : nil), now: now)
        let reports = asked
            ? [:]
            : Dictionary(
                try store.tasks(TaskFilter(unit: unit, period: period), now: now).compactMap { t in t.periodReport.map { (t.id, $0) } },
                uniquingKeysWith: { a, _ in a })
        let lines = tasks.sorted { $0.id.compare($1.id, options: .numeric) == .orderedAscending }.map { summary in
            let report = summary.periodReport ?? reports[summary.id]
            let shown = report.map { Self.status($0.state) }
            return TaskLine(
                task: summary.id, code: summary.code, title: summary.title,
                lead: names[UnitID(unchecked: summary.leadUnit)] ?? summary.leadUnit,
                deadline: Self.deadline(text: summary.deadlineText, due: summary.due), status: summary.status.vietnamese, overdue: summary.overdue,
                report: shown.map { $0.text + (report?.late == true && report?.state != .missing ? " (trễ hạn)" : "") } ?? "Không phải báo cáo",
                reportStyle: shown?.style ?? "none")
        }
        let list = TaskList(
            lines: lines, count: lines.count, empty: lines.isEmpty, period: period.vietnamese, key: period.description,
            units: units.sorted { $0.name < $1.name }.map { Choice(value: $0.id.rawValue, name: $0.name, selected: $0.id == unit) },
            statuses: TaskStatus.allCases.dropFirst().map {
                Choice(value: $0.rawValue, name: $0.vietnamese, selected: $0 == status)
            },
            overdue: overdue, canFilterUnit: context.identity?.role != .officer,
            scope: unit.map { "Nhiệm vụ do \(names[$0] ?? $0.rawValue) chủ trì." }, asked: asked)
        return try render("tasks", model("Nhiệm vụ", context, content: list))
    }
}
