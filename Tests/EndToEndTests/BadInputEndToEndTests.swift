import Foundation
import Testing

/// Bad input: one line naming the problem, the documented exit code, nothing written.
@Suite("ro end to end: bad input")
struct BadInputEndToEndTests {
    /// A seeded store with KH07-1 assigned and accepted, and its event count.
    func store() throws -> (RoRunner, Int) {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        return (ro, try ro.eventCount())
    }

    /// Runs `arguments`, expects `status`, one line on stderr containing `fragment`, and no new event.
    func refuse(_ ro: RoRunner, _ count: Int, _ arguments: [String], _ status: Int32, _ fragment: String,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try ro.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("ro: "), "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(fragment), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try ro.eventCount() == count, "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test func notFound() throws {
        let (ro, count) = try store()
        try refuse(ro, count, ["accept", "KH07-9", "--as", "lan"], 66, "không có nhiệm vụ 'KH07-9'")
        try refuse(ro, count, ["accept", "KH07-1", "--as", "ai.do"], 66, "không có người dùng 'ai.do'")
        try refuse(ro, count, ["assign", "KH07-2", "--title", "X", "--lead", "khong-co", "--as", "chutich"], 66, "không có đơn vị 'khong-co'")
        try refuse(ro, count, ["history", "KH07-9"], 66, "KH07-9")
        try refuse(ro, count, ["task", "show", "KH07-9"], 66, "KH07-9")
    }

    @Test func dataErrors() throws {
        let (ro, count) = try store()
        let report = ["report", "KH07-1", "--as", "lan"]
        try refuse(ro, count, ["assign", "KH07-2", "--title", "X", "--lead", "vhxh", "--due", "2026-13-45", "--as", "chutich"], 65, "2026-13-45")
        try refuse(ro, count, report + ["--period", "tháng mười một", "--summary", "x"], 65, "kỳ báo cáo 'tháng mười một'")
        try refuse(ro, count, report + ["--period", "2026-11", "--summary", "   "], 65, "không được để trống")
        try refuse(ro, count, report + ["--period", "2026-11", "--summary", String(repeating: "a", count: 4_001)], 65, "dài quá 4000 ký tự")
        try refuse(ro, count, report + ["--period", "2026-11", "--summary", "x", "--percent", "140"], 65, "0–100")
        try refuse(ro, count, report + ["--period", "2026-11", "--summary", "x", "--indicator", "CT01=nhiều"], 65, "không phải là số")
        try refuse(ro, count, ["assign", "KH07-2", "--title", "Dòng một\nDòng hai", "--lead", "vhxh", "--as", "chutich"], 65, "một dòng")
        try refuse(ro, count, ["assign", "KH 07", "--title", "X", "--lead", "vhxh", "--as", "chutich"], 65, "mã nhiệm vụ 'KH 07'")
        try refuse(ro, count, ["user", "add", "x", "--name", "X", "--role", "leader", "--email=-oQ@x.vn", "--as", "admin"], 65, "email")
        try refuse(ro, count, ["user", "add", "x", "--name", "X", "--role", "vua", "--as", "admin"], 65, "vai trò 'vua'")
        let clock = try ro.run(["task", "list"], environment: ["RO_NOW": "hôm qua"])
        #expect(clock.status == 65)
        #expect(clock.stderr == "ro: RO_NOW 'hôm qua' không đọc được (cần dạng 2026-11-19T08:00:00+07:00)\n")
    }

    @Test func invalidUTF8IsRefused() throws {
        let (ro, count) = try store()
        let result = try ro.runShell(#""$RO" report KH07-1 --period 2026-11 --summary "$(printf 'b\303\241o \377')" --as lan"#)
        #expect(result.status == 65)
        #expect(result.stderr == "ro: tham số thứ 6 không phải UTF-8 hợp lệ\n")
        #expect(try ro.eventCount() == count)
    }

    @Test func usageErrors() throws {
        let (ro, count) = try store()
        try refuse(ro, count, ["accept", "KH07-1", "--as", "lan", "--nhanh"], 64, "--nhanh")
        try refuse(ro, count, ["accept", "KH07-1"], 64, "--as")
        try refuse(ro, count, ["return", "KH07-1", "--reason", "x", "--as", "chutich"], 64, "--period hoặc --completion")
        try refuse(ro, count, ["return", "KH07-1", "--period", "2026-11", "--completion", "--reason", "x", "--as", "chutich"], 64, "--period hoặc --completion")
        try refuse(ro, count, ["khong-co-lenh"], 64, "khong-co-lenh")
        // Told in Vietnamese, not in the argument parser's English.
        #expect(try ro.run(["accept", "KH07-1", "--as", "lan", "--nhanh"]).stderr == "ro: không có tùy chọn '--nhanh'\n")
        #expect(try ro.run(["accept", "KH07-1"]).stderr == "ro: thiếu tham số bắt buộc '--as <as>'\n")
        #expect(try ro.run(["task", "list", "--overdue=yes"]).stderr == "ro: tùy chọn '--overdue' không nhận giá trị\n")
        try refuse(ro, count, ["task", "list", "--unit", "khong-co"], 66, "không có đơn vị 'khong-co'")
    }

    @Test func verifyWritesNothingAndAnEmptyRODBMeansTheDefault() throws {
        let (ro, _) = try store()
        let before = try Data(contentsOf: URL(fileURLWithPath: ro.db))
        #expect(try ro.run(["verify"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ro.db)) == before)
        let empty = try RoRunner.execute(
            RoRunner.binary, ["task", "list"], environment: ["RO_DB": "", "RO_NOW": ro.now], directory: ro.folder)
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("KH07-1"))
    }

    @Test func ruleViolations() throws {
        let (ro, count) = try store()
        try refuse(ro, count, ["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"], 67, "chưa có báo cáo kỳ 2026-11")
        try refuse(ro, count, ["report", "KH07-1", "--period", "2026-11", "--summary", "x", "--as", "minh"], 67, "chỉ cán bộ của đơn vị chủ trì vhxh")
        try refuse(ro, count, ["cancel", "KH07-1", "--reason", "x", "--as", "thanhtra"], 67, "vai trò kiểm tra không được thay đổi dữ liệu")
        try refuse(ro, count, ["report", "KH07-1", "--period", "2027-01", "--summary", "x", "--as", "lan"], 67, "kỳ 2027-01 chưa bắt đầu")
        #expect(try ro.run(["report", "KH07-1", "--period", "2026-11", "--summary", "x", "--as", "lan"]).status == 0)
        #expect(try ro.run(["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"]).status == 0)
        try refuse(ro, count + 2, ["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"], 67, "đã được duyệt")
        #expect(try ro.run(["cancel", "KH07-1", "--reason", "Không còn phù hợp", "--as", "chutich"]).status == 0)
        try refuse(ro, count + 3, ["report", "KH07-1", "--period", "2026-12", "--summary", "x", "--as", "lan"], 67, "đã hủy")
    }

    @Test func storeErrors() throws {
        let ro = try RoRunner()
        let missing = try ro.run(["task", "list"])
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("không có kho dữ liệu"))
        #expect(!FileManager.default.fileExists(atPath: ro.db))

        let notes = Data(String(repeating: "Ghi chú, không phải SQLite. ", count: 100).utf8)
        try notes.write(to: URL(fileURLWithPath: ro.db))
        let notSQLite = try ro.run(["task", "list"])
        #expect(notSQLite.status == 74)
        #expect(notSQLite.stderr == "ro: tệp \(ro.db) không phải là kho dữ liệu của Rõ\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: ro.db)) == notes)
        #expect(try ro.run(["init", "--admin", "admin", "--name", "A"]).status == 74)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ro.db)) == notes)

        try FileManager.default.removeItem(atPath: ro.db)
        let other = try RoRunner.execute(
            URL(fileURLWithPath: "/usr/bin/sqlite3"), [ro.db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"], environment: [:])
        try #require(other.status == 0, "sqlite3: \(other.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: ro.db))
        let foreign = try ro.run(["unit", "list"])
        #expect(foreign.status == 74)
        #expect(foreign.stderr.contains("không phải là kho dữ liệu của Rõ"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: ro.db)) == before)
    }

    @Test func verifyNamesTheFirstChangedEvent() throws {
        let (ro, count) = try store()
        #expect(try ro.run(["report", "KH07-1", "--period", "2026-11", "--summary", "Zebra-mot-hai-ba", "--as", "lan"]).status == 0)
        #expect(try ro.run(["verify"]).stdout.contains("\(count + 1) sự kiện"))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: ro.db))
        let range = try #require(bytes.range(of: Data("Zebra-mot-hai-ba".utf8)))
        bytes[range.lowerBound] = UInt8(ascii: "X")
        try bytes.write(to: URL(fileURLWithPath: ro.db))
        let verify = try ro.run(["verify"])
        #expect(verify.status == 68)
        #expect(verify.stderr == "ro: chuỗi băm đứt tại vị trí \(count + 1): nội dung sự kiện đã bị thay đổi\n")
        let json = try #require(try ro.run(["verify", "--json"]).json() as? [String: Any])
        #expect(json["ok"] as? Bool == false)
        #expect(json["first_bad_position"] as? Int == count + 1)
    }
}
