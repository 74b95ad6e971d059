import Foundation
import GRDB
import RoDomain
import RoEventStore
import Testing
import TestSupport

@Suite("What was recorded is never changed")
struct IntegrityTests {
    @Test func triggersRefuseUpdateAndDeleteOfEvents() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0, commandID: "c1"))
        let raw = try DatabaseQueue(path: temp.path)
        for sql in [
            "UPDATE events SET payload = '{}' WHERE position = 1", "DELETE FROM events WHERE position = 1",
            "UPDATE commands SET fingerprint = 'x'", "DELETE FROM commands",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try raw.write { try $0.execute(sql: sql) } }
        }
        try raw.close()
        #expect(try temp.store.events(of: "a").first?.payload == "{\"text\":\"mẫu 0\"}")
        #expect(try temp.store.priorOutcome(of: "c1", fingerprint: "fp-a-0-mẫu")?.count == 1)
    }

    @Test func verifyFindsOneByteChangedOnDisk() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0, text: "alpha"))
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 1, text: "bravo"))
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 2, text: "charlie"))
        try temp.store.close()

        var bytes = try Data(contentsOf: URL(fileURLWithPath: temp.path))
        let needle = Data("bravo 0".utf8)
        let range = try #require(bytes.range(of: needle))
        bytes[range.lowerBound] = UInt8(ascii: "B")
        try bytes.write(to: URL(fileURLWithPath: temp.path))

        let reopened = try SQLiteEventStore.open(at: temp.path)
        let verification = try reopened.verify()
        #expect(verification.firstBreak == ChainBreak(position: 2, kind: .content))
        #expect(verification.checked == 1)
        #expect(verification.firstBreak?.message.contains("vị trí 2") == true)
    }

    @Test func verifyFindsAMissingEvent() throws {
        let temp = try TemporaryStore()
        _ = try temp.store.append(SampleEvents.request(stream: "a", expected: 0, count: 3))
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { db in
            try db.execute(sql: "DROP TRIGGER events_no_delete")
            try db.execute(sql: "DELETE FROM events WHERE position = 2")
        }
        try raw.close()
        #expect(try temp.store.verify().firstBreak == ChainBreak(position: 2, kind: .gap))
    }
}

@Suite("Opening a store")
struct OpeningTests {
    @Test func aMissingFileIsNotCreated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ro-missing-\(UUID()).sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try SQLiteEventStore.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let temp = try TemporaryStore()
        let path = temp.directory.appendingPathComponent("notes.txt").path
        let content = Data(String(repeating: "Không phải cơ sở dữ liệu. ", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAStore(path: path)) { try SQLiteEventStore.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test func anotherSQLiteDatabaseIsRefusedAndLeftAlone() throws {
        let temp = try TemporaryStore()
        let path = temp.directory.appendingPathComponent("other.sqlite").path
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAStore(path: path)) { try SQLiteEventStore.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aStoreFromANewerBinaryIsRefused() throws {
        let temp = try TemporaryStore()
        try temp.store.close()
        let raw = try DatabaseQueue(path: temp.path)
        try raw.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try raw.close()
        #expect(throws: StoreError.newerSchema(path: temp.path, unknown: ["v9-future"])) {
            try SQLiteEventStore.open(at: temp.path)
        }
    }

    @Test func createRefusesAnExistingFile() throws {
        let temp = try TemporaryStore()
        #expect(throws: StoreError.alreadyExists(path: temp.path)) { try SQLiteEventStore.create(at: temp.path) }
    }

    @Test func theStoreIsInWALModeWithFullSync() throws {
        let temp = try TemporaryStore()
        let durability = try temp.store.durability()
        #expect(durability.journalMode == "wal")
        #expect(durability.synchronous == 2)
        try temp.reopen()
        #expect(try temp.store.durability().synchronous == 2)
    }
}
