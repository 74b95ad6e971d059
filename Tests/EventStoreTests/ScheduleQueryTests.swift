import Foundation
import GRDB
import Testing
import TestSupport

@testable import RoEventStore

/// What a scheduler pass asks of the store costs what is due, not what exists:
/// its queries search the index of the next notice instants.
@Suite struct ScheduleQueryTests {
    func plan(_ sql: String, _ store: TemporaryStore) throws -> String {
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: [0]).map { $0["detail"] as String }
                .joined(separator: "\n")
        }
    }

    @Test func theDueTasksAreFoundThroughTheIndexOfNextInstants() throws {
        let store = try TemporaryStore()
        let due = try plan(SQLiteEventStore.dueTasksQuery, store)
        #expect(due.contains("SEARCH n USING INDEX task_schedule_next (next_at<?)"), "\(due)")
        #expect(!due.contains("SCAN"), "\(due)")
        let next = try plan("SELECT MIN(next_at) FROM task_schedule WHERE next_at > ?", store)
        #expect(next.contains("COVERING INDEX task_schedule_next"), "\(next)")
    }
}
