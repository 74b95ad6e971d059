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
                db, sql: "SELECT \(Projector.taskStateColumns) FROM task_view WHERE task_id = ?", arguments: [id.rawValue]
            ).map { try taskState($0, db) }
        }
    }

    public func tasks(_ filter: TaskFilter, now: Date) throws(StoreError) -> [TaskSummary] {
        try catchUp()
        var conditions = ["1"]
        var arguments: StatementArguments = []
        if let unit = filter.unit {
            conditions.append("lead_unit = ?")
            arguments += [unit.rawValue]
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        let sql = "SELECT \(Projector.taskStateColumns) FROM task_view WHERE \(conditions.joined(separator: " AND ")) ORDER BY task_id"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> TaskSummary? in
                let state = try taskState(row, db)
                if let period = filter.period, !state.owesReport(for: period) { return nil }
                let overdue = state.isOverdue(at: now)
                if filter.overdueAt != nil, !state.isOverdue(at: filter.overdueAt!) { return nil }
                return TaskSummary(
                    id: row["task_id"], title: state.title, plan: state.plan, code: state.code, leadUnit: state.lead.rawValue,
                    coUnits: state.coUnits.map(\.rawValue), status: state.status, due: state.due,
                    originalDue: state.originalDue, deadlineText: state.deadlineText, overdue: overdue,
                    periodReport: filter.period.map { Self.periodReport(state, $0, now: now) })
            }
        }
    }

    /// Each unit's reports for a month: approved, awaiting, returned, not yet due, missing, late.
    public func reportStatus(_ period: Period, now: Date) throws(StoreError) -> [UnitMonthStatus] {
        try reportStatus([period], now: now)[period] ?? []
    }

    /// ``reportStatus(_:now:)`` for several months (the dashboard's year), the task states read once.
    public func reportStatus(_ periods: [Period], now: Date) throws(StoreError) -> [Period: [UnitMonthStatus]] {
        let names = Dictionary(try units().map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        try catchUp()
        let states = try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Projector.taskStateColumns) FROM task_view").map { try taskState($0, db) }
        }
        var result: [Period: [UnitMonthStatus]] = [:]
        for period in periods {
            let owing = states.filter { $0.owesReport(for: period) }
            result[period] = Dictionary(grouping: owing, by: \.lead.rawValue).sorted { $0.key < $1.key }.map { unit, tasks in
                let reports = tasks.map { Self.periodReport($0, period, now: now) }
                func count(_ state: PeriodReport.State) -> Int { reports.filter { $0.state == state }.count }
                return UnitMonthStatus(
                    unit: unit, unitName: names[unit] ?? unit, period: period.description, tasks: tasks.count,
                    approved: count(.approved), submitted: count(.submitted), returned: count(.returned),
                    pending: count(.pending), missing: count(.missing), late: reports.filter(\.late).count)
            }
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
        let due = state.reporting.due(for: period)
        guard let r = state.reports[period] else {
            let missing = now >= due
            return PeriodReport(period: period.description, state: missing ? .missing : .pending, due: due, late: missing)
        }
        let stateOf: PeriodReport.State = switch r.status {
        case .submitted: .submitted
        case .approved: .approved
        case .returned: .returned
        }
        return PeriodReport(
            period: period.description, state: stateOf, revision: r.revision, due: r.due,
            late: r.late || (r.status == .returned && now >= r.due), submittedBy: r.submittedBy.rawValue,
            submittedAt: r.submittedAt, decidedBy: r.decidedBy?.rawValue, decidedAt: r.decidedAt)
    }
}
