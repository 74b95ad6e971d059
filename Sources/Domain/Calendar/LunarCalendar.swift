import Foundation

/// The Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7
/// with Hồ Ngọc Đức's algorithm: months start on the local day of the new
/// moon, month 11 contains the winter solstice, and a year of 13 months repeats
/// the first month in which the sun crosses no major solar term.
///
/// Nothing is looked up in a table: Tết of any year in 1900...2199 is computed.
/// Because the time zone is UTC+7, the calendar sometimes differs from the
/// Chinese one (UTC+8): Tết 1985 was 1985-01-21 in Vietnam and 1985-02-20 in China.
public enum LunarCalendar {
    /// A day of the lunar calendar: day `day` of month `month` (a leap month
    /// repeats the number of the month before it) of lunar year `year`, the
    /// Gregorian year in which that lunar year's Tết falls.
    public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
        public let year: Int
        public let month: Int
        public let day: Int
        public let isLeapMonth: Bool

        public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
            self.year = year
            self.month = month
            self.day = day
            self.isLeapMonth = isLeapMonth
        }

        /// As Vietnamese write a lunar date: `10/3 âm lịch năm 2026`, `15/4 nhuận âm lịch năm 2020`.
        public var description: String {
            "\(day)/\(month)\(isLeapMonth ? " nhuận" : "") âm lịch năm \(year)"
        }
    }

    /// Vietnam's time zone, in hours east of UTC.
    static let vietnam: Double = 7

    /// The lunar date of a day.
    public static func lunarDate(of day: LocalDay) -> LunarDate { lunarDate(of: day, zone: vietnam) }

    /// The day of a lunar date, or `nil` when there is no such date: a leap month
    /// the year does not have, a day 30 of a 29-day month, a month outside 1...12,
    /// or a day outside 1900...2199.
    public static func solarDay(lunarYear: Int, month: Int, day: Int, isLeapMonth: Bool = false) -> LocalDay? {
        solarDay(lunarYear: lunarYear, month: month, day: day, isLeapMonth: isLeapMonth, zone: vietnam)
    }

    /// Tết Nguyên đán: day 1 of month 1 of the lunar year whose Tết falls in
    /// Gregorian `gregorianYear` (always between 21 January and 20 February).
    /// Traps when the year lies outside 1900...2199.
    public static func newYear(_ gregorianYear: Int) -> LocalDay { newYear(gregorianYear, zone: vietnam) }

    // MARK: Any time zone (for tests against the Chinese calendar, UTC+8)

    static func lunarDate(of day: LocalDay, zone: Double) -> LunarDate {
        let julianDay = day.julianDay
        let year = LunarYear.containing(julianDay, gregorianYear: day.year, zone: zone)
        // Every day of the span lies in one of its months.
        let month = year.month(containing: julianDay)!
        return LunarDate(
            year: month.lunarYear, month: month.number, day: julianDay - month.start + 1, isLeapMonth: month.isLeap)
    }

    static func solarDay(lunarYear: Int, month: Int, day: Int, isLeapMonth: Bool, zone: Double) -> LocalDay? {
        // Lunar years 1899 and 2199 reach into the range of days; no others do.
        guard (1899...2199).contains(lunarYear), (1...12).contains(month), day >= 1 else { return nil }
        let span = LunarYear(endingIn: month >= 11 ? lunarYear + 1 : lunarYear, zone: zone)
        guard let found = span.month(month, isLeap: isLeapMonth, of: lunarYear),
            day <= found.end - found.start
        else { return nil }
        let julianDay = found.start + day - 1
        guard LocalDay.years.contains(LocalDay.gregorian(julianDay: julianDay).year) else { return nil }
        return LocalDay(julianDay: julianDay)
    }

    static func newYear(_ gregorianYear: Int, zone: Double) -> LocalDay {
        precondition(LocalDay.years.contains(gregorianYear), "year \(gregorianYear) lies outside \(LocalDay.years)")
        let span = LunarYear(endingIn: gregorianYear, zone: zone)
        return LocalDay(julianDay: span.month(1, isLeap: false, of: gregorianYear)!.start)
    }

    /// Tết of `gregorianYear` and lunar 10/3 of the same lunar year (Giỗ Tổ Hùng
    /// Vương), from one computation of the year's months.
    static func tetAndHungKings(_ gregorianYear: Int) -> (tet: LocalDay, hungKings: LocalDay) {
        let span = LunarYear(endingIn: gregorianYear, zone: vietnam)
        let tet = span.month(1, isLeap: false, of: gregorianYear)!.start
        let third = span.month(3, isLeap: false, of: gregorianYear)!.start
        return (LocalDay(julianDay: tet), LocalDay(julianDay: third + 9))
    }
}
