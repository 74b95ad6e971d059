import Foundation
import GRDB
import RoDomain

/// A monthly report waiting for a leader: a row of the approval queue.
public struct AwaitingReport: Hashable, Sendable {
    public var task: TaskID
    public var title: String
    public var unit: UnitID
    public var period: Period
    public var revision: Int
    public var summary: String
    public var percentDone: Int?
    public var submittedBy: Login
    public var submittedAt: Date
    public var late: Bool
}

extension SQLiteEventStore {
    /// Every submitted report not yet approved or returned, by unit, month and task.
    public func reportsAwaitingDecision() throws(StoreError) -> [AwaitingReport] {
        try catchUp()
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.task_id, t.title, r.lead_unit, r.period, r.revision, r.summary, r.percent_done,
                        r.submitted_by, r.submitted_at, r.late
                    FROM report_view r JOIN task_view t ON t.task_id = r.task_id
                    WHERE r.status = 'submitted' ORDER BY r.lead_unit, r.period, r.task_id
                    """
            ).compactMap { row in
                guard let period = try? Period.parse(row["period"]) else { return nil }
                return AwaitingReport(
                    task: TaskID(unchecked: row["task_id"]), title: row["title"], unit: UnitID(unchecked: row["lead_unit"]),
                    period: period, revision: row["revision"], summary: row["summary"], percentDone: row["percent_done"],
                    submittedBy: Login(unchecked: row["submitted_by"]),
                    submittedAt: Timestamp.parse(row["submitted_at"]) ?? .distantPast, late: row["late"])
            }
        }
    }
}
