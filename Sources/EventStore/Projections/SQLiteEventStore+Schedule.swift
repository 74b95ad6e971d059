import Foundation
import GRDB
import RoDomain

/// The scheduler's reads of `task_schedule` (see `Projector+Schedule.swift`):
/// what a pass costs follows what is due, not what exists.
extension SQLiteEventStore {
    /// Computes again the rows of `task_schedule` that are stale or that an
    /// event outside their tasks' streams moved (a calendar, a plan published
    /// again); returns how many. Cheap when there is nothing to do: a read, no
    /// write lock. Every read below does it first.
    ///
    /// `known` are task states the caller holds (from ``dueTasks(at:)``): one
    /// whose version is still the task's is used rather than read again.
    @discardableResult
    public func refreshSchedules(known: [DueTask] = []) throws(StoreError) -> Int {
        try catchUp()
        guard try read({ db in try Projector.scheduleWork(db, apply: false) }) > 0 else { return 0 }
        let states = Dictionary(known.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        return try write { db in try Projector.scheduleWork(db, apply: true, known: states) }
    }

    /// The tasks with a notice due by `now`, by task id: the only ones a pass reads.
    public func dueTasks(at now: Date) throws(StoreError) -> [DueTask] {
        try refreshSchedules()
        return try read { db in
            try Row.fetchAll(db, sql: Self.dueTasksQuery, arguments: [Projector.milliseconds(now)]).map { row in
                DueTask(id: TaskID(unchecked: row[0]), version: row[1], state: try taskState(row, db))
            }.sorted { $0.id.rawValue < $1.id.rawValue }
        }
    }

    /// The tasks whose next notice is due, by a search of `next_at`'s index.
    /// (Sorted afterwards: with `ORDER BY task_id`, SQLite would rather walk
    /// every task in order than sort the few it finds.)
    /// A task's schedule (`n`) with its row and snapshot (``Projector/taskStateSource``).
    static let scheduledStates = """
        task_schedule n JOIN task_view t ON t.task_id = n.task_id JOIN task_snapshot s ON s.task_id = n.task_id
        """

    static let dueTasksQuery = """
        SELECT \(Projector.taskStateColumns) FROM \(scheduledStates) WHERE n.next_at <= ?
        """

    /// The instant of a task's next notice as `task_schedule` holds it (`nil`:
    /// none, or not a task that can owe anything).
    public func scheduledNotice(of task: TaskID) throws(StoreError) -> Date? {
        try refreshSchedules()
        return try read { db in
            try Int64.fetchOne(db, sql: "SELECT next_at FROM task_schedule WHERE task_id = ?", arguments: [task.rawValue])
                .map { Date(timeIntervalSince1970: Double($0) / 1000) }
        }
    }

    /// When the next notice or retry after `now` falls due: what `--loop` sleeps
    /// until. `known`: as for ``refreshSchedules(known:)``.
    public func nextScheduled(after now: Date, known: [DueTask] = []) throws(StoreError) -> Date? {
        try refreshSchedules(known: known)
        return try read { db in
            let notice = try Int64.fetchOne(
                db, sql: "SELECT MIN(next_at) FROM task_schedule WHERE next_at > ?", arguments: [Projector.milliseconds(now)]
            ).map { Date(timeIntervalSince1970: Double($0) / 1000) }
            let retry = try String.fetchOne(
                db, sql: "SELECT MIN(retry_at) FROM reminder_mail WHERE status = 'deferred' AND retry_at > ?",
                arguments: [Timestamp.format(now)]
            ).flatMap(Timestamp.parse)
            return [notice, retry].compactMap { $0 }.min()
        }
    }

    /// For each item key of these tasks, the highest notice index recorded.
    public func reminderProgress(of tasks: [TaskID]) throws(StoreError) -> [String: Int] {
        guard !tasks.isEmpty else { return [:] }
        try catchUp()
        return try read { db in
            var progress: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT item_key, MAX(notice_index) FROM reminder_notice
                    WHERE task_id IN (SELECT value FROM json_each(?)) GROUP BY item_key
                    """,
                arguments: [EventCoding.json(tasks.map(\.rawValue))])
            while let row = try rows.next() { progress[row[0]] = row[1] }
            return progress
        }
    }

    /// The reminder rules of each plan named, as its latest event publishes them.
    public func reminderRules(of plans: Set<String>) throws(StoreError) -> [String: ReminderRules] {
        try read { db in
            var rules: [String: ReminderRules] = [:]
            for plan in plans { rules[plan] = try Projector.scheduleRules(plan, db) }
            return rules
        }
    }
}

/// A task with a notice due, as a pass reads it.
public struct DueTask: Sendable {
    public var id: TaskID
    /// The task's stream version the state is at.
    public var version: Int
    public var state: TaskState
}

extension Projector {
    /// The basis of an empty `task_schedule`: the calendar's and every plan's
    /// latest event now. Every row written from here on is computed under these
    /// or later ones, so a later change is still seen, and the first pass after
    /// a rebuild does not compute every task again.
    static func resetScheduleBasis(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO schedule_basis (name, position)
                SELECT 'calendar', COALESCE(MAX(position), 0) FROM events WHERE stream_id = ?
                UNION ALL
                SELECT 'plan:' || SUBSTR(stream_id, 6), MAX(position) FROM events
                WHERE stream_id >= 'plan-' AND stream_id < 'plan.' GROUP BY stream_id
                """,
            arguments: [CalendarEvent.streamID])
    }

    /// Counts the `task_schedule` rows to compute again and, with `apply`,
    /// computes them: every row when the calendar changed since they were
    /// computed, a plan's rows when the plan was published again, and the rows
    /// marked stale.
    static func scheduleWork(_ db: Database, apply: Bool, known: [String: DueTask] = [:]) throws -> Int {
        var basis: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, position FROM schedule_basis") { basis[row[0]] = row[1] }
        var moved: [(name: String, position: Int64, plan: String?)] = []
        let calendar = try latestEvent(of: CalendarEvent.streamID, db)?.position ?? 0
        if basis["calendar"] != calendar { moved.append(("calendar", calendar, nil)) }
        for plan in try String.fetchAll(db, sql: "SELECT plan_id FROM plan_view") {
            let position = try latestEvent(of: PlanEvent.streamID(PlanID(unchecked: plan)), db)?.position ?? 0
            if basis["plan:" + plan] != position { moved.append(("plan:" + plan, position, plan)) }
        }
        guard apply else {
            let stale = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM task_schedule WHERE next_at = 0)") ?? false
            return moved.count + (stale ? 1 : 0)
        }
        for change in moved {
            if let plan = change.plan {
                try db.execute(sql: "UPDATE task_schedule SET next_at = 0 WHERE plan_id = ?", arguments: [plan])
            } else {
                try db.execute(sql: "UPDATE task_schedule SET next_at = 0")
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO schedule_basis (name, position) VALUES (?, ?)",
                arguments: [change.name, change.position])
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT \(Projector.taskStateColumns) FROM \(SQLiteEventStore.scheduledStates) WHERE n.next_at = 0
                """)
        let inputs = try ScheduleInputs(db)
        for row in rows {
            let id: String = row[0]
            let state = try known[id].flatMap { $0.version == row[1] ? $0.state : nil } ?? taskState(row, db)
            try writeSchedule(id, state, db, inputs: inputs)
        }
        return rows.count
    }
}
