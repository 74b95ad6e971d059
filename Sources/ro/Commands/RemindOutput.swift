import Foundation
import RoDomain
import RoScheduler

/// What `ro remind` prints: each digest with its result, the rungs nobody
/// could be reached on, and when the next notice falls due.
enum RemindOutput {
    struct Mail: Encodable {
        var messageId: String
        var recipient: String
        var subject: String
        var notices: [String]
        /// `planned` (dry run), `accepted`, `deferred`, `failed`.
        var result: String
        var exitStatus: Int?
        var detail: String?
    }

    struct Unreached: Encodable {
        var unit: String
        var rung: String
        var reason: String
        var notices: [String]
    }

    struct Pass: Encodable {
        var now: Date
        var dryRun: Bool
        var calendarVersion: String
        var next: Date?
        var mails: [Mail]
        var unreachable: [Unreached]
        var superseded: [String]
    }

    static func pass(_ report: RunReport) -> Pass {
        Pass(
            now: report.now, dryRun: report.dryRun, calendarVersion: report.calendarVersion, next: report.next,
            mails: report.results.map { mail, result in
                let (name, status, detail): (String, Int?, String?) = switch result {
                case nil: ("planned", nil, nil)
                case .accepted: ("accepted", nil, nil)
                case .temporary(let s, let d): ("deferred", s, d)
                case .permanent(let s, let d): ("failed", s, d)
                }
                return Mail(
                    messageId: mail.messageID, recipient: mail.recipient, subject: mail.subject,
                    notices: mail.notices.map(\.key), result: name, exitStatus: status, detail: detail)
            },
            unreachable: report.unreachable.map {
                Unreached(unit: $0.unit.rawValue, rung: $0.rung.rawValue, reason: $0.reason, notices: $0.notices.map(\.key))
            },
            superseded: report.superseded.map(\.messageID))
    }

    static func print(_ report: RunReport, json: Bool) {
        let pass = pass(report)
        if json { return Output.json(pass) }
        let verb = report.dryRun ? "Sẽ gửi" : "Lượt nhắc việc"
        Swift.print("\(verb) lúc \(CommuneTime.localMinute(report.now)) (lịch làm việc \(report.calendarVersion)):")
        if pass.mails.isEmpty { Swift.print("  Không có thư nào cần gửi.") }
        for mail in pass.mails {
            let state = switch mail.result {
            case "planned": "sẽ gửi"
            case "accepted": "MTA đã nhận"
            case "deferred": "tạm lỗi, sẽ gửi lại"
            default: "không gửi được"
            }
            Swift.print("  \(state): \(mail.recipient) — \(mail.subject) (\(mail.notices.count) nhắc)")
            if report.dryRun { for notice in mail.notices { Swift.print("      \(notice)") } }
            if let detail = mail.detail { Swift.print("      \(detail)") }
        }
        for u in pass.unreachable { Swift.print("  không có địa chỉ: \(u.reason) (\(u.notices.count) nhắc)") }
        for id in pass.superseded { Swift.print("  bỏ thư \(id): đã có nhắc mới hơn") }
        if let next = report.next { Swift.print("Lần nhắc tiếp theo: \(CommuneTime.localMinute(next)).") }
    }

    /// One line for the exit status, when some reminders of the pass did not go out.
    static func problems(_ report: RunReport) -> String? {
        guard !report.dryRun else { return nil }
        let failed = report.results.filter { if case .permanent = $0.result { true } else { false } }.count
        let deferred = report.results.filter { if case .temporary = $0.result { true } else { false } }.count
        let unreachable = report.unreachable.count
        guard failed + deferred + unreachable > 0 else { return nil }
        return "lượt nhắc việc chưa trọn: \(failed) thư gửi không được, \(deferred) thư tạm lỗi sẽ gửi lại, "
            + "\(unreachable) nhóm việc không có địa chỉ (đã ghi nhận; xem ro reminders)"
    }
}
