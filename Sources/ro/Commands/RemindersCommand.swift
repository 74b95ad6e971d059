import ArgumentParser
import Foundation
import RoDomain
import RoEventStore

struct Reminders: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sổ nhắc việc: thư nào đã gửi cho ai, lúc nào, về việc gì, và thư nào gửi không được.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .long, help: "Chỉ những thư nhắc về nhiệm vụ này.") var task: String?
    @Option(name: .long, help: "Chỉ những thư nhắc về việc của đơn vị này.") var unit: String?
    @Option(
        name: .long,
        help: "Chỉ những thư ở trạng thái này: \(ReminderMailSummary.Status.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?

    func validate() throws {
        if let status, ReminderMailSummary.Status(rawValue: status) == nil {
            throw ValidationError(
                "trạng thái '\(status)' không có (chọn: \(ReminderMailSummary.Status.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    struct Row: Encodable {
        var messageId: String
        var status: String
        var recipient: String?
        var unit: String?
        var rung: String?
        var subject: String?
        var notices: [String]
        var intendedAt: Date
        var updatedAt: Date
        var attempts: Int
        var exitStatus: Int?
        var detail: String?
        var retryAt: Date?
        var calendarVersion: String
    }

    func run() throws {
        let task = try self.task.map(Read.task)
        let unit = try self.unit.map(Read.unit)
        let database = try store.open()
        let log = try failing {
            try database.reminderLog(task: task, unit: unit, status: status.flatMap(ReminderMailSummary.Status.init))
        }
        let rows = log.map {
            Row(
                messageId: $0.messageID, status: $0.status.rawValue, recipient: $0.recipient, unit: $0.unit?.rawValue,
                rung: $0.rung, subject: $0.subject, notices: $0.notices, intendedAt: $0.intendedAt, updatedAt: $0.updatedAt,
                attempts: $0.attempts, exitStatus: $0.exitStatus, detail: $0.detail, retryAt: $0.retryAt,
                calendarVersion: $0.calendarVersion)
        }
        if output.json { return Output.json(rows) }
        if log.isEmpty { return print("Chưa có thư nhắc nào.") }
        Output.table(
            ["GHI LÚC", "TRẠNG THÁI", "NGƯỜI NHẬN", "NHẮC", "CHI TIẾT"],
            log.map { mail in
                [
                    CommuneTime.localMinute(mail.intendedAt), mail.status.vietnamese,
                    mail.recipient ?? "(\(mail.unit?.rawValue ?? "?"))", "\(mail.notices.count)",
                    mail.detail ?? mail.subject ?? "",
                ]
            })
    }
}
