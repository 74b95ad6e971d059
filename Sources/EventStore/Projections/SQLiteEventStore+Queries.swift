import Foundation
import GRDB
import RoDomain

/// Reads of the read models. Each first catches the models up with the events.
extension SQLiteEventStore {
    public func units() throws(StoreError) -> [Directory.Unit] {
        try catchUp()
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT unit_id, name, details FROM unit_view ORDER BY unit_id").map { row in
                let details: String? = row[2]
                return try details.map { try EventCoding.sharedDecoder.decode(Directory.Unit.self, from: Data($0.utf8)) }
                    ?? Directory.Unit(id: UnitID(unchecked: row[0]), name: row[1])
            }
        }
    }

    /// When each deactivated user was deactivated.
    public func deactivatedUsers() throws(StoreError) -> [Login: Date] {
        try catchUp()
        return try read { db in
            var result: [Login: Date] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT login, deactivated_at FROM user_view WHERE deactivated_at IS NOT NULL") {
                result[Login(unchecked: row[0])] = Timestamp.parse(row[1]) ?? .distantPast
            }
            return result
        }
    }

    /// The users who may still sign in and act (and be written to).
    public func activeUsers() throws(StoreError) -> [Directory.User] {
        let deactivated = try deactivatedUsers()
        return try users().filter { deactivated[$0.login] == nil }
    }

    /// Every user ever added, deactivated ones too (see ``deactivatedUsers()``).
    public func users() throws(StoreError) -> [Directory.User] {
        try catchUp()
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user_view ORDER BY login").compactMap { row in
                guard let role = Role(rawValue: row["role"]) else { return nil }
                let unit: String? = row["unit_id"]
                return Directory.User(
                    login: Login(unchecked: row["login"]), name: row["name"], role: role,
                    unit: unit.map(UnitID.init(unchecked:)), email: row["email"])
            }
        }
    }

    /// A task's current state, or `nil` if no task has that id.
    public func task(_ id: TaskID) throws(StoreError) -> TaskState? {
        try catchUp()
        return try read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Projector.taskStateColumns) FROM \(Projector.taskStateSource) WHERE t.task_id = ?", arguments: [id.rawValue]
            ).map { try taskState($0, db) }
        }
    }

    /// The tasks that match `filter`, by id: read from `task_view`'s columns
    /// (``TaskRow``) and, with a period, that month's `report_view` row.
    public func tasks(_ filter: TaskFilter, now: Date) throws(StoreError) -> [TaskSummary] {
        try catchUp()
        var conditions = ["1"]
        var arguments: StatementArguments = [filter.period?.description]
        if let unit = filter.unit {
            conditions.append("t.lead_unit = ?")
            arguments += [unit.rawValue]
        }
        if let status = filter.status {
            conditions.append("t.status = ?")
            arguments += [status.rawValue]
        }
        let columns = TaskRow.columns.split(separator: ",").map { "t." + $0.trimmingCharacters(in: .whitespaces) }
        let sql = """
            SELECT \(columns.joined(separator: ", ")), \(ReportFacts.columns)
            FROM task_view t LEFT JOIN report_view r ON r.task_id = t.task_id AND r.period = ?
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.task_id
            """
        return try read { db in
            var result: [TaskSummary] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let task = TaskRow(row)
                if let period = filter.period, !task.owesReport(for: period) { continue }
                if let at = filter.overdueAt, !task.isOverdue(at: at) { continue }
                result.append(TaskSummary(
                    id: task.id, title: task.title, plan: task.plan, code: task.code, leadUnit: task.lead,
                    coUnits: task.coUnits, status: task.status, due: task.due, originalDue: task.originalDue,
                    deadlineText: task.deadlineText, overdue: task.isOverdue(at: now),
                    periodReport: filter.period.map { period in
                        Self.periodReport(
                            period, due: task.reporting.due(for: period), ReportFacts(row, from: TaskRow.columnCount),
                            now: now)
                    }))
            }
            return result
        }
    }

    /// Each unit's reports for a month: approved, awaiting, returned, not yet due, missing, late.
    public func reportStatus(_ period: Period, now: Date) throws(StoreError) -> [UnitMonthStatus] {
        try reportStatus([period], now: now)[period] ?? []
    }

    /// ``reportStatus(_:now:)`` for several months (the dashboard's year):
    /// one pass over `task_view`'s rows, no task state decoded.
    public func reportStatus(_ periods: [Period], now: Date) throws(StoreError) -> [Period: [UnitMonthStatus]] {
        let names = Dictionary(try units().map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        try catchUp()
        // Counted by month and unit index: a dictionary lookup per task, not per task and month.
        var units: [String: Int] = [:]
        var counts: [[UnitMonthStatus?]] = periods.map { _ in [] }
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(TaskRow.Standing.columns) FROM task_view")
            while let row = try rows.next() {
                let task = TaskRow.Standing(row)
                let unit = units[task.lead] ?? {
                    units[task.lead] = units.count
                    for index in counts.indices { counts[index].append(nil) }
                    return units.count - 1
                }()
                for (index, period) in periods.enumerated() where task.owesReport(for: period) {
                    let (state, late) = task.standing(period, now: now)
                    if counts[index][unit] == nil {
                        counts[index][unit] = UnitMonthStatus(
                            unit: task.lead, unitName: names[task.lead] ?? task.lead, period: period.description,
                            tasks: 0, approved: 0, submitted: 0, returned: 0, pending: 0, missing: 0, late: 0)
                    }
                    counts[index][unit]?.count(state, late: late)
                }
            }
        }
        var result: [Period: [UnitMonthStatus]] = [:]
        for (index, period) in periods.enumerated() {
            let owing = counts[index].compactMap { $0 }
            if !owing.isEmpty { result[period] = owing.sorted { $0.unit < $1.unit } }
        }
        return result
    }

    /// The state of a `task_view` row (``Projector/taskStateColumns``): from
    /// the store's cache when it holds that version of the task, so a server
    /// that has read a task once decodes it again only after it changed.
    func taskState(_ row: Row, _ db: Database) throws -> TaskState {
        let stream = "task-" + (row[0] as String)
        let version: Int = row[1]
        if let entry = cache[stream], entry.version == version, let state = entry.state as? TaskState { return state }
        let state = try Projector.taskState(row, db)
        cache.publish([stream: .init(version: version, state: state)])
        return state
    }

    static func periodReport(_ state: TaskState, _ period: Period, now: Date) -> PeriodReport {
        periodReport(period, due: state.reporting.due(for: period), state.reports[period].map(ReportFacts.init), now: now)
    }

    /// Where a month's report stands: `facts` of the report that arrived, or
    /// nothing yet (pending until `due`, missing after).
    static func periodReport(_ period: Period, due: Date, _ facts: ReportFacts?, now: Date) -> PeriodReport {
        guard let r = facts else {
            let missing = now >= due
            return PeriodReport(period: period.description, state: missing ? .missing : .pending, due: due, late: missing)
        }
        return PeriodReport(
            period: period.description, state: PeriodReport.State(r.status), revision: r.revision, due: r.due,
            late: r.late || (r.status == .returned && now >= r.due), submittedBy: r.submittedBy,
            submittedAt: r.submittedAt, decidedBy: r.decidedBy, decidedAt: r.decidedAt)
    }
}

/// What a month's report says about its standing, from the state or from `report_view`.
struct ReportFacts {
    var status: ReportStatus
    var revision: Int
    var due: Date
    var late: Bool
    var submittedBy: String
    var submittedAt: Date
    var decidedBy: String?
    var decidedAt: Date?

    static let columns = "r.status, r.revision, r.due, r.late, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at"

    init(_ report: TaskState.Report) {
        status = report.status
        revision = report.revision
        due = report.due
        late = report.late
        submittedBy = report.submittedBy.rawValue
        submittedAt = report.submittedAt
        decidedBy = report.decidedBy?.rawValue
        decidedAt = report.decidedAt
    }

    /// The ``columns`` of a row, from index `first`; `nil` where the join found no report.
    init?(_ row: Row, from first: Int) {
        guard let text: String = row[first], let status = ReportStatus(rawValue: text),
            let due = Timestamp.parse(row[first + 2]), let submittedAt = Timestamp.parse(row[first + 5])
        else { return nil }
        self.status = status
        revision = row[first + 1]
        self.due = due
        late = row[first + 3]
        submittedBy = row[first + 4]
        self.submittedAt = submittedAt
        decidedBy = row[first + 6]
        decidedAt = (row[first + 7] as String?).flatMap(Timestamp.parse)
    }
}

extension UnitMonthStatus {
    /// Counts one task's report of the month.
    mutating func count(_ state: PeriodReport.State, late: Bool) {
        tasks += 1
        switch state {
        case .approved: approved += 1
        case .submitted: submitted += 1
        case .returned: returned += 1
        case .pending: pending += 1
        case .missing: missing += 1
        }
        if late { self.late += 1 }
    }
}
