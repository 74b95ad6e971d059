import Foundation
import Testing

@testable import RoDomain

/// A day from its text.
private func day(_ text: String) -> LocalDay { try! LocalDay.parse(text, field: "ngày") }

@Suite("The Vietnamese lunar calendar, computed for UTC+7")
struct LunarCalendarTests {
    @Test(arguments: [
        (2020, "2020-01-25"), (2021, "2021-02-12"), (2022, "2022-02-01"), (2023, "2023-01-22"),
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
        (2028, "2028-01-26"), (2030, "2030-02-02"),
    ])
    func tetFallsOnItsKnownDay(year: Int, date: String) {
        #expect(LunarCalendar.newYear(year) == day(date))
        #expect(LunarCalendar.lunarDate(of: day(date)) == .init(year: year, month: 1, day: 1))
        #expect(LunarCalendar.solarDay(lunarYear: year, month: 1, day: 1) == day(date))
    }

    @Test(arguments: [(2023, "2023-04-29"), (2024, "2024-04-18"), (2025, "2025-04-07"), (2026, "2026-04-26")])
    func hungKingsDayIsLunarTenthOfTheThirdMonth(year: Int, date: String) {
        #expect(LunarCalendar.solarDay(lunarYear: year, month: 3, day: 10) == day(date))
        #expect(LunarCalendar.lunarDate(of: day(date)) == .init(year: year, month: 3, day: 10))
        #expect(LunarCalendar.tetAndHungKings(year) == (LunarCalendar.newYear(year), day(date)))
    }

    /// In UTC+7 the new moon of 1985-01-21 falls after midnight, which moves
    /// month 11 and so Tết a whole month earlier than in China (UTC+8). In the
    /// other years of difference a new moon falls in the hour before midnight in
    /// Vietnam, which is after midnight in China.
    @Test func tetDiffersFromChinaWhereTheTimeZoneDecides() {
        #expect(LunarCalendar.newYear(1985) == day("1985-01-21"))
        #expect(LunarCalendar.newYear(1985, zone: 8) == day("1985-02-20"))
        // Tết Mậu Thân: the North (UTC+7 since 1967) on 29/01, the South (UTC+8) on 30/01.
        #expect(LunarCalendar.newYear(1968) == day("1968-01-29"))
        #expect(LunarCalendar.newYear(1968, zone: 8) == day("1968-01-30"))
        #expect(LunarCalendar.newYear(2007) == day("2007-02-17"))
        #expect(LunarCalendar.newYear(2007, zone: 8) == day("2007-02-18"))
        // The new moon of 2030-02-02 at 16:07 UTC is 23:07 in Vietnam, 00:07 on 2030-02-03 in China.
        #expect(LunarCalendar.newYear(2030) == day("2030-02-02"))
        #expect(LunarCalendar.newYear(2030, zone: 8) == day("2030-02-03"))
        #expect(LunarCalendar.newYear(2026, zone: 8) == LunarCalendar.newYear(2026))
    }

    @Test func theLastDayOfTheOldYearIsTheDayBeforeTet() {
        let eve = LunarCalendar.lunarDate(of: day("2026-02-16"))
        #expect(eve.year == 2025 && eve.month == 12 && !eve.isLeapMonth)
        #expect(eve.day == 29)  // month 12 of Ất Tỵ has 29 days: no "30 Tết" in 2026
        #expect(LunarCalendar.lunarDate(of: day("2025-01-28")) == .init(year: 2024, month: 12, day: 29))
        #expect(LunarCalendar.solarDay(lunarYear: 2025, month: 12, day: 30) == nil)
        #expect(LunarCalendar.solarDay(lunarYear: 2025, month: 12, day: 29) == day("2026-02-16"))
    }

    @Test func leapMonthsRepeatTheMonthBeforeThem() {
        // 2023 (Quý Mão) had a leap second month; 2025 (Ất Tỵ) a leap sixth month.
        let leap2023 = LunarCalendar.LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)
        #expect(LunarCalendar.lunarDate(of: day("2023-03-22")) == leap2023)
        #expect(LunarCalendar.solarDay(lunarYear: 2023, month: 2, day: 1, isLeapMonth: true) == day("2023-03-22"))
        let leap2025 = LunarCalendar.LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true)
        #expect(LunarCalendar.lunarDate(of: day("2025-07-25")) == leap2025)
        #expect(LunarCalendar.solarDay(lunarYear: 2024, month: 6, day: 1, isLeapMonth: true) == nil)
        #expect(LunarCalendar.solarDay(lunarYear: 2026, month: 13, day: 1) == nil)
        #expect(LunarCalendar.solarDay(lunarYear: 2026, month: 1, day: 0) == nil)
    }

    @Test(arguments: [1900, 1968, 1985, 2000, 2023, 2025, 2026, 2033, 2100, 2199])
    func everyDayOfAYearRoundTrips(year: Int) {
        let first = LocalDay(year: year, month: 1, day: 1)!
        var previous: LunarCalendar.LunarDate?
        for offset in 0...first.days(until: LocalDay(year: year, month: 12, day: 31)!) {
            let current = first.adding(days: offset)
            let lunar = LunarCalendar.lunarDate(of: current)
            let back = LunarCalendar.solarDay(
                lunarYear: lunar.year, month: lunar.month, day: lunar.day, isLeapMonth: lunar.isLeapMonth)
            #expect(back == current, "\(current) -> \(lunar)")
            // Days follow one another: the next day, or day 1 of the next month after day 29 or 30.
            if let previous {
                let continues = lunar.day == previous.day + 1 && lunar.month == previous.month
                    && lunar.isLeapMonth == previous.isLeapMonth && lunar.year == previous.year
                let newMonth = lunar.day == 1 && (29...30).contains(previous.day)
                #expect(continues || newMonth, "\(previous) then \(lunar) on \(current)")
            }
            previous = lunar
        }
    }

    @Test func everyYearHasTwelveOrThirteenMonthsOf29Or30Days() {
        var leapYears = 0
        for year in 1900...2199 {
            let months = LunarYear(endingIn: year, zone: LunarCalendar.vietnam).months
            #expect(months.count == 12 || months.count == 13, "\(year)")
            #expect(months.allSatisfy { (29...30).contains($0.end - $0.start) }, "\(year)")
            #expect(months.filter(\.isLeap).count == (months.count == 13 ? 1 : 0), "\(year)")
            if months.count == 13 { leapYears += 1 }
            let tet = LunarCalendar.newYear(year)
            #expect(tet >= LocalDay(year: year, month: 1, day: 21)! && tet <= LocalDay(year: year, month: 2, day: 20)!)
        }
        // 7 leap months in every 19 years (the Metonic cycle): about 110 in 300 years.
        #expect((105...115).contains(leapYears))
    }

    @Test func aLunarDateIsWrittenAsVietnameseWriteIt() {
        #expect(LunarCalendar.lunarDate(of: day("2026-04-26")).description == "10/3 âm lịch năm 2026")
        #expect(LunarCalendar.LunarDate(year: 2020, month: 4, day: 15, isLeapMonth: true).description
            == "15/4 nhuận âm lịch năm 2020")
    }
}
