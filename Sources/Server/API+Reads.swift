import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// What the API reads: the month's status, tasks, one task, its history and
/// the reports awaiting a decision. An officer reads their own unit only.
extension API {
    /// A report awaiting a leader's decision, as `GET /api/queue` lists it.
    struct Awaiting: Encodable {
        var task: String
        var title: String
        var unit: String
        var period: String
        var revision: Int
        var summary: String
        var percentDone: Int?
        var submittedBy: String
        var submittedAt: Date
        var late: Bool
    }

    func addReads(to api: RouterGroup<WebContext>) {
        api.get("/status") { request, context in
            let user = try Self.user(context)
            try Self.query(request, allows: ["period"])
            let now = handler.clock.now()
            let period = try Self.period(request.uri.queryParameters.get("period"), now: now)
            return JSON(try handler.store.reportStatus(period, now: now).filter { status in
                user.role != .officer || status.unit == user.unit?.rawValue
            })
        }
        api.get("/tasks") { request, context in try tasks(request, try Self.user(context)) }
        api.get("/task") { request, context in
            try Self.query(request, allows: ["id"])
            let (id, state) = try visibleTask(request.uri.queryParameters.get("id"), try Self.user(context))
            return JSON(TaskDetail(id: id.rawValue, state: state, overdue: state.isOverdue(at: handler.clock.now())))
        }
        api.get("/history") { request, context in
            try Self.query(request, allows: ["task"])
            let (id, _) = try visibleTask(request.uri.queryParameters.get("task"), try Self.user(context))
            return JSON(try HistoryEntry.of(id, in: handler.store) ?? [])
        }
        api.get("/queue") { request, context in
            let user = try Self.user(context)
            try Self.query(request, allows: [])
            guard user.role != .officer else {
                throw WebError(status: .forbidden, message: "danh sách chờ duyệt chỉ dành cho lãnh đạo, đầu mối và kiểm tra")
            }
            return JSON(try handler.store.reportsAwaitingDecision().map { r in
                Awaiting(
                    task: r.task.rawValue, title: r.title, unit: r.unit.rawValue, period: r.period.description,
                    revision: r.revision, summary: r.summary, percentDone: r.percentDone, submittedBy: r.submittedBy.rawValue,
                    submittedAt: r.submittedAt, late: r.late)
            })
        }
    }

    /// `GET /api/tasks?unit=&status=&period=&overdue=true`, as `ro task list --json`.
    func tasks(_ request: Request, _ user: Directory.User) throws -> JSON<[TaskSummary]> {
        try Self.query(request, allows: ["unit", "status", "period", "overdue"])
        let query = request.uri.queryParameters
        let now = handler.clock.now()
        var unit: UnitID?
        if let raw = query.get("unit") {
            do { unit = try UnitID.parse(raw) } catch { throw WebError(status: .badRequest, message: error.message) }
        }
        if user.role == .officer {
            guard unit == nil || unit == user.unit else {
                throw WebError(status: .forbidden, message: "cán bộ chỉ xem nhiệm vụ của đơn vị mình")
            }
            unit = user.unit ?? UnitID(unchecked: "-")
        }
        var status: TaskStatus?
        if let raw = query.get("status") {
            guard let known = TaskStatus(rawValue: raw), known != .none else {
                throw WebError(status: .badRequest, message: "trạng thái '\(raw)' không có")
            }
            status = known
        }
        let overdue = query.get("overdue")
        guard overdue == nil || overdue == "true" || overdue == "false" else {
            throw WebError(status: .badRequest, message: "overdue phải là true hoặc false")
        }
        let period = try query.get("period").map { try Self.period($0, now: now) }
        return JSON(try handler.store.tasks(
            TaskFilter(unit: unit, status: status, overdueAt: overdue == "true" ? now : nil, period: period), now: now))
    }

    /// Refuses a query parameter the call does not take: a misspelt filter must not silently list everything.
    static func query(_ request: Request, allows names: Set<String>) throws {
        for (name, _) in request.uri.queryParameters where !names.contains(String(name)) {
            throw WebError(status: .badRequest, message: "không có tham số '\(name)'")
        }
    }

    func visibleTask(_ raw: String?, _ user: Directory.User) throws -> (TaskID, TaskState) {
        try handler.visibleTask(raw, to: user)
    }
}
