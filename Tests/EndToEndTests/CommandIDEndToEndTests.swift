import Foundation
import Testing

/// `--command-id`: the same command again appends nothing and exits 0, whatever
/// happened since; the id on another command is a conflict (75).
@Suite("ro end to end: command ids")
struct CommandIDEndToEndTests {
    func store() throws -> RoRunner {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        return ro
    }

    /// Runs `command` twice and expects the second run to append nothing and say so.
    func twice(_ ro: RoRunner, _ command: [String], id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let first = try ro.expectSuccess(command + ["--command-id", id], sourceLocation: sourceLocation)
        #expect(first.stdout.contains("(sự kiện #"), "\(first.stdout)", sourceLocation: sourceLocation)
        let count = try ro.eventCount()
        let history = try ro.run(["history", "KH07-1", "--json"]).stdout
        let again = try ro.expectSuccess(command + ["--command-id", id], sourceLocation: sourceLocation)
        #expect(again.stdout == "Lệnh \(id) đã được thực hiện trước đó; không ghi thêm.\n", sourceLocation: sourceLocation)
        #expect(try ro.eventCount() == count, sourceLocation: sourceLocation)
        #expect(try ro.run(["history", "KH07-1", "--json"]).stdout == history, sourceLocation: sourceLocation)
    }

    @Test func everyKindOfWriteCanBeRepeated() throws {
        let ro = try store()
        try twice(ro, ["unit", "add", "ca", "--name", "Công an xã", "--as", "admin"], id: "them-ca")
        try twice(ro, ["user", "add", "tuan", "--name", "Lê Văn Tuấn", "--role", "officer", "--unit", "ca", "--as", "admin"], id: "them-tuan")
        try twice(ro, ["assign", "KH07-2", "--title", "An ninh trật tự", "--lead", "ca", "--as", "chutich"], id: "giao-2")
        try twice(ro, ["accept", "KH07-2", "--as", "tuan"], id: "nhan-2")
        try twice(ro, ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--as", "lan"], id: "bc-1")
        try twice(ro, ["return", "KH07-1", "--period", "2026-11", "--reason", "Thiếu số liệu", "--as", "chutich"], id: "tra-1")
        try twice(ro, ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 45%", "--as", "lan"], id: "bc-2")
        try twice(ro, ["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"], id: "duyet-1")
        try twice(ro, ["cancel", "KH07-2", "--reason", "Chuyển sang kế hoạch khác", "--as", "chutich"], id: "huy-2")
    }

    @Test func aRepeatAnswersAsTheFirstTimeEvenAfterTheTaskMovedOn() throws {
        let ro = try store()
        let report = ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--as", "lan", "--command-id", "bc-11"]
        try ro.expectSuccess(report)
        try ro.expectSuccess(["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"])
        let count = try ro.eventCount()
        // Without the id the same report would be refused now (already approved); with it, it is the same command.
        try ro.expectRefusal(Array(report.dropLast(2)), 67, "đã được duyệt")
        ro.now = "2026-11-25T09:00:00+07:00"
        let again = try ro.expectSuccess(report)
        #expect(again.stdout == "Lệnh bc-11 đã được thực hiện trước đó; không ghi thêm.\n")
        // The same command written another way: 11/2026 is 2026-11.
        try ro.expectSuccess(["report", "KH07-1", "--as", "lan", "--summary", "Đạt 40%", "--period", "11/2026", "--command-id", "bc-11"])
        #expect(try ro.eventCount() == count)
    }

    @Test func anIdReusedForAnotherCommandIsAConflictAndAppendsNothing() throws {
        let ro = try store()
        try ro.expectSuccess(["user", "add", "lan2", "--name", "Đỗ Thị Lan", "--role", "officer", "--unit", "vhxh", "--as", "admin"])
        try ro.expectSuccess(["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--as", "lan", "--command-id", "bc-11"])
        let message = "mã lệnh bc-11 đã được dùng cho một lệnh khác"
        let others: [[String]] = [
            ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 50%", "--as", "lan"],
            ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--as", "lan2"],
            ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--percent", "40", "--as", "lan"],
            ["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"],
            ["unit", "add", "ca", "--name", "Công an xã", "--as", "admin"],
        ]
        for command in others {
            let result = try ro.expectRefusal(command + ["--command-id", "bc-11"], 75, message)
            #expect(result.stderr == "ro: \(message)\n")
        }
        #expect(try ro.jsonArray(["unit", "list"]).count == 2)
        let reports = try ro.jsonObject(["task", "show", "KH07-1"])["reports"] as? [Any]
        #expect(reports?.count == 1)
    }

    @Test func unreadableIdsAreDataErrors() throws {
        let ro = try store()
        let accept = ["assign", "KH07-2", "--title", "X", "--lead", "vp", "--as", "chutich", "--command-id"]
        try ro.expectRefusal(accept + [""], 65, "mã lệnh không được để trống")
        try ro.expectRefusal(accept + ["a\nb"], 65, "mã lệnh phải nằm trên một dòng")
        try ro.expectRefusal(accept + [String(repeating: "a", count: 101)], 65, "mã lệnh dài quá 100 ký tự")
        try ro.expectSuccess(accept + [String(repeating: "a", count: 100)])
    }
}
