import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// What the API does: report (with evidence files), approve and return (one
/// report or a unit's month), and every action of the task page. Each write
/// may carry a `command_id`: sent again, it appends nothing and answers as the
/// first time did.
extension API {
    /// What `POST /api/approve-month` did with each report.
    struct MonthResult: Encodable {
        struct Refused: Encodable {
            var task: String
            var error: String
        }
        var approved: [WriteResult]
        var refused: [Refused]
    }

    func addWrites(to api: RouterGroup<WebContext>) {
        api.post("/report") { request, context in try await report(request, try Self.user(context)) }
        api.post("/approve") { request, context in
            let body = try await Self.decode(DecisionBody.self, request)
            let note = try WebError.reading { () throws(InputError) in
                try Text.optional(body.note, field: "ý kiến", limit: TextLimit.reason)
            }
            let command = TaskCommand.approve(period: try Self.month(body.period), revision: body.revision, note: note)
            return try await write(command, body.task, body.commandId, try Self.user(context))
        }
        api.post("/return") { request, context in
            let body = try await Self.decode(DecisionBody.self, request)
            let reason = try WebError.reading { () throws(InputError) in
                try Text.multiLine(body.reason ?? "", field: "lý do trả lại", limit: TextLimit.reason)
            }
            let command = TaskCommand.returnReport(
                period: try Self.month(body.period), revision: body.revision, reason: reason)
            return try await write(command, body.task, body.commandId, try Self.user(context))
        }
        api.post("/approve-month") { request, context in try await approveMonth(request, try Self.user(context)) }
        for action in TaskAction.allCases {
            api.post("/\(action.rawValue)") { request, context in
                let body = try await Self.decode(
                    ActionBody.self, request, fields: ["": Set(["task", "command_id"] + action.fields.map(\.name))])
                let fields = ["note": body.note, "reason": body.reason, "due": body.due, "output": body.output, "to": body.to]
                let command = try WebError.reading { () throws(InputError) in try action.command { fields[$0] ?? nil } }
                return try await write(command, body.task, body.commandId, try Self.user(context))
            }
        }
    }

    func write(_ command: TaskCommand, _ task: String, _ commandID: String?, _ user: Directory.User) async throws -> JSON<WriteResult> {
        let id = try Self.task(task)
        let commandID = try CommandHandler.commandID(commandID)
        let outcome = try await handler.web(command, on: id, as: user.login, commandID: commandID)
        return JSON(WriteResult(outcome, commandID: commandID))
    }

    /// `POST /api/report`: the monthly report, its evidence files in base64.
    func report(_ request: Request, _ user: Directory.User) async throws -> JSON<WriteResult> {
        // Room for the files' base64 (a third more than their bytes) and the rest of the body.
        let body = try await Self.decode(ReportBody.self, request, limit: MultipartForm.limit / 3 * 4 + Forms.limit)
        let (id, state) = try visibleTask(body.task, user)
        var files: [(name: String, data: Data)] = []
        for (index, file) in (body.evidence ?? []).enumerated() {
            guard let data = Data(base64Encoded: file.contentBase64) else {
                throw WebError(status: .badRequest, message: "trường 'evidence[\(index)].content_base64' không phải base64")
            }
            files.append((file.name, data))
        }
        let input = ReportInput(
            period: body.period, summary: body.summary, percent: body.percentDone.map(String.init),
            indicators: (body.indicators ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") },
            output: body.output)
        let commandID = try CommandHandler.commandID(body.commandId)
        let outcome = try await handler.report(
            input, files: files, on: id, state: state, as: user.login, commandID: commandID, evidence: evidence)
        return JSON(WriteResult(outcome, commandID: commandID))
    }

    /// `POST /api/approve-month`: every report of a unit's month, each at the
    /// revision given; one that changed since is refused and named, the others approved.
    func approveMonth(_ request: Request, _ user: Directory.User) async throws -> JSON<MonthResult> {
        let body = try await Self.decode(MonthBody.self, request)
        let period = try Self.month(body.period)
        let items = try body.items.map { (try Self.task($0.task), $0.revision) }
        var result = MonthResult(approved: [], refused: [])
        for (id, commandID, outcome) in try await handler.approveAll(items, period: period, as: user.login, commandID: body.commandId) {
            switch outcome {
            case .success(let written): result.approved.append(WriteResult(written, commandID: commandID))
            case .failure(let error) where error.status == .forbidden: throw error
            case .failure(let error): result.refused.append(.init(task: id.rawValue, error: error.message))
            }
        }
        return JSON(result)
    }
}
