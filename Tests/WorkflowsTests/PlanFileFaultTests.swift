import Foundation
import RoDomain
import RoWorkflows
import Testing
import TestSupport

/// The example of Workflows/README.md, read from the README itself so the
/// documentation cannot drift from what loads.
enum Example {
    static let text: String = {
        let readme = try! String(contentsOfFile: Repository.path("Workflows/README.md"), encoding: .utf8)
        let start = readme.range(of: "## A small complete example\n\n```yaml\n")!.upperBound
        let end = readme.range(of: "```", range: start..<readme.endIndex)!.lowerBound
        return String(readme[start..<end])
    }()

    static func parse(_ text: String = Example.text) throws(PlanFileError) -> PlanFile {
        try PlanFile.parse(Data(text.utf8), file: "vd.yaml")
    }

    /// The example with one line's text replaced.
    static func replacing(_ old: String, with new: String) -> String {
        precondition(text.contains(old), "the example has no '\(old)'")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line of the first occurrence of `fragment` in `text`.
    static func line(of fragment: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.contains(fragment) }! + 1
    }
}

@Suite("Plan files: the README example, and every fault at its exact place")
struct PlanFileFaultTests {
    @Test func theReadmeExampleLoads() throws {
        let file = try Example.parse()
        #expect(file.plan.id == PlanID(unchecked: "vd-2026"))
        #expect(file.plan.tasks.map(\.code) == ["1", "2", "3"])
        #expect(file.plan.tasks[1].deadline == .thenAnnually(.months(year: 2026, months: [6])))
        #expect(file.plan.tasks[2].deadline == .onInstruction)
        #expect(file.plan.indicators.first?.targets.map(\.value) == [80, 90])
        #expect(file.plan.reminders == .standard)
        #expect(file.digest.count == 64)
        let warnings = file.warnings.map(\.description)
        #expect(warnings.contains { $0.contains("units[2].emails[1]") && $0.contains("CHƯA RÕ") })
    }

    /// Parses `text` and returns its one fault, checking that it is the only one.
    func fault(_ text: String) throws -> PlanIssue {
        let issues: [PlanIssue]
        do {
            _ = try Example.parse(text)
            issues = []
        } catch {
            issues = error.issues
        }
        #expect(issues.count == 1, "\(issues)")
        return try #require(issues.first, "the file was accepted")
    }

    @Test func anUnknownUnitIsNamedWhereItStands() throws {
        let text = Example.replacing("    lead: ca\n", with: "    lead: cax\n")
        let issue = try fault(text)
        #expect(issue.location.line == Example.line(of: "lead: cax", in: text))
        #expect(issue.location.column == 11)
        #expect(issue.location.field == "tasks[2].lead")
        #expect(issue.message.contains("cax"))
        #expect(issue.description.hasPrefix("vd.yaml:\(issue.location.line):11: tasks[2].lead: "))
    }

    @Test func aDuplicateTaskCodeIsRefusedAtItsSecondPlace() throws {
        let text = Example.replacing("  - code: \"3\"", with: "  - code: \"2\"")
        let issue = try fault(text)
        #expect(issue.location.field == "tasks[3]")
        #expect(issue.message.contains("'2' lặp lại"))
    }

    @Test func aDeadlineThatCannotBeReadIsRefused() throws {
        let text = Example.replacing("deadline: Tháng 3/2026", with: "deadline: Tháng 13/2026")
        let issue = try fault(text)
        #expect(issue.location.line == Example.line(of: "Tháng 13/2026", in: text))
        #expect(issue.location.field == "tasks[1].deadline")
        #expect(issue.message == "thời hạn 'Tháng 13/2026' không đọc được")
    }

    @Test func aDeadlineOutsideTheHorizonIsRefused() throws {
        let issue = try fault(Example.replacing("deadline: Tháng 3/2026", with: "deadline: Tháng 3/2031"))
        #expect(issue.location.field == "tasks[1].deadline")
        #expect(issue.message.contains("2031"))
    }

    @Test func aTargetForAYearOutsideTheHorizonIsRefused() throws {
        let text = Example.replacing("2027: \"≥ 90%\"", with: "2031: \"≥ 90%\"")
        let issue = try fault(text)
        #expect(issue.location.field == "indicators[1].targets.2031")
        #expect(issue.location.line == Example.line(of: "2031:", in: text))
        #expect(issue.message.contains("ngoài thời kỳ kế hoạch 2026–2027"))
    }

    @Test func aMissingRequiredFieldIsNamedAtItsParent() throws {
        let text = Example.replacing("    title: Xây dựng Kế hoạch chuyển đổi số năm 2026\n", with: "")
        let issue = try fault(text)
        #expect(issue.location.field == "tasks[1].title")
        #expect(issue.location.line == Example.line(of: "code: \"1\"", in: text))
        #expect(issue.message == "thiếu trường bắt buộc 'title'")
    }

    @Test func anUnknownFieldIsRefusedNotIgnored() throws {
        let issue = try fault(Example.replacing("    lead: vhxh\n    deadline: Tháng 3/2026", with: "    leader: vhxh\n    lead: vhxh\n    deadline: Tháng 3/2026"))
        #expect(issue.location.field == "tasks[1].leader")
        #expect(issue.message.contains("'leader' không có trong định dạng"))
    }

    @Test func moreFaults() throws {
        let cases: [(String, String, String, String)] = [
            ("co: [vhxh]", "co: [ca]", "tasks[2].co[1]", "đã là đơn vị chủ trì"),
            ("indicators: [CT01]", "indicators: [CT09]", "tasks[2].indicators[1]", "CT09"),
            ("tracked_by: ca", "tracked_by: tyt", "indicators[1].tracked_by", "tyt"),
            ("coordinator: vhxh", "coordinator: vp", "coordinator", "'vp'"),
            ("measure: percent", "measure: phần trăm", "indicators[1].measure", "chọn: percent"),
            ("kind: cong_an", "kind: police", "units[2].kind", "police"),
            ("before_day: 20", "before_day: 31", "reporting.before_day", "từ 2 đến 28"),
            ("horizon: {from: 2026, to: 2027}", "horizon: {from: 2028, to: 2027}", "horizon", "2028"),
            ("date: 2026-02-10", "date: 10/02/2026", "document.date", "YYYY-MM-DD"),
            ("  - code: \"3\"", "  - code: \"3 a\"", "tasks[3].code", "không hợp lệ"),
            ("lan.vhxh@vidu.example.vn, login", "lan.vhxh@, login", "units[1].officers[1].email", "không hợp lệ"),
            ("ro_plan: 1", "ro_plan: 2", "ro_plan", "phiên bản 2"),
        ]
        for (old, new, field, message) in cases {
            let issue = try fault(Example.replacing(old, with: new))
            #expect(issue.location.field == field, "\(new)")
            #expect(issue.message.contains(message), "\(new): \(issue.message)")
        }
    }

    @Test func yamlSyntaxErrorsPointAtTheirLine() throws {
        let text = Example.replacing("    lead: vhxh\n    deadline: Tháng 3/2026", with: "    lead: [vhxh\n    deadline: Tháng 3/2026")
        do {
            _ = try Example.parse(text)
            Issue.record("accepted")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.location.field == "(cú pháp YAML)")
            #expect(issue.location.line > 30)
            #expect(issue.message.hasPrefix("lỗi cú pháp YAML"))
        }
    }

    @Test func everyFaultInAFileIsReportedAtOnce() throws {
        let text = Example.replacing("lead: ca\n", with: "lead: cax\n").replacingOccurrences(of: "Tháng 3/2026", with: "Tháng 13/2026")
        do {
            _ = try Example.parse(text)
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.location.field) == ["tasks[1].deadline", "tasks[2].lead"])
        }
    }

    @Test func notUTF8AndEmptyFilesAreRefused() {
        #expect(throws: PlanFileError.self) { try PlanFile.parse(Data([0xFF, 0xFE, 0x41]), file: "x.yaml") }
        #expect(throws: PlanFileError.self) { try PlanFile.parse(Data(), file: "x.yaml") }
    }
}
