import Foundation
import Testing

@testable import RoDomain

/// A day from its text.
private func day(_ text: String) -> LocalDay { try! LocalDay.parse(text, field: "ngày") }

private func adjust(
    _ version: String = "2026.1", off: [(String, String)] = [], working: [(String, String)] = [],
    notOff: [(String, String)] = []
) -> CalendarAdjustments {
    func days(_ list: [(String, String)]) -> [CalendarAdjustments.Day] { list.map { .init(date: day($0), reason: $1) } }
    return CalendarAdjustments(version: version, daysOff: days(off), workingDays: days(working), notOff: days(notOff))
}

@Suite("The working calendar: Labour Code 2019 holidays, nghỉ bù and the year's adjustments")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar()

    @Test func tet2026IsFiveWorkingDaysOffAsTheGovernmentSetIt() {
        for text in ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] {
            #expect(!calendar.isWorkingDay(day(text)), "\(text)")
            #expect(calendar.reasonOff(day(text)) == "Tết Nguyên đán")
        }
        #expect(calendar.reasonOff(day("2026-02-21")) == "Thứ Bảy")
        #expect(calendar.reasonOff(day("2026-02-22")) == "Chủ nhật")
        #expect(calendar.isWorkingDay(day("2026-02-13")))
        #expect(calendar.isWorkingDay(day("2026-02-23")))
        #expect(calendar.reasonOff(day("2026-02-23")) == nil)
    }

    @Test func aHolidayOnASundayGivesTheMondayOff() {
        #expect(calendar.reasonOff(day("2026-04-26")) == "Giỗ Tổ Hùng Vương (10/3 âm lịch)")
        #expect(!calendar.isWorkingDay(day("2026-04-27")))
        #expect(calendar.reasonOff(day("2026-04-27"))
            == "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch) trùng Chủ nhật 26/04/2026")
        #expect(calendar.isWorkingDay(day("2026-04-28")))
        #expect(calendar.reasonOff(day("2026-04-30")) == "Ngày Chiến thắng (30/4)")
        #expect(calendar.reasonOff(day("2026-05-01")) == "Ngày Quốc tế Lao động (1/5)")
        #expect(calendar.isWorkingDay(day("2026-05-04")))
        // 2023: 1/1 was a Sunday, so 2/1 was off.
        #expect(calendar.reasonOff(day("2023-01-02"))?.hasPrefix("Nghỉ bù Tết Dương lịch trùng Chủ nhật") == true)
    }

    @Test func twoWeekendHolidaysGiveTheNextTwoFreeWorkingDays() {
        // Tết 2021 (12/02, a Friday): 11–15/02 by default; 13 and 14 are a weekend,
        // so 16 and 17 are off too, as the government decided that year.
        for text in ["2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16", "2021-02-17"] {
            #expect(!calendar.isWorkingDay(day(text)), "\(text)")
        }
        #expect(calendar.reasonOff(day("2021-02-16")) == "Nghỉ bù Tết Nguyên đán trùng Thứ Bảy 13/02/2021")
        #expect(calendar.reasonOff(day("2021-02-17")) == "Nghỉ bù Tết Nguyên đán trùng Chủ nhật 14/02/2021")
        #expect(calendar.isWorkingDay(day("2021-02-18")))
    }

    @Test(arguments: [
        // 2 September on a Monday or a Thursday: 3 September; otherwise 1 September.
        ("2024-09-03", "2024-09-01"), ("2021-09-03", "2021-09-01"), ("2025-09-01", "2025-09-03"),
        ("2022-09-01", "2022-09-03"), ("2026-09-01", "2026-09-03"),
    ])
    func nationalDayTakesOneAdjacentDay(adjacent: String, other: String) {
        #expect(calendar.reasonOff(day(adjacent)) == "Quốc khánh (ngày liền kề 2/9)")
        #expect([nil, "Thứ Bảy", "Chủ nhật"].contains(calendar.reasonOff(day(other))))
    }

    @Test func nationalDayOnASaturdayTakesFridayAndGivesMonday() {
        // 2023: 2/9 a Saturday: 1/9 (Friday) and 4/9 (Monday, nghỉ bù) off, as decided.
        #expect(calendar.reasonOff(day("2023-09-01")) == "Quốc khánh (ngày liền kề 2/9)")
        #expect(calendar.reasonOff(day("2023-09-02")) == "Quốc khánh (2/9)")
        #expect(calendar.reasonOff(day("2023-09-04"))?.hasPrefix("Nghỉ bù Quốc khánh (2/9)") == true)
        #expect(calendar.isWorkingDay(day("2023-09-05")))
    }

    @Test func workingDaysAreFoundAroundHolidays() {
        #expect(calendar.workingDay(onOrBefore: day("2026-02-19")) == day("2026-02-13"))
        #expect(calendar.workingDay(onOrBefore: day("2026-02-13")) == day("2026-02-13"))
        #expect(calendar.workingDay(onOrAfter: day("2026-02-19")) == day("2026-02-23"))
        #expect(calendar.workingDay(onOrAfter: day("2026-04-25")) == day("2026-04-28"))
        #expect(calendar.addingWorkingDays(1, to: day("2026-02-13")) == day("2026-02-23"))
        #expect(calendar.addingWorkingDays(-1, to: day("2026-02-23")) == day("2026-02-13"))
        #expect(calendar.addingWorkingDays(5, to: day("2026-02-13")) == day("2026-02-27"))
        #expect(calendar.addingWorkingDays(-3, to: day("2026-04-29")) == day("2026-04-23"))
        #expect(calendar.addingWorkingDays(0, to: day("2026-02-17")) == day("2026-02-17"))
    }

    @Test func theDaysOffOfAYearAreListedInOrder() {
        let list = calendar.daysOff(in: 2026)
        #expect(list.map(\.day.description) == [
            "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
        ])
        #expect(list.first?.reason == "Tết Dương lịch")
        #expect(calendar.daysOff(in: 1899).isEmpty)
    }

    @Test func theAdjustmentsOfTheYearApplyOnTop() {
        let adjusted = WorkingCalendar(adjustments: adjust(
            off: [("2026-08-31", "Nghỉ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)")],
            working: [("2026-08-22", "Làm bù cho ngày 31/08/2026")],
            notOff: [("2026-09-01", "Thử: 1/9 đi làm")]))
        #expect(adjusted.isWorkingDay(day("2026-08-22")))
        #expect(adjusted.reasonOff(day("2026-08-22")) == nil)
        #expect(calendar.reasonOff(day("2026-08-22")) == "Thứ Bảy")
        #expect(adjusted.reasonOff(day("2026-08-31")) == "Nghỉ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)")
        #expect(adjusted.isWorkingDay(day("2026-09-01")))
        #expect(!adjusted.isWorkingDay(day("2026-09-02")))
        #expect(adjusted.addingWorkingDays(1, to: day("2026-08-21")) == day("2026-08-22"))
        #expect(adjusted.daysOff(in: 2026).map(\.day.description).suffix(2) == ["2026-08-31", "2026-09-02"])
        // Other years keep the default rules.
        #expect(adjusted.daysOff(in: 2027).map(\.day) == calendar.daysOff(in: 2027).map(\.day))
    }

    @Test func aWeekendHolidayListedAsNotOffGivesNoNghiBu() {
        // 2025: the government set Tết on 27–31/01, so Saturday 01/02 gave no nghỉ bù.
        #expect(calendar.reasonOff(day("2025-02-03"))?.hasPrefix("Nghỉ bù Tết Nguyên đán") == true)
        let byWeekend = WorkingCalendar(adjustments: adjust(notOff: [("2025-02-01", "Không phải ngày Tết năm 2025")]))
        #expect(byWeekend.isWorkingDay(day("2025-02-03")))
        #expect(byWeekend.reasonOff(day("2025-02-01")) == "Thứ Bảy")
        let byDay = WorkingCalendar(adjustments: adjust(notOff: [("2025-02-03", "Không nghỉ bù")]))
        #expect(byDay.isWorkingDay(day("2025-02-03")))
        #expect(byDay.reasonOff(day("2025-02-01")) == "Tết Nguyên đán")
        #expect(byDay.isWorkingDay(day("2025-02-04")))  // the nghỉ bù does not move to the next day
    }

    @Test func theVersionNamesTheRulesAndTheAdjustmentsExactly() {
        let a = adjust(off: [("2026-08-31", "A")], working: [("2026-08-22", "B")])
        let version = WorkingCalendar(adjustments: a).version
        #expect(version.hasPrefix("vn-ld2019/2026.1/"))
        let hash = version.split(separator: "/").last!
        #expect(hash.count == 12 && hash.allSatisfy(\.isHexDigit))
        #expect(WorkingCalendar(adjustments: a).version == version)
        let twoDays = adjust(off: [("2026-08-31", "A"), ("2026-12-31", "C")])
        let swapped = adjust(off: [("2026-12-31", "C"), ("2026-08-31", "A")])
        #expect(WorkingCalendar(adjustments: twoDays).version == WorkingCalendar(adjustments: swapped).version)
        for changed in [
            adjust(off: [("2026-08-31", "A.")], working: [("2026-08-22", "B")]),
            adjust(off: [("2026-08-28", "A")], working: [("2026-08-22", "B")]),
            adjust(off: [("2026-08-31", "A")], working: [("2026-08-22", "B")], notOff: [("2026-09-01", "C")]),
            adjust(off: [], working: [("2026-08-31", "A"), ("2026-08-22", "B")]),
            adjust("2026.2", off: [("2026-08-31", "A")], working: [("2026-08-22", "B")]),
        ] {
            #expect(WorkingCalendar(adjustments: changed).version != version)
        }
        #expect(WorkingCalendar().version.hasPrefix("vn-ld2019/default/"))
        #expect(WorkingCalendar().version != version)
        // FNV-1a's published test vectors: the hash is stable across machines and runs.
        #expect(FNV1a.hex("") == "cbf29ce484222325")
        #expect(FNV1a.hex("a") == "af63dc4c8601ec8c")
    }

    @Test func thousandsOfDaysAreAnsweredQuickly() {
        let adjusted = WorkingCalendar(adjustments: adjust(off: [("2026-08-31", "A")]))
        let first = day("2020-01-01")
        let clock = ContinuousClock()
        var working = 0
        let elapsed = clock.measure {
            for index in 0..<10_000 where adjusted.isWorkingDay(first.adding(days: index * 73 % 7305)) {
                working += 1
            }
        }
        #expect(elapsed < .milliseconds(500), "\(elapsed)")
        // About 5 in 7 days, less about 11 holidays a year.
        #expect((6_600...7_100).contains(working), "\(working)")
    }
}
