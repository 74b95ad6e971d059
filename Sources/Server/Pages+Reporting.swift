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
        /// The plan's indicators the task serves: a value for each may go with the report.
        var indicators: [IndicatorField]
    }
    struct IndicatorField { var id: String; var field: String }

    func reportForm(_ request: Request, _ context: WebContext) throws -> HTML {
        let (id, state) = try officersTask(request.uri.queryParameters.get("ma"), context)
        let previous = state.reports[Period.containing(handler.clock.now())]
        let form = ReportForm(
            task: id.rawValue, title: state.title, period: Period.containing(handler.clock.now()).description,
            summary: previous?.status == .returned ? previous!.summary : "",
            percent: previous?.percentDone.map(String.init) ?? "",
            indicators: state.indicators.map { IndicatorField(id: $0, field: "indicator.\($0)") })
        var page = model("Báo cáo tháng", context, content: form)
        if previous?.status == .returned { page.error = "Báo cáo tháng này bị trả lại: \(previous?.decisionNote ?? "")" }
        return try render("report", page)
    }

    /// The task an officer of its lead unit reports on; anyone else is refused.
    func officersTask(_ raw: String?, _ context: WebContext) throws -> (TaskID, TaskState) {
        guard let raw, let id = try? TaskID.parse(raw) else { throw WebError(status: .badRequest, message: "thiếu hoặc sai mã nhiệm vụ") }
        guard let state = try store.task(id) else { throw WebError(status: .notFound, message: "không có nhiệm vụ '\(raw)'") }
        guard let user = context.identity, user.role == .officer, user.unit == state.lead else {
            throw WebError(status: .forbidden, message: "chỉ cán bộ của đơn vị chủ trì được báo cáo nhiệm vụ này")
        }
        return (id, state)
    }

    func submitReport(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await MultipartForm.read(request)
        let session = try context.session(posting: form.field("csrf"))
        let (id, state) = try officersTask(form.field("task"), context)
        let draft: TaskCommand.ReportDraft
        do {
            let percent = try form.field("percent").flatMap { $0.isEmpty ? nil : $0 }.map { text throws(InputError) -> Int in
                guard let n = Int(text), (0...100).contains(n) else {
                    throw .outOfRange(field: "phần trăm", value: text, range: "0–100")
                }
                return n
            }
            draft = TaskCommand.ReportDraft(
                period: try Period.parse(form.field("period") ?? ""),
                summary: try Text.multiLine(form.field("summary") ?? "", field: "nội dung báo cáo", limit: TextLimit.summary),
                percentDone: percent,
                indicators: try state.indicators.compactMap { indicator throws(InputError) -> TaskEvent.IndicatorValue? in
                    guard let raw = form.field("indicator.\(indicator)")?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
                        return nil
                    }
                    guard let value = Double(raw.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                        throw .malformedNumber(field: "giá trị chỉ tiêu \(indicator)", value: raw)
                    }
                    return TaskEvent.IndicatorValue(indicator: indicator, value: value)
                },
                output: try Text.optional(form.field("output"), field: "sản phẩm", limit: TextLimit.output),
                evidence: try form.files("evidence").map { file throws(EvidenceError) in
                    try evidence.put(file.data, name: file.filename ?? "")
                })
        } catch let error as InputError {
            throw WebError(status: .badRequest, message: error.message)
        } catch let error as EvidenceError {
            throw WebError(status: .badRequest, message: error.message)
        }
        do {
            _ = try handler.execute(.report(draft), on: id, context: CommandContext(login: Login(unchecked: session.login), source: .web))
        } catch {
            throw WebError(status: Self.status(error), message: error.message)
        }
        let query = id.rawValue.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? id.rawValue
        return Response.redirect(to: "/nhiem-vu?ma=\(query)", type: .normal)
    }

    /// An evidence file, to anyone signed in who may read reports.
    func evidenceFile(_ request: Request, _ context: WebContext) throws -> Response {
        let hash = context.parameters.get("sha256") ?? ""
        guard let data = evidence.get(hash) else { throw WebError(status: .notFound, message: "không có tệp minh chứng này") }
        let name = (request.uri.queryParameters.get("ten") ?? hash).replacingOccurrences(of: "\"", with: "")
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
