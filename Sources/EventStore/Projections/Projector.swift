import Foundation
import GRDB
import RoDomain

/// The read models (`unit_view`, `user_view`, `task_view`, `report_view`) and
/// the checkpoint that says up to which global position they are built.
///
/// Each batch of events is applied in one transaction together with the new
/// checkpoint, so the read models never say more or less than their checkpoint.
/// After a crash they catch up from the checkpoint on the next read. Read models
/// are disposable: ``SQLiteEventStore/rebuild()`` drops and replays them.
enum Projector {
    static let name = "read-models"
    /// Bump when the read models change shape or meaning: a store whose
    /// checkpoint has another version is rebuilt on the next catch-up.
    static let version = 7
    static let batchSize = 500
    static let tables = [
        "unit_view", "user_view", "task_view", "task_snapshot", "report_view", "plan_view", "indicator_values", "reminder_mail",
        "reminder_notice", "task_schedule", "schedule_basis",
    ]

    static func checkpoint(_ db: Database) throws -> (version: Int, position: Int64)? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT version, position FROM projection_checkpoints WHERE name = ?", arguments: [name])
        else { return nil }
        return (row["version"], row["position"])
    }

    static func setCheckpoint(_ position: Int64, _ db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)",
            arguments: [name, version, position])
    }

    static func clear(_ db: Database) throws {
        for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
        try resetScheduleBasis(db)
        try setCheckpoint(0, db)
    }

    /// Applies one batch after the checkpoint; returns how many events it applied.
    static func applyBatch(_ db: Database) throws -> Int {
        let current = try checkpoint(db)
        if current?.version != version { try clear(db) }
        let from = current?.version == version ? current!.position : 0
        let events = try SQLiteEventStore.events(db, where: "position > ?", [from], limit: batchSize)
        var states: [String: StateCache.Entry] = [:]
        try apply(events, db, states: &states)
        if let last = events.last { try setCheckpoint(last.position, db) }
        return events.count
    }

    /// Inside a write transaction: projects whatever lies between the
    /// checkpoint and `position` (events of an older binary), so that the
    /// events appended next can be projected inline.
    static func catchUp(to position: Int64, _ db: Database) throws {
        if let current = try checkpoint(db), current.version == version, current.position == position { return }
        try replay(db)
    }

    /// Applies `events`, in order, to the read models. `states` holds the
    /// stream states already known (a command's fold), at the version before
    /// each stream's first event here; it leaves with the task states after them.
    static func apply(
        _ events: [RecordedEvent], _ db: Database, states: inout [String: StateCache.Entry], decoded: [Decoded]? = nil
    ) throws {
        var tasks = TaskStates(known: states)
        for (index, event) in events.enumerated() {
            try apply(try decoded?[index] ?? Decoded(event), event, &tasks, db)
        }
        for (state, record) in tasks.touched.values { states[record.streamID] = .init(version: record.version, state: state) }
        try tasks.flush(db)
    }

    static func apply(_ decoded: Decoded, _ event: RecordedEvent, _ tasks: inout TaskStates, _ db: Database) throws {
        switch decoded {
        case .directory(let e): try applyDirectory(e, db)
        case .task(let e): try applyTask(e, event, &tasks, db)
        case .plan(let e): try applyPlan(e, db)
        case .indicator(let e): try applyIndicator(e, event, db)
        case .reminder(let e): try applyReminder(e, event, db)
        case .other: break
        }
    }

    /// An event decoded for the read models; streams they do not show are `other`.
    enum Decoded: Sendable, Equatable {
        case directory(Directory.Event), task(TaskEvent), plan(PlanEvent), indicator(IndicatorEvent)
        case reminder(ReminderEvent), other

        init(_ event: RecordedEvent) throws {
            if event.streamID == Directory.streamID {
                self = .directory(try EventCoding.directoryEvent(event))
            } else if event.streamID.hasPrefix("task-") {
                self = .task(try EventCoding.taskEvent(event))
            } else if event.streamID.hasPrefix("plan-") {
                self = .plan(try EventCoding.planEvent(event))
            } else if event.streamID.hasPrefix("indicator-") {
                self = .indicator(try EventCoding.indicatorEvent(event))
            } else if event.streamID == ReminderEvent.streamID {
                self = .reminder(try EventCoding.reminderEvent(event))
            } else {
                self = .other
            }
        }

        /// A domain event the caller has in hand; `nil` for a type the read models do not know.
        init?(_ event: any Sendable) {
            switch event {
            case let e as TaskEvent: self = .task(e)
            case let e as Directory.Event: self = .directory(e)
            case let e as PlanEvent: self = .plan(e)
            case let e as IndicatorEvent: self = .indicator(e)
            case let e as ReminderEvent: self = .reminder(e)
            default: return nil
            }
        }
    }

    /// The task states being folded: taken from what the command knew, else
    /// read from `task_view` once; written to it once per ``flush(_:)``.
    struct TaskStates {
        /// How many states a replay holds before writing them out (a few KB each).
        static let capacity = 2_000
        var known: [String: StateCache.Entry]
        var touched: [String: (TaskState, RecordedEvent)] = [:]
        /// The last snapshot each touched task reached (see ``isSnapshot(_:)``).
        var snapshots: [String: (version: Int, state: TaskState)] = [:]
        /// The month reports changed since the last flush, each with the unit
        /// that submitted it there (`nil`: only decided there, the row keeps its unit).
        var reports: [ReportKey: UnitID?] = [:]

        struct ReportKey: Hashable {
            var task: String
            var period: Period
        }

        mutating func state(_ taskID: String, before record: RecordedEvent, _ db: Database) throws -> TaskState {
            if let (state, _) = touched[taskID] { return state }
            if let entry = known[record.streamID], entry.version == record.version - 1, let state = entry.state as? TaskState {
                return state
            }
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(taskStateColumns) FROM \(taskStateSource) WHERE t.task_id = ?"),
                arguments: [taskID])
            return try row.map { try taskState($0, db) } ?? .initial
        }

        mutating func evolved(_ taskID: String, _ state: TaskState, _ record: RecordedEvent) {
            touched[taskID] = (state, record)
            if isSnapshot(record.version) { snapshots[taskID] = (record.version, state) }
        }

        /// Writes the states folded since the last flush, and forgets them.
        /// A month's report changed: submitted by `unit`, or decided (`nil`).
        mutating func reported(_ taskID: String, _ period: Period, by unit: UnitID?) {
            let key = ReportKey(task: taskID, period: period)
            if let unit { reports[key] = .some(unit) } else if reports[key] == nil { reports[key] = .some(nil) }
        }

        /// Writes the states and reports changed since the last flush, and
        /// forgets them. A report is written once, from the last state, however
        /// many of its events the batch held; the snapshots' JSON is made on
        /// all cores when a replay flushes many.
        mutating func flush(_ db: Database) throws {
            let json = encodeAll(snapshots.mapValues(\.state))
            for (taskID, (state, record)) in touched {
                try writeTask(taskID, state, record, snapshot: snapshots[taskID].map { ($0.version, json[taskID]!) }, db)
            }
            for (key, unit) in reports {
                guard let state = touched[key.task]?.0 else { continue }
                try upsertReport(key.task, state, key.period, unit: unit, db)
            }
            touched.removeAll(keepingCapacity: true)
            snapshots.removeAll(keepingCapacity: true)
            reports.removeAll(keepingCapacity: true)
        }
    }

    static func applyDirectory(_ event: Directory.Event, _ db: Database) throws {
        switch event {
        case .unitAdded(let unit), .unitUpdated(let unit):
            try db.execute(
                sql: "INSERT OR REPLACE INTO unit_view (unit_id, name, details) VALUES (?, ?, ?)",
                arguments: [unit.id.rawValue, unit.name, EventCoding.json(unit)])
        case .userAdded(let user):
            try db.execute(
                sql: "INSERT OR REPLACE INTO user_view (login, name, role, unit_id, email) VALUES (?, ?, ?, ?, ?)",
                arguments: [user.login.rawValue, user.name, user.role.rawValue, user.unit?.rawValue, user.email])
        case .passwordSet:
            // Kept in the directory stream only; the web signs in against its fold.
            break
        case .userDeactivated(let e):
            try db.execute(
                sql: "UPDATE user_view SET deactivated_at = ? WHERE login = ?",
                arguments: [Timestamp.format(e.at), e.login.rawValue])
        case .userReactivated(let e):
            try db.execute(sql: "UPDATE user_view SET deactivated_at = NULL WHERE login = ?", arguments: [e.login.rawValue])
        }
    }

    static func applyTask(_ event: TaskEvent, _ record: RecordedEvent, _ tasks: inout TaskStates, _ db: Database) throws {
        let taskID = String(record.streamID.dropFirst("task-".count))
        let state = TaskState.evolve(try tasks.state(taskID, before: record, db), event)
        tasks.evolved(taskID, state, record)
        switch event {
        case .reportSubmitted(let e):
            tasks.reported(taskID, e.period, by: state.lead)
            for value in e.indicators {
                try insertIndicatorValue(
                    record.position, plan: state.plan ?? "", indicator: value.indicator, task: taskID,
                    unit: state.lead.rawValue, period: e.period, value: value.value, by: e.by, at: e.at, db)
            }
        case .reportApproved(let e), .reportReturned(let e): tasks.reported(taskID, e.period, by: nil)
        default: break
        }
    }

    static func applyPlan(_ event: PlanEvent, _ db: Database) throws {
        switch event {
        case .published(let e):
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO plan_view (plan_id, revision, number, title, published_at, plan)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    e.plan.id.rawValue, e.revision, e.plan.document.number, e.plan.document.title,
                    Timestamp.format(e.at), EventCoding.json(e.plan),
                ])
        }
    }

    static func applyIndicator(_ event: IndicatorEvent, _ record: RecordedEvent, _ db: Database) throws {
        switch event {
        case .valueRecorded(let e):
            try insertIndicatorValue(
                record.position, plan: e.plan, indicator: e.indicator, task: "", unit: record.metadata.actor.unit?.rawValue ?? "",
                period: e.period, value: e.value, by: e.by, at: e.at, db)
        }
    }

    static func insertIndicatorValue(
        _ position: Int64, plan: String, indicator: String, task: String, unit: String, period: Period, value: Double,
        by: Login, at: Date, _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO indicator_values (position, plan_id, indicator_id, task_id, unit_id, period, value,
                    reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            position, plan, indicator, task, unit, period.description, value, by.rawValue, Timestamp.format(at),
        ])
    }

    /// Writes a task's row. Its full state (a few KB of JSON that grow with
    /// every report) goes to `task_snapshot` only at snapshot versions; a
    /// reader folds the events after the snapshot's version on top (at most
    /// ``snapshotEvery`` − 1 of them).
    static func writeTask(
        _ taskID: String, _ state: TaskState, _ record: RecordedEvent, snapshot: (version: Int, json: String)?,
        _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO task_view (title, lead_unit, co_units, status, due, original_due,
                    output, assigned_at, updated_at, version, plan_id, code, deadline_text, report_day,
                    inactive_since, report_marks, task_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            state.title, state.lead.rawValue, state.coUnits.map(\.rawValue).joined(separator: ","),
            state.status.rawValue, state.due.map(Timestamp.format), state.originalDue.map(Timestamp.format),
            state.output, Timestamp.format(state.assignedAt), Timestamp.format(record.metadata.recordedAt),
            record.version, state.plan, state.code, state.deadlineText, state.reporting.beforeDay,
            state.inactiveSince.map(Timestamp.format), TaskRow.marks(of: state), taskID,
        ])
        if let snapshot {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO task_snapshot (task_id, version, state) VALUES (?, ?, ?)")
                .execute(arguments: [taskID, snapshot.version, snapshot.json])
        }
        try writeSchedule(taskID, state, db)
    }

    /// Every how many versions a task's full state is written: at version 1
    /// and at each multiple of this, whether the events came one command at
    /// a time or in a rebuild, so both leave the same rows.
    static let snapshotEvery = 8

    static func isSnapshot(_ version: Int) -> Bool { version == 1 || version % snapshotEvery == 0 }

    /// The columns ``taskState(_:_:)`` reads, in its order, from ``taskStateSource``.
    static let taskStateColumns = "t.task_id, t.version, s.state, s.version"
    /// A task's row and its snapshot (`t` and `s`).
    static let taskStateSource = "task_view t JOIN task_snapshot s ON s.task_id = t.task_id"

    /// A task's state from its `task_view` row (``taskStateColumns``): the
    /// snapshot, with the task's events after it folded on top.
    static func taskState(_ row: Row, _ db: Database) throws -> TaskState {
        let version: Int = row[1]
        var state = try EventCoding.state(row[2])
        let snapshot: Int = row[3] ?? version
        guard snapshot < version else { return state }
        let tail = try SQLiteEventStore.events(
            db, where: "stream_id = ? AND stream_version > ?", ["task-" + (row[0] as String), snapshot])
        for event in tail { state = TaskState.evolve(state, try EventCoding.taskEvent(event)) }
        return state
    }

    /// Writes one period's report row. The unit is set when the report is
    /// submitted and kept by the decisions, so a reassigned task's earlier
    /// reports stay with the unit that wrote them.
    static func upsertReport(_ taskID: String, _ state: TaskState, _ period: Period, unit: UnitID?, _ db: Database) throws {
        guard let r = state.reports[period] else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO report_view (task_id, period, lead_unit, revision, status, summary, percent_done,
                    submitted_by, submitted_at, due, late, decided_by, decided_at, decision_note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (task_id, period) DO UPDATE SET
                    lead_unit = COALESCE(?, lead_unit), revision = excluded.revision, status = excluded.status,
                    summary = excluded.summary, percent_done = excluded.percent_done,
                    submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
                    due = excluded.due, late = excluded.late, decided_by = excluded.decided_by,
                    decided_at = excluded.decided_at, decision_note = excluded.decision_note
                """
        ).execute(
            arguments: [
                taskID, period.description, (unit ?? state.lead).rawValue, r.revision, r.status.rawValue, r.summary,
                r.percentDone, r.submittedBy.rawValue, Timestamp.format(r.submittedAt), Timestamp.format(r.due),
                r.late, r.decidedBy?.rawValue, r.decidedAt.map(Timestamp.format), r.decisionNote, unit?.rawValue,
            ])
    }
}

extension SQLiteEventStore {
    /// Brings the read models up to the last event. Cheap when they are already
    /// there: a read, no write lock.
    @discardableResult
    public func catchUp() throws(StoreError) -> Int {
        let behind = try read { db in
            guard let checkpoint = try Projector.checkpoint(db) else { return true }
            return try checkpoint.version != Projector.version || checkpoint.position < Tail.fetch(db).position
        }
        guard behind else { return 0 }
        var applied = 0
        while true {
            let count = try write { db in try Projector.applyBatch(db) }
            applied += count
            if count < Projector.batchSize { return applied }
        }
    }

    /// Drops the read models and replays every event into them, in one
    /// transaction: a reader sees the old models or the new, never a half.
    @discardableResult
    public func rebuild() throws(StoreError) -> Int {
        try write { db in
            try Projector.clear(db)
            return try Projector.replay(db)
        }
    }
}
