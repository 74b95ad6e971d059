import Foundation
import GRDB
import RoDomain
import RoHandlers
import Testing
import TestSupport

@testable import RoEventStore

/// Commands from concurrent callers of one process committed together: each in
/// its own savepoint, each answered after the durable commit, the read models
/// written in the same transaction as the events.
@Suite("Group commit and the one-commit path")
struct GroupCommitTests {
    let temp: TemporaryStore
    let november = Period(year: 2026, month: 11)!

    init() throws {
        temp = try TemporaryStore()
        try Fixture.seedDirectory(temp.handler(at: Fixture.november10))
    }

    func by(_ login: Login, _ id: String = UUID().uuidString) -> CommandContext {
        CommandContext(login: login, commandID: id, source: .web)
    }

    func task(_ n: Int) -> TaskID { TaskID(unchecked: "KH-\(n)") }

    @Test func concurrentCommandsAreCommittedInGroupsWithGapFreePositionsAndReadModelsInStep() async throws {
        let handler = temp.handler(at: Fixture.november10)
        let tasks = 24
        try await withThrowingTaskGroup { group in
            for n in 0..<tasks {
                group.addTask {
                    _ = try await handler.execute(.assign(Fixture.assignment), on: task(n), context: by(Fixture.leader))
                    _ = try await handler.execute(.accept(note: nil), on: task(n), context: by(Fixture.officer))
                    _ = try await handler.execute(
                        .report(.init(period: november, summary: "Đạt \(n)%", percentDone: n)), on: task(n),
                        context: by(Fixture.officer))
                }
            }
            try await group.waitForAll()
        }
        let events = try temp.store.events(after: 0, limit: 10_000)
        #expect(events.map(\.position) == Array(1...Int64(events.count)))
        #expect(try temp.store.verify().firstBreak == nil)
        let groups = temp.store.group.committedGroups.withLock { $0 }
        #expect(groups < tasks * 3, "\(tasks * 3) commands in \(groups) commits")
        // The read models were written with the events: the checkpoint is at the
        // last event and a rebuild changes nothing.
        let before = try dump()
        let checkpoint = try await temp.store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT position FROM projection_checkpoints") }
        #expect(checkpoint == events.last?.position)
        try temp.store.rebuild()
        #expect(try dump() == before)
        #expect(try temp.store.tasks(TaskFilter(), now: Fixture.november10).count == tasks)
    }

    @Test func aRefusedCommandInAGroupLeavesNothingAndTheOthersGoThrough() async throws {
        let handler = temp.handler(at: Fixture.november10)
        _ = try await handler.execute(.assign(Fixture.assignment), on: Fixture.task, context: by(Fixture.leader))
        let outcomes = try await handler.executeAll([
            (.accept(note: "nhận"), Fixture.task, by(Fixture.officer)),
            (.approve(period: november, revision: 1, note: nil), Fixture.task, by(Fixture.leader)),
            (.accept(note: nil), task(99), by(Fixture.officer)),
            (.report(.init(period: november, summary: "Đạt 10%")), Fixture.task, by(Fixture.officer)),
        ])
        #expect(try outcomes[0].get().events.map(\.type) == ["TaskAccepted"])
        #expect(throws: CommandError.self) { try outcomes[1].get() }
        #expect(throws: CommandError.rejected(.unknownTask(task(99)))) { try outcomes[2].get() }
        #expect(try outcomes[3].get().events.map(\.type) == ["ReportSubmitted"])
        let types = try temp.store.events(of: TaskEvent.streamID(Fixture.task)).map(\.type)
        #expect(types == ["TaskAssigned", "TaskAccepted", "ReportSubmitted"])
        #expect(try temp.store.verify().firstBreak == nil)
    }

    @Test func theSameCommandIdSentTwiceAtOnceIsCarriedOutOnce() async throws {
        let handler = temp.handler(at: Fixture.november10)
        let context = by(Fixture.leader, "giao-kh-1")
        async let first = handler.execute(.assign(Fixture.assignment), on: task(1), context: context)
        async let second = handler.execute(.assign(Fixture.assignment), on: task(1), context: context)
        let outcomes = try await [first, second]
        #expect(outcomes.map(\.repeated).sorted { !$0 && $1 } == [false, true])
        #expect(outcomes[0].events == outcomes[1].events)
        #expect(try temp.store.events(of: TaskEvent.streamID(task(1))).count == 1)
    }

    /// The folded states kept between commands are keyed by the stream's
    /// version: a command sees what another process wrote since.
    @Test func aStateFoldedBeforeAnotherProcessWroteIsNotUsed() throws {
        let here = temp.handler(at: Fixture.november10)
        let there = CommandHandler(store: try temp.openAnother(), clock: SetTime(Fixture.november10))
        _ = try here.execute(.assign(Fixture.assignment), on: Fixture.task, context: by(Fixture.leader))
        _ = try here.execute(.accept(note: nil), on: Fixture.task, context: by(Fixture.officer))
        _ = try there.execute(.report(.init(period: november, summary: "Đạt 10%")), on: Fixture.task, context: by(Fixture.officer))
        // This process folded the task at version 2; the stream is at 3 now.
        let approved = try here.execute(.approve(period: november, revision: 1, note: nil), on: Fixture.task, context: by(Fixture.leader))
        #expect(approved.events.map(\.type) == ["ReportApproved"])
        _ = try there.addUnit(.init(id: UnitID(unchecked: "tram-y-te"), name: "Trạm Y tế"), context: by(Fixture.admin))
        var moved = Fixture.assignment
        moved.lead = UnitID(unchecked: "tram-y-te")
        // The directory this process folded lacks the new unit: it must be read again.
        let assigned = try here.execute(.assign(moved), on: task(2), context: by(Fixture.leader))
        #expect(assigned.events.map(\.type) == ["TaskAssigned"])
    }

    /// Every row of every read model, as text.
    func dump() throws -> [String] {
        try temp.store.writer.read { db in
            try ["unit_view", "user_view", "task_view", "task_snapshot", "report_view"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" }
            }
        }
    }
}
