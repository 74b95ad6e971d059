import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The leaders' approval queue, approving and returning, and a task's timeline.
extension Pages {
    struct QueueItem {
        var task: String
        var title: String
        var unit: String
        var period: String
        var revision: Int
        var summary: String
        var percent: String
        var by: String
        var at: String
        var late: Bool
    }

    struct Queue { var groups: [Group]; var canDecide: Bool; var empty: Bool }
    /// One unit's month: approved together in one click, each at the revision shown.
    struct Group { var unit: String; var period: String; var items: [QueueItem]; var count: Int; var all: String }

    func queuePage(_ context: WebContext) throws -> HTML {
        guard let user = context.identity, user.role != .officer else {
            throw WebError(status: .forbidden, message: "trang duyệt báo cáo chỉ dành cho lãnh đạo, đầu mối và kiểm tra")
        }
        let items = try store.reportsAwaitingDecision().map { r in
            QueueItem(
                task: r.task.rawValue, title: r.title, unit: r.unit.rawValue, period: r.period.vietnamese,
                revision: r.revision, summary: r.summary, percent: r.percentDone.map { "\($0)%" } ?? "",
                by: r.submittedBy.rawValue, at: CommuneTime.localMinute(r.submittedAt), late: r.late)
        }
        var groups: [Group] = []
        for item in items {
            if groups.last?.unit == item.unit && groups.last?.period == item.period {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append(Group(unit: item.unit, period: item.period, items: [item], count: 0, all: ""))
            }
        }
        for index in groups.indices {
            groups[index].count = groups[index].items.count
            groups[index].all = groups[index].items.map { "\($0.task)|\($0.revision)" }.joined(separator: ",")
        }
        let queue = Queue(groups: groups, canDecide: user.role == .leader, empty: items.isEmpty)
        return try render("queue", model("Báo cáo chờ duyệt", context, content: queue))
    }

    /// Approves or returns one report, as the signed-in user, through the CLI's handler.
    func decide(_ request: Request, _ context: WebContext, approve: Bool) async throws -> Response {
        let form = try await Forms.read(request)
        let session = try context.session(posting: form["csrf"])
        let task: TaskID
        let period: Period
        do {
            task = try TaskID.parse(form["task"] ?? "")
            period = try Period.parse(form["period"] ?? "")
        } catch { throw WebError(status: .badRequest, message: error.message) }
        guard let revision = form["revision"].flatMap({ Int($0) }) else {
            throw WebError(status: .badRequest, message: "thiếu lần báo cáo đã xem")
        }
        let command: TaskCommand
        do {
            command = approve
                ? .approve(period: period, revision: revision, note: try Text.optional(form["note"], field: "ý kiến", limit: TextLimit.reason))
                : .returnReport(period: period, revision: revision, reason: try Text.multiLine(form["reason"] ?? "", field: "lý do", limit: TextLimit.reason))
        } catch { throw WebError(status: .badRequest, message: error.message) }
        let context = CommandContext(login: Login(unchecked: session.login), source: .web)
        do {
            _ = try handler.execute(command, on: task, context: context)
        } catch {
            throw WebError(status: Self.status(error), message: error.message)
        }
        return Response.redirect(to: "/duyet", type: .normal)
    }

    /// Approves every report of one unit's month, each at the revision the page showed:
    /// one that changed since is refused (and named), the others are approved.
    func decideAll(_ request: Request, _ context: WebContext) async throws -> HTML {
        let form = try await Forms.read(request)
        let session = try context.session(posting: form["csrf"])
        let period: Period
        do { period = try Period.parse(form["period"] ?? "") } catch { throw WebError(status: .badRequest, message: error.message) }
        var approved: [String] = []
        var refused: [String] = []
        var worst: HTTPResponse.Status = .ok
        for entry in (form["items"] ?? "").split(separator: ",") {
            let parts = entry.split(separator: "|")
            guard parts.count == 2, let id = try? TaskID.parse(String(parts[0])), let revision = Int(parts[1]) else {
                throw WebError(status: .badRequest, message: "danh sách báo cáo gửi lên không đọc được")
            }
            do {
                _ = try handler.execute(
                    .approve(period: period, revision: revision, note: nil), on: id,
                    context: CommandContext(login: Login(unchecked: session.login), source: .web))
                approved.append(id.rawValue)
            } catch {
                refused.append("\(id): \(error.message)")
                let status = Self.status(error)
                if status == .forbidden || worst == .ok { worst = status }
            }
        }
        var page = model("Duyệt cả tháng", context)
        page.notice = approved.isEmpty ? nil : "Đã duyệt \(approved.count) báo cáo: \(approved.joined(separator: ", "))."
        page.error = refused.isEmpty ? nil : "Không duyệt: " + refused.joined(separator: "; ")
        return try render("error", page, status: worst)
    }

    /// The status code of a refusal: not allowed, not found, or the report changed since the page was drawn.
    static func status(_ error: CommandError) -> HTTPResponse.Status {
        switch error {
        case .rejected(let rejection):
            if rejection.isNotFound { return .notFound }
            switch rejection {
            case .notPermitted, .notLeadUnitOfficer: return .forbidden
            default: return .conflict
            }
        case .store(.conflict): return .conflict
        case .store: return .internalServerError
        }
    }

    struct Timeline {
        var task: String; var title: String; var status: String; var lead: String; var events: [Entry]; var files: [File]
        var canReport: Bool
        var hasFiles: Bool { !files.isEmpty }
    }
    struct File { var period: String; var name: String; var sha256: String; var url: String }
    struct Entry { var at: String; var who: String; var text: String; var source: String }

    func taskPage(_ request: Request, _ context: WebContext) throws -> HTML {
        guard let raw = request.uri.queryParameters.get("ma"), let id = try? TaskID.parse(raw) else {
            throw WebError(status: .badRequest, message: "thiếu hoặc sai mã nhiệm vụ")
        }
        guard let state = try store.task(id) else { throw WebError(status: .notFound, message: "không có nhiệm vụ '\(raw)'") }
        if let user = context.identity, user.role == .officer, user.unit != state.lead {
            throw WebError(status: .forbidden, message: "cán bộ chỉ xem nhiệm vụ của đơn vị mình")
        }
        let events = try store.events(of: TaskEvent.streamID(id)).map { record in
            Entry(
                at: CommuneTime.localMinute(record.metadata.recordedAt), who: record.metadata.actor.login.rawValue,
                text: (try? EventCoding.taskEvent(record).sentence) ?? record.type, source: record.metadata.source.rawValue)
        }
        let files = state.reports.values.sorted { $0.period < $1.period }.flatMap { report in
            (report.evidence ?? []).map { file in
                File(
                    period: report.period.vietnamese, name: file.name, sha256: file.sha256,
                    url: "/minh-chung/\(file.sha256)?ten=\(file.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
        }
        let canReport = context.identity?.role == .officer && context.identity?.unit == state.lead
        let timeline = Timeline(
            task: id.rawValue, title: state.title, status: state.status.vietnamese, lead: state.lead.rawValue, events: events,
            files: files, canReport: canReport)
        return try render("task", model(state.title, context, content: timeline))
    }
}
