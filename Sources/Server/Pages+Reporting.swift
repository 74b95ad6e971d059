import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The report form for a lead unit's officers, with evidence files kept by
/// content, and the files themselves.
extension Pages {
    struct ReportForm {
        var task: String; var title: String; var period: String; var summary: String; var percent: String
        var commandID: String
        /// The plan's indicators the task serves: a value for each may go with the report.
        var indicators: [IndicatorField]
    }
    struct IndicatorField { var id: String; var name: String; var field: String }

    func reportForm(_ request: Request, _ context: WebContext) throws -> HTML {
        let (id, state) = try officersTask(request.uri.queryParameters.get("ma"), context)
        let period = Period.containing(handler.clock.now())
        let previous = state.reports[period]
        let names = try indicatorNames(state)
        let form = ReportForm(
            task: id.rawValue, title: state.title, period: period.description,
            summary: previous?.status == .returned ? previous!.summary : "",
            percent: previous?.percentDone.map(String.init) ?? "", commandID: EventToken.make(),
            indicators: state.indicators.map { IndicatorField(id: $0, name: names[$0] ?? "", field: "indicator.\($0)") })
        var page = model("Báo cáo tháng", context, content: form)
        if previous?.status == .returned { page.error = "Báo cáo tháng này bị trả lại: \(previous?.decisionNote ?? "")" }
        if previous?.status == .submitted { page.error = "Báo cáo tháng \(period.vietnamese) đang chờ lãnh đạo duyệt; chưa gửi lại được." }
        return try render("report", page)
    }

    /// The names of the plan's indicators a task serves.
    func indicatorNames(_ state: TaskState) throws -> [String: String] {
        guard let plan = state.plan, !state.indicators.isEmpty, let (loaded, _) = try store.plan(PlanID(unchecked: plan)) else {
            return [:]
        }
        return Dictionary(loaded.indicators.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The task an officer of its lead unit reports on; anyone else is refused.
    func officersTask(_ raw: String?, _ context: WebContext) throws -> (TaskID, TaskState) {
        let (id, state) = try handler.visibleTask(raw, to: context.identity)
        guard let user = context.identity, user.role == .officer, user.unit == state.lead else {
            throw WebError(status: .forbidden, message: "chỉ cán bộ của đơn vị chủ trì được báo cáo nhiệm vụ này")
        }
        return (id, state)
    }

    /// Whether the user could report this month on the task now (the decider is asked).
    func reportOffered(to user: Directory.User?, on state: TaskState, now: Date) -> Bool {
        guard let user, user.role == .officer else { return false }
        let draft = TaskCommand.ReportDraft(period: Period.containing(now), summary: "-")
        return TaskDecider.wouldRecord(.report(draft), DecisionContext(actor: user.actor, now: now, units: []), state)
    }

    func submitReport(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        let session = try context.session(posting: form.field("csrf"))
        let (id, state) = try officersTask(form.field("task"), context)
        let input = ReportInput(
            period: form.field("period") ?? "", summary: form.field("summary") ?? "", percent: form.field("percent"),
            indicators: state.indicators.compactMap { indicator in form.field("indicator.\(indicator)").map { (indicator, $0) } },
            output: form.field("output"))
        _ = try await handler.report(
            input, files: form.files("evidence").map { ($0.filename ?? "", $0.data) }, on: id, state: state,
            as: Login(unchecked: session.login), commandID: form.field("command_id"), evidence: evidence)
        return Response.redirect(to: Self.taskURL(id) + "&xong=report", type: .normal)
    }

    /// An evidence file of a task the user may see (`?ma=TASK`), named as it was sent.
    func evidenceFile(_ request: Request, _ context: WebContext) throws -> Response {
        let hash = context.parameters.get("sha256") ?? ""
        let (id, _) = try visibleTask(request.uri.queryParameters.get("ma") ?? "", context)
        let attached = Self.evidenceFiles(try store.events(of: TaskEvent.streamID(id))).map(\.2)
        guard let file = attached.first(where: { $0.sha256 == hash }), let data = evidence.get(hash) else {
            throw WebError(status: .notFound, message: "nhiệm vụ này không có tệp minh chứng đó")
        }
        let name = file.name.replacingOccurrences(of: "\"", with: "")
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 32 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? hash
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream",
                .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
                .init("X-Content-SHA256")!: hash,
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A monthly report as typed into the form or sent to the API, before it is read.
struct ReportInput {
    var period: String
    var summary: String
    var percent: String?
    /// Indicator id and value as typed (`91,5`); blank values are left out.
    var indicators: [(String, String)]
    var output: String?

    func draft(evidence: [TaskEvent.Evidence]) throws(InputError) -> TaskCommand.ReportDraft {
        let percent = percent?.trimmingCharacters(in: .whitespaces)
        var values: [TaskEvent.IndicatorValue] = []
        for (indicator, raw) in indicators where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            values.append(.init(indicator: indicator, value: try Number.decimal(raw, field: "giá trị chỉ tiêu \(indicator)")))
        }
        return TaskCommand.ReportDraft(
            period: try Period.parse(period),
            summary: try Text.multiLine(summary, field: "nội dung báo cáo", limit: TextLimit.summary),
            percentDone: try percent.flatMap { $0.isEmpty ? nil : $0 }.map { text throws(InputError) in
                try Number.whole(text, field: "phần trăm", in: 0...100)
            },
            indicators: values,
            output: try Text.optional(output, field: "sản phẩm", limit: TextLimit.output),
            evidence: evidence)
    }
}
