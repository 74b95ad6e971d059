import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// Commands from the pages and the API: the same handler as the CLI, with the
/// user as actor and `web` as source, under the command id the form or the
/// request carried (sent twice, carried out once); refusals become a
/// ``WebError`` with their status code.
extension CommandHandler {
    func web(_ command: TaskCommand, on task: TaskID, as login: Login, commandID: String?) async throws -> CommandOutcome {
        let context = CommandContext(login: login, commandID: try Self.commandID(commandID), source: .web)
        do { return try await execute(command, on: task, context: context) } catch {
            throw WebError(status: Self.status(error), message: error.message)
        }
    }

    /// Approves each report of a month at the revision given, each under its
    /// own id derived from `commandID`, so that sending the same request again
    /// repeats nothing; a report that changed since is refused, not overwritten.
    func approveAll(
        _ items: [(TaskID, Int)], period: Period, as login: Login, commandID: String?
    ) async throws -> [(task: TaskID, commandID: String, outcome: Result<CommandOutcome, WebError>)] {
        let base = try Self.commandID(commandID)
        let commands = items.enumerated().map { index, item in
            (TaskCommand.approve(period: period, revision: item.1, note: nil), item.0,
             CommandContext(login: login, commandID: "\(base).\(index)", source: .web))
        }
        let outcomes = try await executeAll(commands)
        return zip(commands, outcomes).map { command, outcome in
            (command.1, command.2.commandID, outcome.mapError { WebError(status: Self.status($0), message: $0.message) })
        }
    }

    /// A monthly report with its evidence files. A repeated command id answers
    /// as the first time; otherwise the report is read and put to the decider
    /// before any file is kept, so a refused report leaves nothing behind; the
    /// files reach the disk before the event that names them.
    func report(
        _ input: ReportInput, files: [(name: String, data: Data)], on task: TaskID, state: TaskState, as login: Login,
        commandID: String?, evidence: EvidenceStore
    ) async throws -> CommandOutcome {
        let context = CommandContext(login: login, commandID: try Self.commandID(commandID), source: .web)
        var draft: TaskCommand.ReportDraft
        do { draft = try input.draft(evidence: []) } catch { throw WebError(status: .badRequest, message: error.message) }
        do { draft.evidence = try files.map { file throws(EvidenceError) in try evidence.describe(file.data, name: file.name) } } catch {
            throw WebError(status: .badRequest, message: error.message)
        }
        do throws(CommandError) {
            if let prior = try priorOutcome(of: .report(draft), on: task, context: context) { return prior }
            guard let user = try directory().activeUser(login) else { throw CommandError.rejected(.userDeactivated(login)) }
            do throws(Rejection) {
                _ = try TaskDecider.decide(.report(draft), DecisionContext(actor: user.actor, now: clock.now(), units: []), state)
            } catch { throw .rejected(error) }
        } catch {
            throw WebError(status: Self.status(error), message: error.message)
        }
        do { for file in files { _ = try evidence.put(file.data, name: file.name) } } catch {
            throw WebError(status: .internalServerError, message: error.message)
        }
        do { return try await execute(.report(draft), on: task, context: context) } catch {
            throw WebError(status: Self.status(error), message: error.message)
        }
    }

    /// The task of `raw`, if `user` may see it: an officer only their own unit's.
    func visibleTask(_ raw: String?, to user: Directory.User?) throws -> (TaskID, TaskState) {
        guard let raw, let id = try? TaskID.parse(raw) else {
            throw WebError(status: .badRequest, message: "thiếu hoặc sai mã nhiệm vụ" + (raw.flatMap { $0.isEmpty ? nil : " '\($0)'" } ?? ""))
        }
        guard let state = try store.task(id) else { throw WebError(status: .notFound, message: "không có nhiệm vụ '\(id)'") }
        if let user, user.role == .officer, user.unit != state.lead {
            throw WebError(status: .forbidden, message: "cán bộ chỉ xem nhiệm vụ của đơn vị mình")
        }
        return (id, state)
    }

    /// A command id sent with a form or a request; a new one when none was sent.
    static func commandID(_ raw: String?) throws -> String {
        guard let raw else { return EventID.make() }
        guard !raw.isEmpty, raw.count <= 100, raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) else {
            throw WebError(status: .badRequest, message: "mã lệnh '\(raw.prefix(100))' không hợp lệ")
        }
        return raw
    }

    /// The status code of a refusal: not allowed, not found, or the data changed since the page was drawn.
    static func status(_ error: CommandError) -> HTTPResponse.Status {
        switch error {
        case .rejected(let rejection):
            if rejection.isNotFound { return .notFound }
            switch rejection {
            case .notPermitted, .notLeadUnitOfficer, .userDeactivated: return .forbidden
            default: return .conflict
            }
        case .store(.conflict), .store(.commandIDReused): return .conflict
        case .store: return .internalServerError
        }
    }
}
