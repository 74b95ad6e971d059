import Foundation
import GRDB
import RoDomain

/// One task of the monthly consolidated report: the task as it stands, where
/// its report for the month stands, and that report if one arrived.
public struct MonthReportRow: Hashable, Sendable {
    public var task: TaskID
    public var state: TaskState
    /// The report's state for the month (approved, submitted, returned, pending, missing).
    public var standing: PeriodReport
    /// The month's report, in its last revision, if one arrived.
    public var report: TaskState.Report?
}

extension SQLiteEventStore {
    /// The tasks that report for `period` (those `tasks(TaskFilter(period:))`
    /// selects, of one lead unit or all), by task id, each with its month's report.
    public func monthReport(_ period: Period, unit: UnitID?, now: Date) throws(StoreError) -> [MonthReportRow] {
        let ids = try tasks(TaskFilter(unit: unit, period: period), now: now).map(\.id)
        guard !ids.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let states = try read { db in
            Dictionary(
                try Row.fetchAll(
                    db, sql: """
                        SELECT \(Projector.taskStateColumns) FROM \(Projector.taskStateSource)
                        WHERE t.task_id IN (\(placeholders))
                        """,
                    arguments: StatementArguments(ids)
                ).map { row in (row[0] as String, try taskState(row, db)) },
                uniquingKeysWith: { a, _ in a })
        }
        // One state per row, so the standing and the report always agree.
        return ids.compactMap { id in
            guard let state = states[id] else { return nil }
            return MonthReportRow(
                task: TaskID(unchecked: id), state: state, standing: Self.periodReport(state, period, now: now),
                report: state.reports[period])
        }
    }
}
