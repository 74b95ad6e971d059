import Foundation
import Testing

/// `ro calendar`: the working-day calendar loaded from its file, shown, and refused when wrong.
@Suite("ro calendar end to end")
struct CalendarEndToEndTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Workflows/calendar-vn.yaml").path

    let r: RoRunner

    init() throws {
        r = try RoRunner()
        try r.expectSuccess(["init", "--admin", "quantri", "--name", "Quản Trị"])
        try r.expectSuccess(["user", "add", "chutich", "--name", "Nguyễn Văn An", "--role", "leader", "--as", "quantri"])
    }

    @Test func theCalendarFileLoadsOnceAndShowsTheYear() throws {
        let loaded = try r.expectSuccess(["calendar", "load", Self.file, "--as", "quantri"])
        #expect(loaded.stdout.hasPrefix("Đã nạp lịch làm việc vn-ld2019/"))
        let events = try r.eventCount()
        #expect(try r.expectSuccess(["calendar", "load", Self.file, "--as", "quantri"]).stdout.contains("Không có gì thay đổi"))
        #expect(try r.eventCount() == events)
        let shown = try r.jsonObject(["calendar", "show", "--year", "2026", "--json"])
        let days = try #require(shown["days"] as? [[String: Any]])
        func day(_ date: String) -> [String: Any]? { days.first { $0["date"] as? String == date } }
        #expect(day("2026-02-17")?["reason"] as? String == "Tết Nguyên đán")
        #expect(day("2026-04-27")?["working"] as? Bool == false)
        #expect(day("2026-08-22")?["working"] as? Bool == true)
        #expect((shown["version"] as? String)?.hasPrefix("vn-ld2019/") == true)
    }

    @Test func aWrongFileOrAWrongRoleIsRefusedWithoutWriting() throws {
        let bad = r.folder.appendingPathComponent("lich.yaml").path
        try "ro_calendar: 1\nversion: \"2027.1\"\nworking_days:\n  - date: 2027-03-02\n    reason: Làm bù\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        try r.expectRefusal(["calendar", "load", bad, "--as", "quantri"], 65, "\(bad):4:")
        try r.expectRefusal(["calendar", "load", Self.file, "--as", "chutich"], 67, "nạp lịch làm việc")
    }
}
