import Foundation
import Testing

@testable import RoDomain

@Suite("Local days: reading, arithmetic, weekdays and instants in the commune")
struct CalendarLocalDayTests {
    @Test(arguments: [
        ("2026-02-05", 2026, 2, 5), ("1900-01-01", 1900, 1, 1), ("2199-12-31", 2199, 12, 31),
        ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
    ])
    func daysAreRead(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try LocalDay.parse(text, field: "ngày")
        #expect(parsed == LocalDay(year: year, month: month, day: day))
        #expect((parsed.year, parsed.month, parsed.day) == (year, month, day))
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "", "2026-2-05", "2026-02-5", "26-02-05", "2026/02/05", "05/02/2026", "2026-02-30", "2025-02-29",
        "1900-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "1899-12-31", "2200-01-01", "+026-01-05",
        "2026-+1-05", " 2026-02-05", "2026-02-05 ", "２０２６-02-05", "2026-02-05T00:00",
    ])
    func malformedDaysAreRefused(text: String) {
        #expect(throws: InputError.malformedDate(field: "hạn", value: text)) { try LocalDay.parse(text, field: "hạn") }
    }

    @Test func onlyRealDaysInTheRangeExist() {
        #expect(LocalDay(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDay(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDay(year: 1899, month: 12, day: 31) == nil)
        #expect(LocalDay(year: 2200, month: 1, day: 1) == nil)
        #expect(LocalDay(year: 2026, month: 12, day: 31) != nil)
    }

    @Test func daysAreCountedAcrossMonthsYearsAndLeapDays() {
        let day = LocalDay(year: 2026, month: 2, day: 27)!
        #expect(day.adding(days: 2) == LocalDay(year: 2026, month: 3, day: 1))
        #expect(LocalDay(year: 2024, month: 2, day: 28)!.adding(days: 1) == LocalDay(year: 2024, month: 2, day: 29))
        #expect(LocalDay(year: 2026, month: 12, day: 31)!.adding(days: 1) == LocalDay(year: 2027, month: 1, day: 1))
        #expect(day.adding(days: -58) == LocalDay(year: 2025, month: 12, day: 31))
        #expect(day.adding(days: 0) == day)
        #expect(LocalDay(year: 2026, month: 1, day: 1)!.days(until: LocalDay(year: 2027, month: 1, day: 1)!) == 365)
        #expect(LocalDay(year: 2024, month: 1, day: 1)!.days(until: LocalDay(year: 2025, month: 1, day: 1)!) == 366)
        #expect(LocalDay(year: 2000, month: 1, day: 1)!.days(until: LocalDay(year: 1900, month: 1, day: 1)!) == -36524)
        // Arithmetic and the Foundation calendar agree on every day of the range.
        let first = LocalDay(year: 1900, month: 1, day: 1)!
        let last = LocalDay(year: 2199, month: 12, day: 31)!
        #expect(first.days(until: last) == 109_572)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let start = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1))!
        for offset in stride(from: 0, through: 109_572, by: 997) {
            let date = calendar.date(byAdding: .day, value: offset, to: start)!
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = first.adding(days: offset)
            #expect((day.year, day.month, day.day) == (c.year!, c.month!, c.day!))
            #expect(day.weekday == (c.weekday! + 5) % 7 + 1)  // Foundation: 1 = Sunday
        }
    }

    @Test func weekdaysAreISO() {
        #expect(LocalDay(year: 2026, month: 2, day: 16)!.weekday == 1)  // Monday
        #expect(LocalDay(year: 2026, month: 2, day: 20)!.weekday == 5)
        #expect(LocalDay(year: 2026, month: 2, day: 21)!.weekday == 6)
        #expect(LocalDay(year: 2026, month: 2, day: 22)!.weekday == 7)
        #expect(LocalDay(year: 2026, month: 2, day: 21)!.isWeekend)
        #expect(LocalDay(year: 2026, month: 2, day: 22)!.isWeekend)
        #expect(!LocalDay(year: 2026, month: 2, day: 20)!.isWeekend)
        #expect(LocalDay(year: 1900, month: 1, day: 1)!.weekday == 1)
    }

    @Test func aDayStartsAndEndsAtMidnightInTheCommune() throws {
        let day = LocalDay(year: 2026, month: 2, day: 5)!
        #expect(day.start == Fx.t("2026-02-04T17:00:00Z"))
        #expect(day.end == Fx.t("2026-02-05T17:00:00Z"))
        #expect(LocalDay(year: 2026, month: 12, day: 31)!.end == Fx.t("2026-12-31T17:00:00Z"))
        #expect(LocalDay.containing(Fx.t("2026-02-04T17:00:00Z")) == day)
        #expect(LocalDay.containing(Fx.t("2026-02-05T16:59:59Z")) == day)
        #expect(LocalDay.containing(Fx.t("2026-02-04T16:59:59Z")) == day.adding(days: -1))
        // The end of a day is the deadline instant the plans' dates already mean.
        #expect(try day.end == CommuneTime.deadline(fromDate: "2026-02-05", field: "hạn"))
    }

    @Test func aDayIsWrittenAsVietnameseDocumentsWriteIt() {
        #expect(LocalDay(year: 2026, month: 2, day: 5)!.vietnamese == "05/02/2026")
        #expect(LocalDay(year: 2025, month: 12, day: 31)!.vietnamese == "31/12/2025")
        #expect(LocalDay(year: 2026, month: 2, day: 5)!.description == "2026-02-05")
    }

    @Test func daysAreOrderedAndCodedAsTheirText() throws {
        let a = LocalDay(year: 2025, month: 12, day: 31)!
        let b = LocalDay(year: 2026, month: 1, day: 1)!
        #expect(a < b && !(b < a))
        #expect([b, a].sorted() == [a, b])
        let json = try JSONEncoder().encode([b])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-01-01"]"#)
        #expect(try JSONDecoder().decode([LocalDay].self, from: json) == [b])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDay].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }
}
