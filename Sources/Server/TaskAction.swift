import Foundation
import RoDomain

/// What a person does to a task from the task page or the API, besides
/// reporting and deciding on reports: each action names its fields, reads them
/// into a ``TaskCommand`` the same way for a form and for JSON, and says in
/// Vietnamese what was done.
///
/// Whether to offer an action is asked of the decider itself (``offered``), so
/// the page never shows a button the rules would refuse, and no rule is written twice.
enum TaskAction: String, CaseIterable, Sendable {
    case accept
    case decline
    case reassign
    case requestExtension = "extension-request"
    case grantExtension = "extension-grant"
    case denyExtension = "extension-deny"
    case complete
    case confirm
    case returnCompletion = "completion-return"
    case cancel

    /// One input of an action's form.
    struct Field: Sendable {
        enum Kind: Sendable { case text, date, unit }
        var name: String
        var label: String
        var kind: Kind
        var required: Bool
    }

    var fields: [Field] {
        let reason = Field(name: "reason", label: "Lý do", kind: .text, required: true)
        let note = Field(name: "note", label: "Ý kiến", kind: .text, required: false)
        switch self {
        case .accept: return [Field(name: "note", label: "Ghi chú", kind: .text, required: false)]
        case .decline, .denyExtension, .returnCompletion, .cancel: return [reason]
        case .reassign:
            return [Field(name: "to", label: "Giao cho đơn vị", kind: .unit, required: true),
                    Field(name: "reason", label: "Lý do", kind: .text, required: false)]
        case .requestExtension:
            return [Field(name: "due", label: "Hạn mới đề nghị", kind: .date, required: true), reason]
        case .grantExtension:
            return [Field(name: "due", label: "Hạn mới (để trống: theo đề nghị)", kind: .date, required: false), note]
        case .complete: return [Field(name: "output", label: "Sản phẩm đã hoàn thành", kind: .text, required: true)]
        case .confirm: return [note]
        }
    }

    /// The button.
    var label: String {
        switch self {
        case .accept: "Tiếp nhận nhiệm vụ"
        case .decline: "Từ chối nhiệm vụ"
        case .reassign: "Giao lại cho đơn vị khác"
        case .requestExtension: "Đề nghị gia hạn"
        case .grantExtension: "Đồng ý gia hạn"
        case .denyExtension: "Từ chối gia hạn"
        case .complete: "Báo cáo hoàn thành"
        case .confirm: "Xác nhận hoàn thành"
        case .returnCompletion: "Trả lại kết quả hoàn thành"
        case .cancel: "Hủy nhiệm vụ"
        }
    }

    /// What the page says once it is done.
    var done: String {
        switch self {
        case .accept: "Đã tiếp nhận nhiệm vụ."
        case .decline: "Đã từ chối nhiệm vụ."
        case .reassign: "Đã giao lại nhiệm vụ."
        case .requestExtension: "Đã gửi đề nghị gia hạn."
        case .grantExtension: "Đã đồng ý gia hạn."
        case .denyExtension: "Đã từ chối gia hạn."
        case .complete: "Đã báo cáo hoàn thành, chờ lãnh đạo xác nhận."
        case .confirm: "Đã xác nhận hoàn thành."
        case .returnCompletion: "Đã trả lại kết quả hoàn thành."
        case .cancel: "Đã hủy nhiệm vụ."
        }
    }

    /// The command, read from the values a form or a JSON body gives by field name.
    func command(_ value: (String) -> String?) throws(InputError) -> TaskCommand {
        func reason(_ field: String = "lý do") throws(InputError) -> String {
            try Text.multiLine(value("reason") ?? "", field: field, limit: TextLimit.reason)
        }
        func optional(_ name: String, _ field: String) throws(InputError) -> String? {
            try Text.optional(value(name), field: field, limit: TextLimit.reason)
        }
        func due(required: Bool) throws(InputError) -> Date? {
            guard let text = value("due")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                if required { throw .empty(field: "hạn mới") }
                return nil
            }
            return try CommuneTime.deadline(fromDate: text, field: "hạn mới")
        }
        switch self {
        case .accept: return .accept(note: try optional("note", "ghi chú"))
        case .decline: return .decline(reason: try reason())
        case .reassign: return .reassign(to: try UnitID.parse(value("to") ?? ""), reason: try optional("reason", "lý do"))
        case .requestExtension: return .requestExtension(due: try due(required: true)!, reason: try reason())
        case .grantExtension: return .grantExtension(due: try due(required: false), note: try optional("note", "ý kiến"))
        case .denyExtension: return .denyExtension(reason: try reason())
        case .complete:
            return .reportCompletion(output: try Text.multiLine(value("output") ?? "", field: "sản phẩm", limit: TextLimit.output))
        case .confirm: return .confirmCompletion(note: try optional("note", "ý kiến"))
        case .returnCompletion: return .returnCompletion(reason: try reason())
        case .cancel: return .cancel(reason: try reason())
        }
    }

    /// Whether `actor` may do it now: the decider is asked with placeholder
    /// values, and the action is offered when it would record something.
    func offered(to actor: Actor, on state: TaskState, units: Set<UnitID>, now: Date) -> Bool {
        let placeholder = "-"
        let command: TaskCommand
        switch self {
        case .accept: command = .accept(note: nil)
        case .decline: command = .decline(reason: placeholder)
        case .reassign:
            guard let other = units.sorted().first(where: { $0 != state.lead }) else { return false }
            command = .reassign(to: other, reason: nil)
        case .requestExtension: command = .requestExtension(due: .distantFuture, reason: placeholder)
        case .grantExtension: command = .grantExtension(due: nil, note: nil)
        case .denyExtension: command = .denyExtension(reason: placeholder)
        case .complete: command = .reportCompletion(output: placeholder)
        case .confirm: command = .confirmCompletion(note: nil)
        case .returnCompletion: command = .returnCompletion(reason: placeholder)
        case .cancel: command = .cancel(reason: placeholder)
        }
        return TaskDecider.wouldRecord(command, DecisionContext(actor: actor, now: now, units: units), state)
    }
}
