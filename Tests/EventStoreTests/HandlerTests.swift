import Foundation
@testable import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@Suite("Command handler: load, decide, append")
struct HandlerTests {
    let temp: TemporaryStore
    let handler: CommandHandler

    init() throws {
        temp = try TemporaryStore()
        handler = temp.handler(at: Fixture.november10)
        try Fixture.seedDirectory(handler)
    }

    func run(_ command: TaskCommand, as login: Login, id: String = UUID().uuidString) throws -> CommandOutcome {
        try handler.execute(command, on: Fixture.task, context: CommandContext(login: login, commandID: id, source: .cli))
    }

    @Test func eventsCarryTheActorAndTheCommandsMetadata() throws {
        let outcome = try run(.assign(Fixture.assignment), as: Fixture.leader, id: "assign-1")
        let event = try #require(outcome.events.first)
        #expect(event.type == "TaskAssigned")
        #expect(event.streamID == "task-KH07-1")
        #expect(event.metadata.actor == Actor(login: Fixture.leader, role: .leader))
        #expect(event.metadata.commandID == "assign-1")
        #expect(event.metadata.recordedAt == Fixture.november10)
        #expect(event.metadata.simulatedClock)
        #expect(event.metadata.source == .cli)
        #expect(try EventCoding.taskEvent(event) == .assigned(.init(
            title: Fixture.assignment.title, lead: Fixture.vhxh, coUnits: [Fixture.vp], due: Fixture.assignment.due,
            output: Fixture.assignment.output, by: Fixture.leader, at: Fixture.november10)))
    }

    @Test func repeatingACommandIDAnswersAsTheFirstTimeEvenWhenTheRulesWouldNowRefuse() throws {
        _ = try run(.assign(Fixture.assignment), as: Fixture.leader)
        _ = try run(.accept(note: nil), as: Fixture.officer)
        _ = try run(.report(.init(period: Period(year: 2026, month: 11)!, summary: "Xong 30%")), as: Fixture.officer)
        let approve = TaskCommand.approve(period: Period(year: 2026, month: 11)!, revision: nil, note: nil)
        let first = try run(approve, as: Fixture.leader, id: "approve-1")
        let again = try run(approve, as: Fixture.leader, id: "approve-1")
        #expect(!first.repeated)
        #expect(again.repeated)
        #expect(again.events == first.events)
        #expect(throws: CommandError.rejected(.reportAlreadyApproved(Period(year: 2026, month: 11)!))) {
            try run(approve, as: Fixture.leader, id: "approve-2")
        }
        #expect(throws: CommandError.store(.commandIDReused("approve-1"))) {
            try run(.cancel(reason: "Không cần nữa"), as: Fixture.leader, id: "approve-1")
        }
    }

    @Test func unknownTaskUserAndUnitAreNamed() throws {
        #expect(throws: CommandError.rejected(.unknownTask(Fixture.task))) { try run(.accept(note: nil), as: Fixture.officer) }
        #expect(throws: CommandError.rejected(.unknownUser(Login(unchecked: "ai")))) {
            try run(.assign(Fixture.assignment), as: Login(unchecked: "ai"))
        }
        var assignment = Fixture.assignment
        assignment.lead = UnitID(unchecked: "khong-co")
        #expect(throws: CommandError.rejected(.unknownUnit(assignment.lead))) { try run(.assign(assignment), as: Fixture.leader) }
        #expect(try temp.store.version(of: TaskEvent.streamID(Fixture.task)) == 0)
    }

    @Test func aRejectedCommandAppendsNothing() throws {
        _ = try run(.assign(Fixture.assignment), as: Fixture.leader)
        let before = try temp.store.lastPosition()
        #expect(throws: CommandError.rejected(.notLeadUnitOfficer(action: "tiếp nhận nhiệm vụ", lead: Fixture.vhxh))) {
            try run(.accept(note: nil), as: Fixture.otherOfficer)
        }
        #expect(throws: CommandError.rejected(.notPermitted(action: "thay đổi dữ liệu", role: .auditor))) {
            try run(.cancel(reason: "x"), as: Fixture.auditor)
        }
        #expect(try temp.store.lastPosition() == before)
    }

    @Test func aWriterThatLostTheRaceDecidesAgainOnTheNewState() throws {
        _ = try run(.assign(Fixture.assignment), as: Fixture.leader)
        let other = CommandHandler(store: try temp.openAnother(), clock: SetTime(Fixture.november10))
        _ = try other.execute(.accept(note: nil), on: Fixture.task, context: CommandContext(login: Fixture.officer, source: .cli))
        // This handler loads the stream afresh, so it decides on "accepted": nothing to do.
        let outcome = try run(.accept(note: nil), as: Fixture.officer)
        #expect(outcome.events.isEmpty)
        #expect(try temp.store.version(of: TaskEvent.streamID(Fixture.task)) == 2)
    }
}
