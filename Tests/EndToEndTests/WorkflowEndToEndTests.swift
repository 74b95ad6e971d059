import Foundation
import Testing

@Suite("ro end to end: a task from assignment to an approved report")
struct WorkflowEndToEndTests {
    @Test func assignAcceptReportReturnReportAgainApproveAndReadTheHistory() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        ro.now = "2026-11-12T15:00:00+07:00"
        #expect(try ro.run(["report", "KH07-1", "--period", "2026-11", "--summary", "Đã tổ chức 2 hội nghị", "--percent", "30", "--as", "lan"]).status == 0)
        ro.now = "2026-11-14T10:00:00+07:00"
        let back = try ro.run(["return", "KH07-1", "--period", "2026-11", "--reason", "Thiếu số người dự", "--as", "chutich"])
        #expect(back.status == 0)
        #expect(back.stdout.contains("Đã trả lại báo cáo kỳ 2026-11"))
        ro.now = "2026-11-18T16:00:00+07:00"
        #expect(try ro.run(["report", "KH07-1", "--period", "2026-11", "--summary", "2 hội nghị, 250 người dự", "--as", "lan"]).status == 0)
        ro.now = "2026-11-19T08:00:00+07:00"
        let approve = try ro.run(["approve", "KH07-1", "--period", "2026-11", "--revision", "2", "--as", "chutich"])
        #expect(approve.status == 0, "\(approve.stderr)")

        let history = try ro.run(["history", "KH07-1"])
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        let types = lines.compactMap { line in ["TaskAssigned", "TaskAccepted", "ReportSubmitted", "ReportReturned", "ReportApproved"].first { line.hasSuffix($0) } }
        #expect(types == ["TaskAssigned", "TaskAccepted", "ReportSubmitted", "ReportReturned", "ReportSubmitted", "ReportApproved"])
        #expect(history.stdout.contains("Nguyễn Văn An — chutich (lãnh đạo)"))
        #expect(history.stdout.contains("Trần Thị Lan — lan (cán bộ đơn vị, vhxh)"))
        #expect(history.stdout.contains("2026-11-14 10:00"))
        #expect(history.stdout.contains("Trả lại báo cáo kỳ 2026-11 lần 1. Lý do: Thiếu số người dự"))

        let entries = try #require(try ro.run(["history", "KH07-1", "--json"]).json() as? [[String: Any]])
        #expect(entries.count == 6)
        let keys: Set<String> = [
            "position", "version", "type", "recorded_at", "actor", "actor_name", "role", "unit", "source",
            "simulated_clock", "command_id", "event_id", "text", "payload",
        ]
        #expect(Set(entries[0].keys).isSuperset(of: keys.subtracting(["unit"])))
        #expect(entries.map { $0["version"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(entries[5]["actor"] as? String == "chutich")
        #expect(entries[5]["recorded_at"] as? String == "2026-11-19T01:00:00.000Z")
        #expect(entries[5]["simulated_clock"] as? Bool == true)
        #expect(entries[5]["source"] as? String == "cli")
        #expect((entries[4]["payload"] as? [String: Any])?["revision"] as? Int == 2)

        let show = try #require(try ro.run(["task", "show", "KH07-1", "--json"]).json() as? [String: Any])
        #expect(show["status"] as? String == "accepted")
        let reports = try #require(show["reports"] as? [[String: Any]])
        #expect(reports.first?["status"] as? String == "approved")
        #expect(reports.first?["decided_by"] as? String == "chutich")
        #expect(try ro.run(["verify"]).status == 0)
    }

    @Test func aReportAfterTheDeadlineIsAcceptedAndMarkedLate() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        ro.now = "2026-11-19T23:59:59+07:00"
        #expect(try ro.run(["report", "KH07-1", "--period", "2026-11", "--summary", "Đúng hạn", "--as", "lan"]).status == 0)
        ro.now = "2026-12-20T00:00:00+07:00"
        let late = try ro.run(["report", "KH07-1", "--period", "2026-12", "--summary", "Trễ một chút", "--as", "lan"])
        #expect(late.status == 0, "\(late.stderr)")
        let list = try #require(try ro.run(["task", "list", "--period", "2026-12", "--json"]).json() as? [[String: Any]])
        let report = try #require(list.first?["period_report"] as? [String: Any])
        #expect(report["state"] as? String == "submitted")
        #expect(report["late"] as? Bool == true)
        let november = try #require(try ro.run(["task", "list", "--period", "2026-11", "--json"]).json() as? [[String: Any]])
        #expect((november.first?["period_report"] as? [String: Any])?["late"] as? Bool == false)
        let show = try ro.run(["task", "show", "KH07-1"])
        #expect(show.stdout.contains("chờ duyệt (trễ)"))
    }

    @Test func readCommandsFilterAndSpeakJSONWithStableNames() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        #expect(try ro.run(["assign", "KH07-2", "--title", "Số hóa hồ sơ hộ tịch", "--lead", "vp", "--due", "2026-11-15", "--as", "chutich"]).status == 0)
        ro.now = "2026-11-21T09:00:00+07:00"
        let tasks = try #require(try ro.run(["task", "list", "--json"]).json() as? [[String: Any]])
        #expect(tasks.map { $0["id"] as? String } == ["KH07-1", "KH07-2"])
        let keys: Set<String> = ["id", "title", "lead_unit", "co_units", "status", "due", "overdue"]
        #expect(Set(tasks[0].keys).isSuperset(of: keys))
        #expect(tasks[0]["co_units"] as? [String] == ["vp"])
        #expect(tasks[0]["due"] as? String == "2026-12-31T17:00:00.000Z")
        func ids(_ args: [String]) throws -> [String] {
            let list = try #require(try ro.run(["task", "list", "--json"] + args).json() as? [[String: Any]])
            return list.compactMap { $0["id"] as? String }
        }
        #expect(try ids(["--unit", "vp"]) == ["KH07-2"])
        #expect(try ids(["--status", "accepted"]) == ["KH07-1"])
        #expect(try ids(["--overdue"]) == ["KH07-2"])
        #expect(try ids(["--period", "2026-11"]) == ["KH07-1", "KH07-2"])
        let status = try #require(try ro.run(["status", "--period", "2026-11", "--json"]).json() as? [[String: Any]])
        #expect(status.map { $0["unit"] as? String } == ["vhxh", "vp"])
        #expect(status.map { $0["missing"] as? Int } == [1, 1])
        #expect(Set(status[0].keys) == ["unit", "unit_name", "period", "tasks", "approved", "submitted", "returned", "pending", "missing", "late"])
        let units = try #require(try ro.run(["unit", "list", "--json"]).json() as? [[String: Any]])
        #expect(units.map { $0["name"] as? String }.contains("Phòng Văn hóa – Xã hội"))
        let users = try #require(try ro.run(["user", "list", "--json"]).json() as? [[String: Any]])
        #expect(users.first { $0["login"] as? String == "lan" }?["unit"] as? String == "vhxh")
    }

    @Test func rebuildGivesTheSameAnswers() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        #expect(try ro.run(["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--as", "lan"]).status == 0)
        let reads = [["task", "list", "--json"], ["task", "show", "KH07-1", "--json"], ["status", "--json"]]
        let before = try reads.map { try ro.run($0).stdout }
        let rebuild = try ro.run(["rebuild"])
        #expect(rebuild.status == 0)
        #expect(rebuild.stdout.contains("10 sự kiện"))
        #expect(try reads.map { try ro.run($0).stdout } == before)
    }

    @Test func aRepeatedCommandIDAppendsNothingAndAReusedOneIsAConflict() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        let report = ["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--as", "lan", "--command-id", "bc-11"]
        #expect(try ro.run(report).status == 0)
        let count = try ro.eventCount()
        let again = try ro.run(report)
        #expect(again.status == 0)
        #expect(again.stdout.contains("đã được thực hiện trước đó"))
        #expect(try ro.eventCount() == count)
        let other = try ro.run(["accept", "KH07-1", "--as", "lan", "--command-id", "bc-11"])
        #expect(other.status == 75)
        #expect(other.stderr == "ro: mã lệnh bc-11 đã được dùng cho một lệnh khác\n")
        #expect(try ro.eventCount() == count)
    }

    @Test func twoProcessesWritingOneStoreAtOnceBothLand() async throws {
        let ro = try RoRunner()
        try ro.seed()
        // Two shells, each assigning eight tasks one after the other, at the same time.
        func writer(_ prefix: String, _ unit: String) -> String {
            """
            for i in 1 2 3 4 5 6 7 8; do "$RO" assign \(prefix)-$i --title "Việc \(prefix) $i" --lead \(unit) --as chutich >/dev/null || echo "fail \(prefix)-$i"; done
            """
        }
        async let first = ro.runShell(writer("A", "vhxh"))
        async let second = ro.runShell(writer("B", "vp"))
        let results = try await [first, second]
        for result in results {
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.isEmpty)
        }
        let tasks = try #require(try ro.run(["task", "list", "--json"]).json() as? [[String: Any]])
        #expect(tasks.count == 16)
        #expect(try ro.eventCount() == 7 + 16)
        #expect(try ro.run(["verify"]).status == 0)
    }
}
