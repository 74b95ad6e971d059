import Foundation
import RoDomain
import RoEventStore
import Testing
import TestSupport

/// Two connection pools on one file stand for two processes (the CLI beside a
/// server): SQLite's locks are per connection, not per process.
@Suite("Writers racing on one store")
struct ConcurrencyTests {
    @Test func twoWritersRacingOnOneStreamExactlyOneWins() async throws {
        let temp = try TemporaryStore()
        let first = temp.store
        let second = try temp.openAnother()
        for round in 0..<20 {
            let stream = "race-\(round)"
            let outcomes = await withTaskGroup(of: Result<AppendOutcome, StoreError>.self) { group in
                for (store, name) in [(first, "a"), (second, "b")] {
                    group.addTask {
                        Result { () throws(StoreError) in
                            try store.append(SampleEvents.request(stream: stream, expected: 0, text: name))
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let wins = outcomes.filter { (try? $0.get()) != nil }
            let conflicts = outcomes.filter {
                if case .failure(.conflict(stream, 0, 1)) = $0 { return true } else { return false }
            }
            #expect(wins.count == 1, "round \(round)")
            #expect(conflicts.count == 1, "round \(round)")
            #expect(try first.version(of: stream) == 1)
        }
        #expect(try first.verify().firstBreak == nil)
    }

    @Test func concurrentWritersGetGapFreePositionsInCommitOrder() async throws {
        let temp = try TemporaryStore()
        let stores = [temp.store, try temp.openAnother(), try temp.openAnother()]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in stores.enumerated() {
                group.addTask {
                    for n in 0..<40 {
                        _ = try store.append(SampleEvents.request(stream: "w\(index)-\(n)", expected: 0))
                    }
                }
            }
            try await group.waitForAll()
        }
        let all = try temp.store.events(after: 0, limit: 1_000)
        #expect(all.map(\.position) == Array(1...120))
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.hash == $1.previousHash })
        #expect(try temp.store.verify() .checked == 120)
    }
}
