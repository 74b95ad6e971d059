import Foundation
import Testing

@Suite("ro end to end: plans")
struct PlanEndToEndTests {
    /// The example of Workflows/README.md.
    static let example: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try! String(contentsOf: root.appendingPathComponent("Workflows/README.md"), encoding: .utf8)
        let start = readme.range(of: "## A small complete example\n\n```yaml\n")!.upperBound
        return String(readme[start..<readme.range(of: "```", range: start..<readme.endIndex)!.lowerBound])
    }()

    func write(_ ro: RoRunner, _ text: String, _ name: String = "plan.yaml") throws -> String {
        let path = ro.folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func seeded() throws -> RoRunner {
        let ro = try RoRunner()
        ro.now = "2026-02-15T09:00:00+07:00"
        try ro.seed()
        #expect(try ro.run(["user", "add", "daumoi", "--name", "Lê Thị Đầu Mối", "--role", "coordinator", "--as", "admin"]).status == 0)
        return ro
    }

    @Test func checkValidatesAndWarnsWithoutWriting() throws {
        let ro = try seeded()
        let count = try ro.eventCount()
        let check = try ro.run(["plan", "check", try write(ro, Self.example)])
        #expect(check.status == 0)
        #expect(check.stdout.contains("Hợp lệ: 15/KH-UBND"))
        #expect(check.stdout.contains("2 đơn vị, 3 nhiệm vụ (1 có nhiều kỳ hạn), 1 chỉ tiêu"))
        #expect(check.stderr.contains("plan.yaml:33:14: units[2].emails[1]: cảnh báo: chưa rõ địa chỉ email"))
        #expect(try ro.eventCount() == count)
    }

    @Test func aBadFileIsRefusedWithItsPlaceAndNothingIsWritten() throws {
        let ro = try seeded()
        let count = try ro.eventCount()
        let bad = Self.example.replacingOccurrences(of: "deadline: Tháng 3/2026", with: "deadline: Tháng 13/2026")
        let path = try write(ro, bad)
        for command in [["plan", "check", path], ["plan", "load", path, "--as", "daumoi"]] {
            let result = try ro.run(command)
            #expect(result.status == 65)
            #expect(result.stderr.hasSuffix("plan.yaml:39:15: tasks[1].deadline: thời hạn 'Tháng 13/2026' không đọc được\n"), "\(result.stderr)")
        }
        #expect(try ro.eventCount() == count)
        #expect(try ro.run(["plan", "list", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]")
    }

    @Test func loadReviseAndKeepHistory() throws {
        let ro = try seeded()
        let path = try write(ro, Self.example)
        let load = try ro.run(["plan", "load", path, "--as", "daumoi"])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("lần 1: giao 3"))
        let count = try ro.eventCount()
        let again = try ro.run(["plan", "load", path, "--as", "daumoi"])
        #expect(again.status == 0)
        #expect(try ro.eventCount() == count)

        let show = try ro.run(["plan", "show", "vd-2026"])
        #expect(show.stdout.contains("Tháng 6/2026, duy trì hàng năm  2026-06-30, 2027-06-30"))
        #expect(show.stdout.contains("chờ văn bản"))
        let list = try #require(try ro.run(["task", "list", "--json"]).json() as? [[String: Any]])
        #expect(list.compactMap { $0["id"] as? String }.filter { $0.hasPrefix("vd-2026/") } == ["vd-2026/1", "vd-2026/2", "vd-2026/3"])

        ro.now = "2026-03-01T09:00:00+07:00"
        let edited = Self.example.replacingOccurrences(of: "deadline: Tháng 3/2026", with: "deadline: Tháng 4/2026")
        let revise = try ro.run(["plan", "load", try write(ro, edited), "--as", "daumoi"])
        #expect(revise.stdout.contains("lần 2: giao 0, sửa 1"), "\(revise.stdout)")
        let history = try ro.run(["history", "vd-2026/1"])
        #expect(history.stdout.contains("Kế hoạch sửa đổi lần 2: thời hạn: Tháng 4/2026"))
        let task = try #require(try ro.run(["task", "show", "vd-2026/1", "--json"]).json() as? [String: Any])
        #expect(task["due"] as? String == "2026-04-30T17:00:00.000Z")
        let plans = try #require(try ro.run(["plan", "list", "--json"]).json() as? [[String: Any]])
        #expect(plans.first?["revision"] as? Int == 2)
    }

    @Test func triggerSetsTheDeadlineAWaitingTaskLacked() throws {
        let ro = try seeded()
        #expect(try ro.run(["plan", "load", try write(ro, Self.example), "--as", "daumoi"]).status == 0)
        let trigger = try ro.run([
            "trigger", "vd-2026/3", "--document", "Công văn số 123/UBND-VP ngày 02/3/2026", "--due", "2026-04-30",
            "--as", "chutich",
        ])
        #expect(trigger.status == 0, "\(trigger.stderr)")
        let task = try #require(try ro.run(["task", "show", "vd-2026/3", "--json"]).json() as? [String: Any])
        #expect(task["due"] as? String == "2026-04-30T17:00:00.000Z")
        #expect(try ro.run(["history", "vd-2026/3"]).stdout.contains("Văn bản của cấp trên Công văn số 123/UBND-VP"))
    }

    @Test func indicatorValuesComeWithReportsAndAreJudgedAgainstTheirTargets() throws {
        let ro = try seeded()
        #expect(try ro.run(["plan", "load", try write(ro, Self.example), "--as", "daumoi"]).status == 0)
        #expect(try ro.run(["user", "add", "tuan", "--name", "Lê Văn Tuấn", "--role", "officer", "--unit", "ca", "--as", "admin"]).status == 0)
        ro.now = "2026-05-10T09:00:00+07:00"
        let bad = try ro.run(["report", "vd-2026/2", "--period", "2026-05", "--summary", "x", "--indicator", "CT07=1", "--as", "tuan"])
        #expect(bad.status == 67)
        #expect(bad.stderr.contains("nhiệm vụ không phục vụ chỉ tiêu CT07"))
        let good = try ro.run(["report", "vd-2026/2", "--period", "2026-05", "--summary", "Đạt 81,5%", "--indicator", "CT01=81,5", "--as", "tuan"])
        #expect(good.status == 0, "\(good.stderr)")
        let rows = try #require(try ro.run(["indicators", "--year", "2026", "--json"]).json() as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["latest"] as? Double == 81.5)
        #expect(rows.first?["progress"] as? String == "met")
        #expect(rows.first?["target"] as? String == "≥ 80%")
        let text = try ro.run(["indicators", "--year", "2027", "--unit", "ca"])
        #expect(text.stdout.contains("≥ 90%"))
        #expect(text.stdout.contains("chậm"))
    }
}
