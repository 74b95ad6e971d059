import Foundation
import RoDomain
import RoEventStore
import Testing
import TestSupport

@Suite("Appending events")
struct AppendTests {
    @Test func positionsAreGlobalAndVersionsPerStream() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0, count: 2))
        _ = try temp.store.append(SampleEvents.request(stream: "b", expected: 0))
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 2))
        let all = try temp.store.events(after: 0)
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all.map(\.streamID) == ["a", "a", "b", "a"])
        #expect(all.map(\.version) == [1, 2, 1, 3])
        #expect(try temp.store.version(of: "a") == 3)
        #expect(try temp.store.events(of: "b").count == 1)
        #expect(Set(all.map(\.eventID)).count == 4)
        #expect(all.allSatisfy { $0.eventID.count == 36 && $0.eventID == $0.eventID.lowercased() })
    }

    @Test func eachEventLinksToTheHashOfTheOneBefore() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0, count: 3))
        let all = try temp.store.events(after: 0)
        #expect(all[0].previousHash == HashChain.genesis)
        #expect(all[1].previousHash == all[0].hash)
        #expect(all[2].previousHash == all[1].hash)
        #expect(all[2].hash == HashChain.hash(previous: all[1].hash, event: all[2]))
        #expect(try temp.store.verify().firstBreak == nil)
    }

    @Test func aWrongExpectedVersionIsAConflictAndWritesNothing() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0))
        #expect(throws: StoreError.conflict(stream: "a", expected: 0, actual: 1)) {
            try temp.store.append(SampleEvents.request(stream: "a", expected: 0))
        }
        #expect(throws: StoreError.conflict(stream: "a", expected: 5, actual: 1)) {
            try temp.store.append(SampleEvents.request(stream: "a", expected: 5))
        }
        #expect(try temp.store.lastPosition() == 1)
    }

    @Test func aRepeatedCommandIDAppendsNothingAndAnswersAsTheFirstTime() throws {
        let temp = try TemporaryStore()
        let request = SampleEvents.request(stream: "a", expected: 0, commandID: "cmd-1", count: 2)
        let first = try temp.store.append(request)
        let again = try temp.store.append(request)
        #expect(again == .duplicate(first.events))
        #expect(try temp.store.lastPosition() == 2)
        #expect(try temp.store.priorOutcome(of: "cmd-1", fingerprint: request.fingerprint) == first.events)
        #expect(try temp.store.priorOutcome(of: "cmd-unknown", fingerprint: "x") == nil)
    }

    @Test func aCommandIDReusedForAnotherCommandIsRefused() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0, commandID: "cmd-1"))
        let other = SampleEvents.request(stream: "b", expected: 0, commandID: "cmd-1", text: "khác")
        #expect(throws: StoreError.commandIDReused("cmd-1")) { try temp.store.append(other) }
        #expect(try temp.store.lastPosition() == 1)
    }

    @Test func aCommandThatDecidedNothingIsRememberedToo() throws {
        let temp = try TemporaryStore()
        let request = SampleEvents.request(stream: "a", expected: 0, commandID: "noop", count: 0)
        #expect(try temp.store.append(request) == .appended([]))
        #expect(try temp.store.append(request) == .duplicate([]))
        #expect(try temp.store.lastPosition() == 0)
    }

    @Test func aBatchCommitsItsGoodRequestsAndRefusesTheConflictingOne() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0))
        let results = try temp.store.append(batch: [
            SampleEvents.request(stream: "b", expected: 0),
            SampleEvents.request(stream: "a", expected: 0),
            SampleEvents.request(stream: "a", expected: 1, count: 2),
        ])
        #expect(try results[0].get().events.map(\.position) == [2])
        #expect(throws: StoreError.conflict(stream: "a", expected: 0, actual: 1)) { try results[1].get() }
        #expect(try results[2].get().events.map(\.position) == [3, 4])
        #expect(try temp.store.verify().firstBreak == nil)
        #expect(try temp.store.verify().checked == 4)
    }

    @Test func metadataIsStoredAndReadBack() throws {
        let temp = try TemporaryStore()
        let request = SampleEvents.request(stream: "a", expected: 0, commandID: "cmd-meta")
        _ = try temp.store.append(request)
        try temp.reopen()
        let event = try #require(try temp.store.events(of: "a").first)
        #expect(event.metadata == request.metadata)
        #expect(event.metadata.correlationID == "cmd-meta")
        #expect(event.payload == request.events[0].payload)
    }
}
