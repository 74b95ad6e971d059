import Foundation
import RoDomain
import RoWorkflows
import Testing
import TestSupport

@Suite("The calendar file: the real one reads, every fault at its exact place")
struct CalendarFileTests {
    static let path = Repository.path("Workflows/calendar-vn.yaml")

    private func day(_ text: String) -> LocalDay { try! LocalDay.parse(text, field: "ngày") }

    /// A small valid file, which the fault tests change one line of.
    static let example = """
        ro_calendar: 1
        version: "2026.1"
        days_off:
          - date: 2026-08-31
            reason: "Nghỉ lễ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)"
        working_days:
          - date: 2026-08-22
            reason: "Làm bù cho ngày 31/08/2026"
        not_off: []

        """

    /// Parses `text` and returns its faults (none when the file was accepted).
    func faults(_ text: String) -> [PlanIssue] {
        do {
            _ = try CalendarFile.parse(text: text, file: "lich.yaml")
            return []
        } catch {
            return error.issues
        }
    }

    /// The one fault of `text`, checking that it is the only one.
    func fault(_ text: String) throws -> PlanIssue {
        let issues = faults(text)
        #expect(issues.count == 1, "\(issues)")
        return try #require(issues.first, "the file was accepted")
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.example.contains(old), "the example has no '\(old)'")
        return Self.example.replacingOccurrences(of: old, with: new)
    }

    @Test func theRealCalendarFileReadsWithoutFaults() throws {
        let adjustments: CalendarAdjustments
        do { adjustments = try CalendarFile.read(path: Self.path) } catch {
            Issue.record("\(error.issues.map(\.description).joined(separator: "\n"))")
            throw error
        }
        #expect(adjustments.version == "2026.1")
        let calendar = WorkingCalendar(adjustments: adjustments)
        #expect(calendar.version.hasPrefix("vn-ld2019/2026.1/"))
        // Tết 2025 as decided: 27–31/01 off, Monday 03/02 a working day.
        #expect(!calendar.isWorkingDay(day("2025-01-27")))
        #expect(calendar.reasonOff(day("2025-01-27"))?.contains("Tết Nguyên đán") == true)
        #expect(!calendar.isWorkingDay(day("2025-01-31")))
        #expect(calendar.isWorkingDay(day("2025-02-03")))
        // 30/4 – 1/5/2025: Friday 02/05 off, Saturday 26/04 worked.
        #expect(!calendar.isWorkingDay(day("2025-05-02")))
        #expect(calendar.isWorkingDay(day("2025-04-26")))
        // Quốc khánh 2026: 29/08–02/09, Saturday 22/08 worked.
        for text in ["2026-08-29", "2026-08-30", "2026-08-31", "2026-09-01", "2026-09-02"] {
            #expect(!calendar.isWorkingDay(day(text)), "\(text)")
        }
        #expect(calendar.isWorkingDay(day("2026-08-22")))
        #expect(calendar.reasonOff(day("2026-08-22")) == nil)
        #expect(calendar.addingWorkingDays(1, to: day("2026-08-28")) == day("2026-09-03"))
        // Tết 2026 by the default rules: 16–20/02.
        #expect(calendar.workingDay(onOrBefore: day("2026-02-19")) == day("2026-02-13"))
        #expect(calendar.addingWorkingDays(1, to: day("2026-02-13")) == day("2026-02-23"))
    }

    @Test func theExampleReadsIntoAdjustments() throws {
        let adjustments = try CalendarFile.parse(text: Self.example, file: "lich.yaml")
        #expect(adjustments == CalendarAdjustments(
            version: "2026.1",
            daysOff: [
                .init(date: day("2026-08-31"), reason: "Nghỉ lễ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)")
            ],
            workingDays: [.init(date: day("2026-08-22"), reason: "Làm bù cho ngày 31/08/2026")],
            notOff: []))
        // The lists may be left out.
        let bare = try CalendarFile.parse(text: "ro_calendar: 1\nversion: \"2027.1\"\n", file: "lich.yaml")
        #expect(bare == CalendarAdjustments(version: "2027.1", daysOff: [], workingDays: [], notOff: []))
    }

    @Test func anUnknownFieldIsNamedWhereItStands() throws {
        let issue = try fault(replacing("not_off: []", with: "not_of: []"))
        #expect(issue.location.line == 9)
        #expect(issue.location.column == 1)
        #expect(issue.location.field == "not_of")
        #expect(issue.description.hasPrefix("lich.yaml:9:1: not_of: trường 'not_of' không có trong định dạng"))
        let inEntry = faults(replacing("    reason: \"Làm bù", with: "    reson: \"Làm bù"))
        #expect(inEntry.map(\.location.field) == ["working_days[1].reson", "working_days[1].reason"])
        #expect(inEntry.last?.message == "thiếu trường bắt buộc 'reason'")
    }

    @Test func aDateThatIsNotADateIsRefusedAtTheDate() throws {
        let issue = try fault(replacing("date: 2026-08-31", with: "date: 2026-02-30"))
        #expect(issue.location.line == 4)
        #expect(issue.location.column == 11)
        #expect(issue.location.field == "days_off[1].date")
        #expect(issue.message == "days_off[1].date '2026-02-30' không đọc được (cần dạng YYYY-MM-DD)")
        #expect(try fault(replacing("date: 2026-08-31", with: "date: 31/08/2026")).location.field == "days_off[1].date")
    }

    @Test func aWorkingDayMustBeASaturdayOrSunday() throws {
        let issue = try fault(replacing("date: 2026-08-22", with: "date: 2026-08-24"))
        #expect(issue.location.field == "working_days[1].date")
        #expect(issue.location.line == 7)
        #expect(issue.message.contains("24/08/2026 là Thứ Hai"))
        // Nor a weekend holiday: Sunday 26/04/2026 is Giỗ Tổ Hùng Vương.
        let holiday = try fault(replacing("date: 2026-08-22", with: "date: 2026-04-26"))
        #expect(holiday.message.contains("Giỗ Tổ Hùng Vương"))
    }

    @Test func aDayOffThatIsAlreadyOffIsAFault() throws {
        let weekend = try fault(replacing("date: 2026-08-31", with: "date: 2026-08-29"))
        #expect(weekend.location.field == "days_off[1].date")
        #expect(weekend.message.contains("29/08/2026 là Thứ Bảy, vốn đã nghỉ"))
        let holiday = try fault(replacing("date: 2026-08-31", with: "date: 2026-09-02"))
        #expect(holiday.message.contains("đã là ngày nghỉ theo luật (Quốc khánh (2/9))"))
        let nghiBu = try fault(replacing("date: 2026-08-31", with: "date: 2026-04-27"))
        #expect(nghiBu.message.contains("Nghỉ bù Giỗ Tổ Hùng Vương"))
    }

    @Test func aNotOffDayMustBeOffByDefault() throws {
        let text = replacing("not_off: []", with: "not_off:\n  - date: 2026-09-03\n    reason: \"Đi làm\"")
        let issue = try fault(text)
        #expect(issue.location.field == "not_off[1].date")
        #expect(issue.location.line == 10)
        #expect(issue.message.contains("không phải ngày nghỉ lễ hay nghỉ bù"))
        let accepted = replacing("not_off: []", with: "not_off:\n  - date: 2026-09-01\n    reason: \"Đi làm\"")
        #expect(faults(accepted).isEmpty)
    }

    @Test func theSameDayTwiceIsRefusedAtItsSecondPlace() throws {
        let text = replacing("not_off: []", with: "not_off:\n  - date: 2026-08-31\n    reason: \"Đi làm\"")
        let issues = faults(text)
        #expect(issues.map(\.location.field) == ["not_off[1]", "not_off[1].date"], "\(issues)")
        #expect(issues.first?.message == "ngày '2026-08-31' lặp lại (đã có ở dòng 4)")
    }

    @Test func anEmptyReasonAndAMissingVersionAreFaults() throws {
        let reason = try fault(replacing("reason: \"Làm bù cho ngày 31/08/2026\"", with: "reason: \"  \""))
        #expect(reason.location.field == "working_days[1].reason")
        #expect(reason.message == "working_days[1].reason không được để trống")
        let version = try fault(replacing("version: \"2026.1\"\n", with: ""))
        #expect(version.location.field == "version")
        #expect(version.message == "thiếu trường bắt buộc 'version'")
        #expect(try fault(replacing("version: \"2026.1\"", with: "version: \"2026/1\"")).location.field == "version")
    }

    @Test func everyFaultIsReportedAtOnce() {
        let text = Self.example.replacingOccurrences(of: "2026-08-31", with: "2026-08-32")
            .replacingOccurrences(of: "2026-08-22", with: "2026-08-24")
            .replacingOccurrences(of: "ro_calendar: 1", with: "ro_calendar: 2")
        #expect(faults(text).map(\.location.field) == ["ro_calendar", "days_off[1].date", "working_days[1].date"])
    }

    @Test func aFileThatCannotBeReadIsNamed() {
        #expect(throws: PlanFileError.self) { try CalendarFile.read(path: "/nonexistent/lich.yaml") }
        let syntax = faults("ro_calendar: 1\nversion: [\n")
        #expect(syntax.first?.location.field == "(cú pháp YAML)")
        #expect(faults("").first?.message == "tệp trống")
    }
}
