import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The leaders' approval queue, and approving and returning reports (from the
/// queue or from a task's page), one at a time or a unit's whole month.
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
        var decide: DecideForms?
    }

    /// The approve and return forms of one report, each with its own command id.
    struct DecideForms {
        var approveID = EventToken.make()
        var returnID = EventToken.make()
        /// The page to come back to afterwards.
        var back: String
    }

    struct Queue { var groups: [Group]; var canDecide: Bool; var empty: Bool }
    /// One unit's month: approved together in one click, each at the revision shown.
    struct Group {
        var unit: String
        var unitName: String
        var period: String
        var items: [QueueItem]
        var count: Int
        var all: String
        var commandID = EventToken.make()
    }

    func queuePage(_ request: Request, _ context: WebContext) throws -> HTML {
        guard let user = context.identity, user.role != .officer else {
            throw WebError(status: .forbidden, message: "trang duyệt báo cáo chỉ dành cho lãnh đạo, đầu mối và kiểm tra")
        }
        let directory = try handler.directory()
        let canDecide = user.role == .leader
        let items = try store.reportsAwaitingDecision().map { r in
            QueueItem(
                task: r.task.rawValue, title: r.title, unit: r.unit.rawValue, period: r.period.vietnamese,
                revision: r.revision, summary: r.summary, percent: r.percentDone.map { "\($0)%" } ?? "",
                by: directory.users[r.submittedBy]?.name ?? r.submittedBy.rawValue, at: Self.moment(r.submittedAt),
                late: r.late, decide: canDecide ? DecideForms(back: "/duyet") : nil)
        }
        var groups: [Group] = []
        for item in items {
            if groups.last?.unit == item.unit && groups.last?.period == item.period {
                groups[groups.count - 1].items.append(item)
            } else {
                let name = directory.units[UnitID(unchecked: item.unit)]?.name ?? item.unit
                groups.append(Group(unit: item.unit, unitName: name, period: item.period, items: [item], count: 0, all: ""))
            }
        }
        for index in groups.indices {
            groups[index].count = groups[index].items.count
            groups[index].all = groups[index].items.map { "\($0.task)|\($0.revision)" }.joined(separator: ",")
        }
        var page = model("Báo cáo chờ duyệt", context, content: Queue(groups: groups, canDecide: canDecide, empty: items.isEmpty))
        page.notice = request.uri.queryParameters.get("xong").flatMap { $0 == "approve" ? "Đã duyệt báo cáo." : $0 == "return" ? "Đã trả lại báo cáo." : nil }
        return try render("queue", page)
    }

    /// Approves or returns one report, as the signed-in user, through the CLI's handler.
    func decide(_ request: Request, _ context: WebContext, approve: Bool) async throws -> Response {
        let form = try await Forms.read(request)
        let session = try context.session(posting: form["csrf"])
        let task: TaskID
        let command: TaskCommand
        do {
            task = try TaskID.parse(form["task"] ?? "")
            let period = try Period.parse(form["period"] ?? "")
            guard let revision = form["revision"].flatMap({ Int($0) }) else {
                throw WebError(status: .badRequest, message: "thiếu lần báo cáo đã xem")
            }
            command = approve
                ? .approve(period: period, revision: revision, note: try Text.optional(form["note"], field: "ý kiến", limit: TextLimit.reason))
                : .returnReport(period: period, revision: revision, reason: try Text.multiLine(form["reason"] ?? "", field: "lý do", limit: TextLimit.reason))
        } catch let error as InputError { throw WebError(status: .badRequest, message: error.message) }
        _ = try await handler.web(command, on: task, as: Login(unchecked: session.login), commandID: form["command_id"])
        let back = Self.localPath(form["back"]) ?? "/duyet"
        return Response.redirect(to: back + (back.contains("?") ? "&" : "?") + "xong=\(approve ? "approve" : "return")", type: .normal)
    }

    /// Approves every report of one unit's month, each at the revision the page showed:
    /// one that changed since is refused (and named), the others are approved.
    func decideAll(_ request: Request, _ context: WebContext) async throws -> HTML {
        let form = try await Forms.read(request)
        let session = try context.session(posting: form["csrf"])
        let period: Period
        do { period = try Period.parse(form["period"] ?? "") } catch { throw WebError(status: .badRequest, message: error.message) }
        var items: [(TaskID, Int)] = []
        for entry in (form["items"] ?? "").split(separator: ",") {
            let parts = entry.split(separator: "|")
            guard parts.count == 2, let id = try? TaskID.parse(String(parts[0])), let revision = Int(parts[1]) else {
                throw WebError(status: .badRequest, message: "danh sách báo cáo gửi lên không đọc được")
            }
            items.append((id, revision))
        }
        var approved: [String] = []
        var refused: [String] = []
        var worst: HTTPResponse.Status = .ok
        let results = try await handler.approveAll(
            items, period: period, as: Login(unchecked: session.login), commandID: form["command_id"])
        for (id, _, outcome) in results {
            switch outcome {
            case .success: approved.append(id.rawValue)
            case .failure(let error):
                refused.append("\(id): \(error.message)")
                if error.status == .forbidden || worst == .ok { worst = error.status }
            }
        }
        var page = model("Duyệt cả tháng", context)
        page.notice = approved.isEmpty ? nil : "Đã duyệt \(approved.count) báo cáo: \(approved.joined(separator: ", "))."
        page.error = refused.isEmpty ? nil : "Không duyệt: " + refused.joined(separator: "; ")
        return try render("done", page, status: worst)
    }

    /// A path on this site to go back to; anything else (another site, `//host`) is ignored.
    static func localPath(_ raw: String?) -> String? {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"),
            raw.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 })
        else { return nil }
        return raw
    }
}
