import Foundation
import GRDB
import RoDomain

/// The facts of one task that lists and month statistics need, as columns of
/// `task_view`: read without decoding the task's state (a few KB of JSON) or
/// folding its events, so `ro task list`, `ro status` and the dashboard cost
/// a row per task, not a fold per task.
///
/// The rules stay in the domain: ``TaskState/owesReport(for:hasReport:status:reporting:assignedAt:inactiveSince:)``
/// decides which months a task owes, on the same facts the state holds.
struct TaskRow {
    /// Where one month's report stands, as far as the counts need it.
    struct Mark {
        var status: ReportStatus
        var late: Bool
        var due: Date
    }

    /// What decides which months a task owes and where their reports stand:
    /// all that the month counts read (``columns``, the first of ``TaskRow/columns``).
    struct Standing {
        var lead: String
        var status: TaskStatus
        var assignedAt: Date
        var inactiveSince: Date?
        var reporting: ReportingRule
        /// The months' report marks (``TaskRow/marks(of:)``), read by ``mark(for:)``.
        var marks: String

        static let columns = "lead_unit, status, assigned_at, inactive_since, report_day, report_marks"
        static let columnCount = 6

        init(_ row: Row) {
            lead = row[0]
            status = TaskStatus(rawValue: row[1]) ?? .none
            assignedAt = Timestamp.parse(row[2]) ?? Date(timeIntervalSince1970: 0)
            inactiveSince = (row[3] as String?).flatMap(Timestamp.parse)
            reporting = ReportingRule(beforeDay: row[4] ?? ReportingRule.standard.beforeDay)
            marks = row[5] ?? ""
        }

        func owesReport(for period: Period) -> Bool {
            TaskState.owesReport(
                for: period, hasReport: mark(for: period) != nil, status: status, reporting: reporting,
                assignedAt: assignedAt, inactiveSince: inactiveSince)
        }

        /// The standing of one month's report, without who wrote or decided it.
        func standing(_ period: Period, now: Date) -> (state: PeriodReport.State, late: Bool) {
            guard let mark = mark(for: period) else {
                let missing = now >= reporting.due(for: period)
                return (missing ? .missing : .pending, missing)
            }
            return (PeriodReport.State(mark.status), mark.late || (mark.status == .returned && now >= mark.due))
        }

        /// The mark of one month, found by a scan of the column's bytes (no
        /// allocation: the month counts ask it for every task and month).
        func mark(for period: Period) -> Mark? {
            var text = marks
            return text.withUTF8 { bytes -> Mark? in
                func number(_ range: Range<Int>) -> Int64 {
                    var value: Int64 = 0
                    for index in range { value = value * 10 + Int64(bytes[index] &- 48) }
                    return value
                }
                var start = 0
                while start + 10 <= bytes.count {
                    var end = start + 9
                    while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                    if number(start..<start + 4) == period.year, number(start + 5..<start + 7) == period.month {
                        let status: ReportStatus = switch bytes[start + 7] {
                        case UInt8(ascii: "a"): .approved
                        case UInt8(ascii: "r"): .returned
                        default: .submitted
                        }
                        let due = Date(timeIntervalSince1970: Double(number(start + 9..<end)) / 1000)
                        return Mark(status: status, late: bytes[start + 8] == UInt8(ascii: "1"), due: due)
                    }
                    start = end + 1
                }
                return nil
            }
        }
    }

    var standing: Standing
    var id: String
    var title: String
    var plan: String?
    var code: String?
    var coUnits: [String]
    var due: Date?
    var originalDue: Date?
    var deadlineText: String?

    var lead: String { standing.lead }
    var status: TaskStatus { standing.status }
    var reporting: ReportingRule { standing.reporting }

    /// How many ``columns`` there are: what a query selects after them starts here.
    static let columnCount = Standing.columnCount + 8

    /// The columns ``init(_:)`` reads, in its order: ``Standing/columns`` first.
    static let columns = Standing.columns + ", task_id, title, plan_id, code, co_units, due, original_due, deadline_text"

    init(_ row: Row) {
        standing = Standing(row)
        let first = Standing.columnCount
        id = row[first]
        title = row[first + 1]
        plan = row[first + 2]
        code = row[first + 3]
        let coUnits: String = row[first + 4]
        self.coUnits = coUnits.isEmpty ? [] : coUnits.split(separator: ",").map(String.init)
        due = (row[first + 5] as String?).flatMap(Timestamp.parse)
        originalDue = (row[first + 6] as String?).flatMap(Timestamp.parse)
        deadlineText = row[first + 7]
    }

    func owesReport(for period: Period) -> Bool { standing.owesReport(for: period) }

    /// Whether the task is past its deadline at `now` and not done (``TaskState/isOverdue(at:)``).
    func isOverdue(at now: Date) -> Bool { TaskState.isOverdue(due: due, status: status, at: now) }

    // MARK: The marks column

    /// The months' report marks of a state, one entry per month with a report:
    /// `YYYY-MM`, the status letter (s, a, r), the late flag (0, 1), the due
    /// instant in milliseconds, then `;`. A compact text read back by a byte
    /// scan: decoding JSON here would cost what this read model exists to save.
    static func marks(of state: TaskState) -> String {
        var text = ""
        for (period, report) in state.reports.sorted(by: { $0.key < $1.key }) {
            let letter = switch report.status {
            case .submitted: "s"
            case .approved: "a"
            case .returned: "r"
            }
            text += "\(period)\(letter)\(report.late ? 1 : 0)\(Int64((report.due.timeIntervalSince1970 * 1000).rounded()));"
        }
        return text
    }
}

extension PeriodReport.State {
    init(_ status: ReportStatus) {
        self = switch status {
        case .submitted: .submitted
        case .approved: .approved
        case .returned: .returned
        }
    }
}
