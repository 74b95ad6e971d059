import Foundation
import GRDB
import RoDomain

/// A digest (or an unreachable rung) as the reminder log holds it.
public struct ReminderMailSummary: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case intended, accepted, deferred, failed, superseded, unreachable

        public var vietnamese: String {
            switch self {
            case .intended: "đang gửi"
            case .accepted: "MTA đã nhận"
            case .deferred: "tạm lỗi, sẽ gửi lại"
            case .failed: "gửi không được"
            case .superseded: "bỏ, đã có nhắc mới hơn"
            case .unreachable: "không có địa chỉ"
            }
        }
    }

    public var messageID: String
    public var recipient: String?
    public var unit: UnitID?
    public var rung: String?
    public var status: Status
    public var subject: String?
    public var intendedAt: Date
    public var updatedAt: Date
    public var attempts: Int
    public var exitStatus: Int?
    public var detail: String?
    public var retryAt: Date?
    public var calendarVersion: String
    /// The notices it carried: `TASK|KIND|OFFSET`.
    public var notices: [String]
}

/// A digest recorded but not finished: never tried (the runner stopped between
/// intent and outcome) or deferred after a temporary failure.
public struct PendingMail: Sendable {
    public var intent: ReminderEvent.MailIntended
    public var attempts: Int
    public var retryAt: Date?
}

extension SQLiteEventStore {
    /// For each item key, the highest notice index recorded for it.
    public func reminderProgress() throws(StoreError) -> [String: Int] {
        try catchUp()
        return try read { db in
            var progress: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT item_key, MAX(notice_index) AS i FROM reminder_notice GROUP BY item_key")
            {
                progress[row["item_key"]] = row["i"]
            }
            return progress
        }
    }

    /// The digests still to send or to try again, oldest first. With `now`,
    /// only those to send by then and those that carry a notice of one of
    /// `tasks` (which newer notices of these tasks may make superseded).
    public func pendingMails(dueBy now: Date? = nil, about tasks: Set<TaskID> = []) throws(StoreError) -> [PendingMail] {
        try catchUp()
        var sql = "SELECT position, attempts, retry_at FROM reminder_mail WHERE status IN ('intended', 'deferred')"
        var arguments: StatementArguments = []
        if let now {
            sql += """
                 AND (retry_at IS NULL OR retry_at <= ? OR message_id IN (
                    SELECT message_id FROM reminder_notice WHERE task_id IN (SELECT value FROM json_each(?))))
                """
            arguments = [Timestamp.format(now), EventCoding.json(tasks.map(\.rawValue).sorted())]
        }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: sql + " ORDER BY position", arguments: arguments)
            return try rows.map { row in
                let events = try SQLiteEventStore.events(db, where: "position = ?", [row["position"] as Int64], limit: 1)
                guard let event = events.first, case .mailIntended(let intent) = try EventCoding.reminderEvent(event) else {
                    throw StoreError.undecodable(position: row["position"], type: "ReminderMailIntended", reason: "missing intent")
                }
                let retryAt: String? = row["retry_at"]
                return PendingMail(intent: intent, attempts: row["attempts"], retryAt: retryAt.flatMap(Timestamp.parse))
            }
        }
    }

    /// The reminder log, newest first, optionally only about one task, one unit or in one status.
    public func reminderLog(
        task: TaskID? = nil, unit: UnitID? = nil, status: ReminderMailSummary.Status? = nil
    ) throws(StoreError) -> [ReminderMailSummary] {
        try catchUp()
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let task {
            conditions.append("message_id IN (SELECT message_id FROM reminder_notice WHERE task_id = ?)")
            arguments += [task.rawValue]
        }
        if let unit {
            conditions.append("message_id IN (SELECT message_id FROM reminder_notice WHERE unit_id = ?)")
            arguments += [unit.rawValue]
        }
        if let status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        let sql = "SELECT * FROM reminder_mail WHERE \(conditions.joined(separator: " AND ")) ORDER BY position DESC"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let id: String = row["message_id"]
                let notices = try String.fetchAll(
                    db, sql: "SELECT notice_key FROM reminder_notice WHERE message_id = ? ORDER BY notice_key",
                    arguments: [id])
                let unit: String? = row["unit_id"]
                let retryAt: String? = row["retry_at"]
                return ReminderMailSummary(
                    messageID: id, recipient: row["recipient"], unit: unit.map(UnitID.init(unchecked:)), rung: row["rung"],
                    status: ReminderMailSummary.Status(rawValue: row["status"]) ?? .failed, subject: row["subject"],
                    intendedAt: Timestamp.parse(row["intended_at"]) ?? .distantPast,
                    updatedAt: Timestamp.parse(row["updated_at"]) ?? .distantPast, attempts: row["attempts"],
                    exitStatus: row["exit_status"], detail: row["detail"], retryAt: retryAt.flatMap(Timestamp.parse),
                    calendarVersion: row["calendar_version"], notices: notices)
            }
        }
    }

    /// The tasks that can owe something: assigned or accepted.
    public func activeTasks() throws(StoreError) -> [(id: TaskID, state: TaskState)] {
        try catchUp()
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Projector.taskStateColumns) FROM \(Projector.taskStateSource)
                    WHERE t.status IN ('assigned', 'accepted') ORDER BY t.task_id
                    """
            ).map { row in (TaskID(unchecked: row[0]), try taskState(row, db)) }
        }
    }

    /// The working-day calendar in force, and the events that set it.
    public func calendar() throws(StoreError) -> (calendar: WorkingCalendar, version: Int) {
        try read { db in
            (try Projector.scheduleCalendar(db), try SQLiteEventStore.version(of: CalendarEvent.streamID, db))
        }
    }
}
