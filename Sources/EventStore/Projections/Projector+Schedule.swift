import Foundation
import GRDB
import RoDomain

/// `task_schedule`: for each task that can owe something (assigned or
/// accepted), the instant of its next notice (``ReminderPolicy/nextNotice(for:recorded:calendar:)``)
/// in milliseconds since 1970, indexed, so that a scheduler pass reads only the
/// tasks with a notice due by now.
///
/// A task's row is written with its `task_view` row, in the same transaction.
/// What else moves the instant marks rows *stale* (`next_at` = 0, which every
/// pass takes as due, so a stale row can only cost work, never a reminder) and
/// ``SQLiteEventStore/refreshSchedules(known:)`` computes them again before a pass
/// reads them: a recorded notice (its task's rows), a calendar loaded (every
/// row) or a plan published again (its tasks' rows). The last two are found by
/// comparing the position of the calendar's and each plan's latest event with
/// the one the rows were computed under (`schedule_basis`). A unit's addresses
/// change whom a reminder goes to, not when: they move nothing here.
extension Projector {
    /// The `next_at` of a row to compute again.
    static let stale: Int64 = 0

    static func writeSchedule(_ taskID: String, _ state: TaskState, _ db: Database, inputs: ScheduleInputs? = nil) throws {
        guard state.status == .assigned || state.status == .accepted else {
            try db.cachedStatement(sql: "DELETE FROM task_schedule WHERE task_id = ?").execute(arguments: [taskID])
            return
        }
        let inputs = try inputs ?? ScheduleInputs(db)
        let task = ReminderPolicy.Task(id: TaskID(unchecked: taskID), state: state, rules: try inputs.rules(state.plan, db))
        let next = ReminderPolicy.nextNotice(for: task, recorded: try progress(of: taskID, db), calendar: inputs.calendar)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO task_schedule (task_id, plan_id, next_at) VALUES (?, ?, ?)")
            .execute(arguments: [taskID, state.plan, next.map(milliseconds)])
    }

    /// Marks the rows of tasks whose recorded notices changed.
    static func markStale(_ tasks: some Sequence<TaskID>, _ db: Database) throws {
        try db.cachedStatement(
            sql: "UPDATE task_schedule SET next_at = 0 WHERE task_id IN (SELECT value FROM json_each(?)) AND next_at != 0"
        ).execute(arguments: [EventCoding.json(Set(tasks.map(\.rawValue)).sorted())])
    }

    /// An instant as `next_at` holds it: milliseconds, rounded down (a row may
    /// say a little early, never late), never the stale mark.
    static func milliseconds(_ date: Date) -> Int64 {
        max(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)), 1)
    }

    /// For each item key of a task, the highest notice index recorded.
    static func progress(of taskID: String, _ db: Database) throws -> [String: Int] {
        var progress: [String: Int] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: "SELECT item_key, MAX(notice_index) FROM reminder_notice WHERE task_id = ? GROUP BY item_key"),
            arguments: [taskID])
        while let row = try rows.next() { progress[row[0]] = row[1] }
        return progress
    }

    /// The position and hash of a stream's latest event.
    static func latestEvent(of stream: String, _ db: Database) throws -> (position: Int64, hash: Data)? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT position, hash FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1"),
            arguments: [stream]
        ).map { ($0[0], $0[1]) }
    }

    /// The working-day calendar the store's events leave in force.
    static func scheduleCalendar(_ db: Database) throws -> WorkingCalendar {
        guard let latest = try latestEvent(of: CalendarEvent.streamID, db) else { return ScheduleCache.standard }
        if let calendar = ScheduleCache.shared.calendar(latest.hash) { return calendar }
        let events = try SQLiteEventStore.events(db, where: "stream_id = ?", [CalendarEvent.streamID])
        let calendar = CalendarEvent.current(try events.map(EventCoding.calendarEvent))
        ScheduleCache.shared.keep(calendar, for: latest.hash)
        return calendar
    }

    /// The reminder rules of a plan as its latest event publishes them;
    /// ``ReminderRules/standalone`` for a task outside any plan (or one whose plan is unknown).
    static func scheduleRules(_ plan: String?, _ db: Database) throws -> ReminderRules {
        guard let plan, let latest = try latestEvent(of: PlanEvent.streamID(PlanID(unchecked: plan)), db) else {
            return .standalone
        }
        if let rules = ScheduleCache.shared.rules(latest.hash) { return rules }
        guard let event = try SQLiteEventStore.events(db, where: "position = ?", [latest.position]).first,
            case .published(let published) = try EventCoding.planEvent(event)
        else { return .standalone }
        let rules = ReminderRules(published.plan)
        ScheduleCache.shared.keep(rules, for: latest.hash)
        return rules
    }
}

/// The calendar and plans' rules for computing many rows at once: looked up once.
final class ScheduleInputs {
    let calendar: WorkingCalendar
    private var rules: [String: ReminderRules] = [:]

    init(_ db: Database) throws { calendar = try Projector.scheduleCalendar(db) }

    func rules(_ plan: String?, _ db: Database) throws -> ReminderRules {
        guard let plan else { return .standalone }
        if let known = rules[plan] { return known }
        let found = try Projector.scheduleRules(plan, db)
        rules[plan] = found
        return found
    }
}

/// Calendars and plans' reminder rules, by the hash of the event that set them
/// (so two stores in one process never mix): decoding a plan for every task
/// written would cost more than the rest of the write.
final class ScheduleCache: @unchecked Sendable {
    static let shared = ScheduleCache()
    /// The calendar when none was loaded.
    static let standard = WorkingCalendar()

    private let lock = NSLock()
    private var calendars: [Data: WorkingCalendar] = [:]
    private var plans: [Data: ReminderRules] = [:]

    func calendar(_ hash: Data) -> WorkingCalendar? { lock.withLock { calendars[hash] } }
    func rules(_ hash: Data) -> ReminderRules? { lock.withLock { plans[hash] } }

    func keep(_ calendar: WorkingCalendar, for hash: Data) {
        lock.withLock {
            if calendars.count > 64 { calendars.removeAll() }
            calendars[hash] = calendar
        }
    }

    func keep(_ rules: ReminderRules, for hash: Data) {
        lock.withLock {
            if plans.count > 256 { plans.removeAll() }
            plans[hash] = rules
        }
    }
}
