import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// A task's page: its six "rõ" (who, what, by when, what product), its monthly
/// reports, what the signed-in user may do to it now, and its full timeline.
extension Pages {
    struct TaskPage {
        var task: String
        var title: String
        var code: String?
        var plan: String?
        var status: String
        var lead: String
        var coUnits: String?
        var deadline: String
        var originalDeadline: String?
        var overdue: Bool
        var output: String?
        var pendingExtension: String?
        var completion: String?
        var lastReason: String?
        var deliverables: [DeliverableLine]
        var reports: [ReportLine]
        var events: [Entry]
        var files: [File]
        var actions: [ActionForm]
        var canReport: Bool
        // Stored, not computed: the templates see stored properties only.
        var hasDeliverables = false
        var hasReports = false
        var hasFiles = false
        var hasActions = false
    }

    struct DeliverableLine { var key: String; var due: String; var status: String }
    struct ReportLine {
        var task: String
        var period: String
        var revision: Int
        var status: String
        var style: String
        var late: Bool
        var summary: String
        var by: String
        var at: String
        var decision: String?
        /// The leader's approve and return forms, for a report awaiting decision.
        var decide: DecideForms?
    }
    struct File { var period: String; var name: String; var sha256: String; var url: String }
    struct Entry { var at: String; var who: String; var text: String; var source: String }

    /// One action's form; `commandID` makes a second tap on the button a repeat, not a second command.
    struct ActionForm { var action: String; var label: String; var commandID: String; var fields: [FieldModel] }
    struct FieldModel {
        var name: String
        var label: String
        var required: Bool
        var isText: Bool
        var isDate: Bool
        var isUnit: Bool
        var options: [Option]
    }
    struct Option { var value: String; var name: String }

    func taskPage(_ request: Request, _ context: WebContext) throws -> HTML {
        guard let raw = request.uri.queryParameters.get("ma") else { return try taskList(request, context) }
        let (id, state) = try visibleTask(raw, context)
        let now = handler.clock.now()
        let directory = try handler.directory()
        let names = directory.units.mapValues(\.name)
        func unit(_ id: UnitID) -> String { names[id].map { "\($0) (\(id))" } ?? id.rawValue }
        let actor = context.identity?.actor
        let records = try store.events(of: TaskEvent.streamID(id))
        let events = records.map { record in
            let who = directory.users[record.metadata.actor.login]?.name ?? record.metadata.actor.login.rawValue
            return Entry(
                at: Self.moment(record.metadata.recordedAt), who: who,
                text: (try? EventCoding.taskEvent(record).sentence) ?? record.type, source: Self.source(record.metadata.source))
        }
        let leader = actor?.role == .leader
        let reports = state.reports.values.sorted { $0.period > $1.period }.map { r in
            let status = Self.status(r)
            return ReportLine(
                task: id.rawValue, period: r.period.vietnamese, revision: r.revision, status: status.text, style: status.style,
                late: r.late, summary: r.summary + (r.percentDone.map { " (tiến độ \($0)%)" } ?? ""),
                by: directory.users[r.submittedBy]?.name ?? r.submittedBy.rawValue, at: Self.moment(r.submittedAt),
                decision: r.decisionNote, decide: leader && r.status == .submitted ? DecideForms(back: Self.taskURL(id)) : nil)
        }
        let files = Self.evidenceFiles(records).map { period, revision, file in
            File(
                period: "\(period.vietnamese), lần \(revision)", name: file.name, sha256: file.sha256,
                url: Self.evidenceURL(file, task: id))
        }
        let actions = actor.map { actionForms(for: $0, on: state, directory: directory, now: now) } ?? []
        var page = TaskPage(
            task: id.rawValue, title: state.title, code: state.code, plan: state.plan, status: state.status.vietnamese,
            lead: unit(state.lead), coUnits: state.coUnits.isEmpty ? nil : state.coUnits.map(unit).joined(separator: "; "),
            deadline: [state.deadlineText, state.due.map { "hết ngày \(Self.day($0))" }].compactMap { $0 }.joined(separator: " — ")
                .nonEmpty ?? "Thường xuyên",
            originalDeadline: state.originalDue != state.due ? state.originalDue.map(Self.day) : nil,
            overdue: state.isOverdue(at: now), output: state.output,
            pendingExtension: state.pendingExtension.map { "đến hết ngày \(Self.day($0.due)) — \($0.reason)" },
            completion: state.completion.map { $0.output + ($0.late ? " (trễ hạn)" : "") },
            lastReason: state.lastReason,
            deliverables: state.deliverables.map { DeliverableLine(key: $0.key, due: Self.day($0.due), status: Self.status($0.status)) },
            reports: reports, events: events, files: files, actions: actions,
            canReport: reportOffered(to: context.identity, on: state, now: now))
        page.hasDeliverables = page.deliverables.count > 1
        page.hasReports = !page.reports.isEmpty
        page.hasFiles = !page.files.isEmpty
        page.hasActions = !page.actions.isEmpty || page.canReport
        var model = model(state.title, context, content: page)
        model.notice = request.uri.queryParameters.get("xong").flatMap(TaskAction.init(rawValue:))?.done
            ?? (request.uri.queryParameters.get("xong") == "report" ? "Đã gửi báo cáo tháng." : nil)
        return try render("task", model)
    }

    /// The forms of what `actor` may do to the task now.
    func actionForms(for actor: Actor, on state: TaskState, directory: Directory.State, now: Date) -> [ActionForm] {
        let units = Set(directory.units.keys)
        let others = directory.units.values.filter { $0.id != state.lead }.sorted { $0.name < $1.name }
            .map { Option(value: $0.id.rawValue, name: $0.name) }
        return TaskAction.allCases.filter { $0.offered(to: actor, on: state, units: units, now: now) }.map { action in
            ActionForm(
                action: action.rawValue, label: action.label, commandID: EventToken.make(),
                fields: action.fields.map { field in
                    FieldModel(
                        name: field.name, label: field.label, required: field.required, isText: field.kind == .text,
                        isDate: field.kind == .date, isUnit: field.kind == .unit, options: field.kind == .unit ? others : [])
                })
        }
    }

    /// Every evidence file the task's reports ever carried, returned revisions' too, oldest first.
    static func evidenceFiles(_ records: [RecordedEvent]) -> [(Period, Int, TaskEvent.Evidence)] {
        records.flatMap { record -> [(Period, Int, TaskEvent.Evidence)] in
            guard case .reportSubmitted(let e) = try? EventCoding.taskEvent(record) else { return [] }
            return (e.evidence ?? []).map { (e.period, e.revision, $0) }
        }
    }

    /// The task of `raw`, if the user may see it: an officer only their own unit's.
    func visibleTask(_ raw: String, _ context: WebContext) throws -> (TaskID, TaskState) {
        try handler.visibleTask(raw, to: context.identity)
    }

    /// Carries out one of the task page's actions, as the signed-in user.
    func taskAction(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Forms.read(request)
        let session = try context.session(posting: form["csrf"])
        guard let action = form["action"].flatMap(TaskAction.init(rawValue:)) else {
            throw WebError(status: .badRequest, message: "không rõ việc cần làm")
        }
        let (id, _) = try visibleTask(form["task"] ?? "", context)
        let command: TaskCommand
        do { command = try action.command { form[$0] } } catch { throw WebError(status: .badRequest, message: error.message) }
        _ = try await handler.web(command, on: id, as: Login(unchecked: session.login), commandID: form["command_id"])
        return Response.redirect(to: Self.taskURL(id) + "&xong=\(action.rawValue)", type: .normal)
    }

    static func taskURL(_ id: TaskID) -> String {
        "/nhiem-vu?ma=" + (id.rawValue.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? id.rawValue)
    }

    static func evidenceURL(_ file: TaskEvent.Evidence, task: TaskID) -> String {
        let query = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return "/minh-chung/\(file.sha256)?ma=\(task.rawValue.addingPercentEncoding(withAllowedCharacters: query) ?? "")"
            + "&ten=\(file.name.addingPercentEncoding(withAllowedCharacters: query) ?? "")"
    }

    static func day(_ due: Date) -> String { LocalDay.containing(due.addingTimeInterval(-1)).vietnamese }

    static func source(_ source: EventSource) -> String {
        switch source {
        case .web: "trang web"
        case .cli: "dòng lệnh"
        case .scheduler: "bộ nhắc việc"
        case .system: "hệ thống"
        }
    }

    static func status(_ report: TaskState.Report) -> (text: String, style: String) {
        switch report.status {
        case .submitted: ("Chờ duyệt", "submitted")
        case .approved: ("Đã duyệt", "approved")
        case .returned: ("Bị trả lại", "returned")
        }
    }

    static func status(_ status: TaskState.DeliverableState.Status) -> String {
        switch status {
        case .open: "chưa xong"
        case .reported: "đã báo cáo, chờ xác nhận"
        case .done: "đã xong"
        }
    }
}

extension String {
    /// The text, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
