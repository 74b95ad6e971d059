import Foundation
import RoDomain
import RoMail
import RoWorkflows
import Testing

/// A year of the real Nhơn Trạch 2026 plan, a scheduler pass every morning at
/// 08:05 through the real MTA: every unit gets the reminders the rule promises,
/// on the right days, and nothing twice.
///
/// The units behave differently: most accept at once and never report (the
/// whole ladder, every month); the Office reports every month on the 18th; the
/// Public Service Centre accepts its tasks mid-January, and in November its
/// report is returned after the deadline and sent again; the hamlets have no
/// officer and no address at all.
@Suite("ro remind end to end: a simulated year of the Nhơn Trạch plan", .serialized)
struct ReminderYearEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let plan = root.appendingPathComponent("Workflows/nhon-trach-2026.yaml").path
    static let calendarFile = root.appendingPathComponent("Workflows/calendar-vn.yaml").path
    static let officerUnits = ["vhxh", "vp", "hcc", "kt", "cnscd", "tdkt", "vhtt", "mttq"]

    let r: RoRunner
    let box = TestMailbox()
    let calendar: WorkingCalendar

    init() throws {
        try TestMailbox.requireMTA()
        r = try RoRunner()
        calendar = WorkingCalendar(adjustments: try CalendarFile.read(path: Self.calendarFile))
    }

    /// The plan file as an operator fills it in before loading: each unit's
    /// address and head, except the hamlets', whose placeholders stay.
    func filledPlan() throws -> String {
        var unit = ""
        let lines = try String(contentsOfFile: Self.plan, encoding: .utf8).components(separatedBy: "\n").map { line in
            if line.hasPrefix("  - id: ") { unit = String(line.dropFirst("  - id: ".count)) }
            guard line.hasPrefix("    emails: [\"CHƯA RÕ"), unit != "ap" else { return line }
            return "    emails: [\"\(box.address(unit))\"]\n    head: {name: \"Thủ trưởng \(unit)\", email: \"\(box.address(unit + ".truong"))\"}"
        }
        let path = r.folder.appendingPathComponent("nhon-trach-2026.yaml").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func at(_ day: LocalDay, _ time: String) -> String { "\(day)T\(time):00+07:00" }

    func tasks(of unit: String) async throws -> [String] {
        let list = try await r.runWaiting(["task", "list", "--unit", unit, "--json"])
        let rows = try #require(try list.json() as? [[String: Any]])
        return rows.compactMap { $0["id"] as? String }
    }

    /// Runs `ro ARGS` (waiting without holding a thread) and expects it to succeed.
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await r.runWaiting(arguments)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aYearOfReminders() async throws {
        let tasksOf = try await simulateYear()
        let log = try r.jsonArray(["reminders", "--json"])
        try await checkDelivered(log)
        let received = Received(log)
        try checkNeverReports(received, tasksOf["kt"]!)
        try checkReportsOnThe18th(received, tasksOf["vp"]!)
        try checkLateAcceptanceAndReturnedReport(received, tasksOf["hcc"]!)
        try checkLadder(received, log, tasksOf["kt"]!)
    }

    /// Loads the plan, then walks 2026 day by day; returns each unit's tasks.
    func simulateYear() async throws -> [String: [String]] {
        let start = LocalDay(year: 2026, month: 1, day: 5)!
        r.now = at(start, "08:00")
        try await succeed(["init", "--admin", "quantri", "--name", "Quản Trị"])
        try await succeed(["calendar", "load", Self.calendarFile, "--as", "quantri"])
        try await succeed(["user", "add", "chutich", "--name", "Lư Thành Nam", "--role", "leader", "--email", box.address("chutich"), "--as", "quantri"])
        try await succeed(["user", "add", "daumoi", "--name", "Lê Thị Thanh", "--role", "coordinator", "--email", box.address("daumoi"), "--as", "quantri"])
        let loaded = try await r.runWaiting(["plan", "load", try filledPlan(), "--as", "daumoi"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        for unit in Self.officerUnits {
            try await succeed(["user", "add", "cb.\(unit)", "--name", "Cán bộ \(unit)", "--role", "officer", "--unit", unit, "--as", "quantri"])
        }
        var tasksOf: [String: [String]] = [:]
        for unit in Self.officerUnits { tasksOf[unit] = try await tasks(of: unit) }
        #expect(tasksOf["kt"]?.count == 5 && tasksOf["vp"]?.count == 8 && tasksOf["hcc"]?.count == 10)

        // The year, day by day: the morning pass, then what people do that day.
        var day = start
        while day.year == 2026 {
            r.now = at(day, "08:05")
            let pass = try await r.runWaiting(["remind"], environment: ["RO_SENDMAIL": TestMailbox.sendmail, "RO_MAIL_FROM": box.address("ro")])
            // 69 only for the hamlets and heads nobody can reach: never a failed or deferred mail.
            #expect(pass.status == 0 || pass.stderr.contains("0 thư gửi không được, 0 thư tạm lỗi"), "\(day): \(pass.stderr)")
            r.now = at(day, "10:00")
            try await act(on: day, tasksOf)
            day = day.adding(days: 1)
        }
        return tasksOf
    }

    /// What the units and the leader do on `day`, at 10:00.
    func act(on day: LocalDay, _ tasksOf: [String: [String]]) async throws {
        let period = String(format: "%04d-%02d", day.year, day.month)
        func each(_ unit: String, _ arguments: (String) -> [String]) async throws {
            for task in tasksOf[unit] ?? [] { try await succeed(arguments(task)) }
        }
        if day == LocalDay(year: 2026, month: 1, day: 6) {
            for unit in Self.officerUnits where unit != "hcc" { try await each(unit) { ["accept", $0, "--as", "cb.\(unit)"] } }
        }
        if day == LocalDay(year: 2026, month: 1, day: 14) { try await each("hcc") { ["accept", $0, "--as", "cb.hcc"] } }
        if day.day == 18 {
            try await each("vp") { ["report", $0, "--period", period, "--summary", "Đã triển khai theo kế hoạch", "--as", "cb.vp"] }
        }
        if day == LocalDay(year: 2026, month: 11, day: 18) {
            try await each("hcc") { ["report", $0, "--period", period, "--summary", "Đang triển khai", "--as", "cb.hcc"] }
        }
        if day == LocalDay(year: 2026, month: 11, day: 23) {
            try await each("hcc") { ["return", $0, "--period", period, "--reason", "Thiếu số liệu hồ sơ trực tuyến", "--as", "chutich"] }
        }
        if day == LocalDay(year: 2026, month: 11, day: 25) {
            try await each("hcc") { ["report", $0, "--period", period, "--summary", "Bổ sung số liệu: 1.250 hồ sơ trực tuyến", "--as", "cb.hcc"] }
        }
    }
}
