import Foundation
import GRDB
import RoDomain

/// The reminder read models: `reminder_mail`, one row per digest (or per rung
/// nobody could be reached on) with where it stands, and `reminder_notice`, the
/// notices each carried, for the scheduler's "already recorded" and for audits.
extension Projector {
    static func applyReminder(_ event: ReminderEvent, _ record: RecordedEvent, _ db: Database) throws {
        switch event {
        case .mailIntended(let e):
            try db.execute(
                sql: """
                    INSERT INTO reminder_mail (message_id, recipient, status, subject, intended_at, updated_at,
                        attempts, calendar_version, position)
                    VALUES (?, ?, 'intended', ?, ?, ?, 0, ?, ?)
                    """,
                arguments: [
                    e.messageID, e.recipient, e.subject, Timestamp.format(e.at), Timestamp.format(e.at),
                    e.calendarVersion, record.position,
                ])
            try insertNotices(e.notices, message: e.messageID, db)
            try markStale(e.notices.map(\.task), db)
        case .unreachable(let e):
            try db.execute(
                sql: """
                    INSERT INTO reminder_mail (message_id, unit_id, rung, status, intended_at, updated_at, attempts,
                        detail, calendar_version, position)
                    VALUES (?, ?, ?, 'unreachable', ?, ?, 0, ?, ?, ?)
                    """,
                arguments: [
                    e.id, e.unit.rawValue, e.rung.rawValue, Timestamp.format(e.at), Timestamp.format(e.at), e.reason,
                    e.calendarVersion, record.position,
                ])
            try insertNotices(e.notices, message: e.id, db)
            try markStale(e.notices.map(\.task), db)
        case .mailAccepted(let e): try setOutcome("accepted", e, db)
        case .mailDeferred(let e): try setOutcome("deferred", e, db)
        case .mailFailed(let e): try setOutcome("failed", e, db)
        case .mailSuperseded(let e): try setOutcome("superseded", e, db)
        }
    }

    private static func setOutcome(_ status: String, _ e: ReminderEvent.MailOutcome, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE reminder_mail SET status = ?, updated_at = ?, attempts = ?, exit_status = ?, detail = ?,
                    retry_at = ? WHERE message_id = ?
                """,
            arguments: [
                status, Timestamp.format(e.at), e.attempt, e.status, e.detail, e.retryAt.map(Timestamp.format),
                e.messageID,
            ])
    }

    private static func insertNotices(_ notices: [ReminderEvent.NoticeRecord], message: String, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO reminder_notice (message_id, notice_key, item_key, notice_index, task_id, unit_id,
                    kind, period, offset, due, day, rung)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for n in notices {
            try statement.execute(arguments: [
                message, n.key, n.item, n.index, n.task.rawValue, n.unit.rawValue, n.kind, n.period?.description,
                n.offset, Timestamp.format(n.due), n.day.description, n.rung.rawValue,
            ])
        }
    }
}
