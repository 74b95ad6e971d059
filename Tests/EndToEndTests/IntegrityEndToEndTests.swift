import Foundation
import Testing

/// `verify` checks the hash chain of the events in the file on disk; `rebuild`
/// replays them into the read models, which are not evidence of anything.
@Suite("ro end to end: verify and rebuild")
struct IntegrityEndToEndTests {
    /// KH07-1 through report (revision 1 at position 10, summary `marker`) → return → report → approve;
    /// KH07-2 assigned to vp, reported late, then an extension granted on KH07-1.
    static let marker = "Zebra-mot-hai-ba"

    func store() throws -> RoRunner {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        try ro.expectSuccess(["report", "KH07-1", "--period", "2026-11", "--summary", Self.marker, "--as", "lan"])
        try ro.expectSuccess(["return", "KH07-1", "--period", "2026-11", "--reason", "Thiếu số liệu", "--as", "chutich"])
        try ro.expectSuccess(["report", "KH07-1", "--period", "2026-11", "--summary", "Đủ số liệu", "--percent", "50", "--as", "lan"])
        try ro.expectSuccess(["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"])
        try ro.expectSuccess(["assign", "KH07-2", "--title", "Số hóa hồ sơ", "--lead", "vp", "--due", "2026-11-30", "--as", "chutich"])
        try ro.expectSuccess(["accept", "KH07-2", "--as", "minh"])
        ro.now = "2026-11-25T10:00:00+07:00"
        try ro.expectSuccess(["report", "KH07-2", "--period", "2026-11", "--summary", "Trễ vì mất điện", "--as", "minh"])
        try ro.expectSuccess(["extend", "request", "KH07-1", "--due", "2027-02-28", "--reason", "Chờ kinh phí", "--as", "lan"])
        try ro.expectSuccess(["extend", "grant", "KH07-1", "--as", "chutich"])
        return ro
    }

    /// Every read whose answer comes from the read models, as text and as JSON.
    static let reads: [[String]] = [
        ["task", "list"], ["task", "list", "--json"], ["task", "list", "--period", "2026-11", "--json"],
        ["task", "list", "--overdue", "--json"], ["task", "show", "KH07-1"], ["task", "show", "KH07-1", "--json"],
        ["task", "show", "KH07-2", "--json"], ["status", "--json"], ["status", "--period", "2026-11"],
        ["history", "KH07-1", "--json"], ["history", "KH07-2", "--json"], ["unit", "list", "--json"], ["user", "list", "--json"],
    ]

    func answers(_ ro: RoRunner) throws -> [String] {
        try Self.reads.map { read in
            let result = try ro.run(read)
            #expect(result.status == 0, "\(read): \(result.stderr)")
            return result.stdout
        }
    }

    /// The events as stored, column by column, read with the sqlite3 shell.
    func storedEvents(_ ro: RoRunner) throws -> String {
        try ro.sqlite("SELECT position, stream_id, stream_version, payload, hex(previous_hash), hex(hash) FROM events ORDER BY position").stdout
    }

    @Test func aGoodStoreVerifiesAndVerifyingChangesNoEvent() throws {
        let ro = try store()
        let before = try storedEvents(ro)
        let verify = try ro.expectSuccess(["verify"])
        #expect(verify.stdout == "Chuỗi băm nguyên vẹn: đã kiểm tra 18 sự kiện.\n")
        let json = try ro.jsonObject(["verify"])
        #expect(json["ok"] as? Bool == true)
        #expect(json["checked"] as? Int == 18)
        #expect(json["first_bad_position"] == nil || json["first_bad_position"] is NSNull)
        #expect(try storedEvents(ro) == before)
    }

    @Test func oneChangedLetterInAnEventPayloadOnDiskIsFoundAtItsPosition() throws {
        let ro = try store()
        let entry = try #require(try ro.jsonArray(["history", "KH07-1"]).first { ($0["text"] as? String)?.contains(Self.marker) == true })
        let position = try #require(entry["position"] as? Int)
        #expect(position == 10)
        // Every `ro` has exited, so the WAL was checkpointed into the file and removed.
        #expect(ro.sideFiles.isEmpty, "\(ro.sideFiles)")

        // The payload as stored: sorted keys, so revision 1's summary follows `"revision":1,`.
        var bytes = try ro.storeBytes()
        let needle = Data("\"revision\":1,\"summary\":\"\(Self.marker)\"".utf8)
        let offset = Data("\"revision\":1,\"summary\":\"".utf8).count
        var found = 0
        var start = bytes.startIndex
        while let range = bytes.range(of: needle, in: start..<bytes.endIndex) {
            #expect(bytes[range.lowerBound + offset] == UInt8(ascii: "Z"))
            bytes[range.lowerBound + offset] = UInt8(ascii: "X")
            found += 1
            start = range.upperBound
        }
        try #require(found >= 1, "the payload of position \(position) is not in the file")
        try bytes.write(to: URL(fileURLWithPath: ro.db))

        let message = "ro: chuỗi băm đứt tại vị trí \(position): nội dung sự kiện đã bị thay đổi\n"
        let verify = try ro.run(["verify"])
        #expect(verify.status == 68)
        #expect(verify.stdout.isEmpty)
        #expect(verify.stderr == message)
        let json = try ro.run(["verify", "--json"])
        #expect(json.status == 68)
        #expect(json.stderr == message)
        let object = try #require(try json.json() as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["checked"] is Int)
        #expect(object["first_bad_position"] as? Int == position)
        #expect((object["problem"] as? String)?.isEmpty == false)
    }

    @Test func rebuildGivesTheSameAnswersAndAppendsNothing() throws {
        let ro = try store()
        ro.now = "2026-12-01T09:00:00+07:00"
        let before = try answers(ro)
        let count = try ro.eventCount()
        let rebuild = try ro.expectSuccess(["rebuild"])
        #expect(rebuild.stdout == "Đã dựng lại các bảng đọc từ \(count) sự kiện.\n")
        let after = try answers(ro)
        for (index, read) in Self.reads.enumerated() {
            #expect(after[index] == before[index], "\(read) differs after rebuild")
        }
        #expect(try ro.eventCount() == count)
        try ro.expectSuccess(["rebuild"])
        #expect(try answers(ro) == before)
        try ro.expectSuccess(["verify"])
    }

    @Test func damagedReadModelsDoNotBreakTheChainAndRebuildRestoresThem() throws {
        let ro = try store()
        let before = try answers(ro)
        try ro.sqlite("""
            UPDATE task_view SET title = 'Đã bị sửa tay';
            UPDATE task_snapshot SET state = json_set(state, '$.title', 'Đã bị sửa tay');
            DELETE FROM report_view;
            """)
        #expect(try answers(ro) != before)
        #expect(try ro.expectSuccess(["task", "list"]).stdout.contains("Đã bị sửa tay"))
        try ro.expectSuccess(["verify"])
        try ro.expectSuccess(["rebuild"])
        #expect(try answers(ro) == before)
        #expect(!(try ro.expectSuccess(["task", "list"]).stdout.contains("Đã bị sửa tay")))
    }
}
