import Foundation

/// The working days of a commune office: Monday to Friday, except the public
/// holidays of the Labour Code 2019 (see `PublicHolidays`) and their nghỉ bù,
/// with the government's yearly adjustments (``CalendarAdjustments``) on top.
///
/// Nghỉ bù: a holiday that falls on a Saturday or Sunday gives the next working
/// day off that is not already off (a holiday, an earlier nghỉ bù or a day off
/// of the adjustments); two weekend holidays give two days.
///
/// Like ``LocalDay``, the calendar covers 1900...2199: a search for a working
/// day that would leave that range traps.
///
/// The holidays of every year in 1900...2199 are computed once per process
/// (about 50 ms in a debug build, for the lunar calendar); a calendar
/// with adjustments recomputes only the years they touch. Asking about a day
/// is then a lookup, so the value is cheap to copy and needs no lock.
public struct WorkingCalendar: Sendable, CustomStringConvertible {
    /// The days off of one year that are not plain weekend days, by Julian Day Number.
    struct Year: Sendable {
        var off: [Int: String]
    }

    /// The adjustments this calendar applies.
    public let adjustments: CalendarAdjustments
    /// Identifies the rules and the adjustments exactly, as
    /// `vn-ld2019/<adjustments' version>/<12 hex digits>`: the digits are an
    /// FNV-1a hash of the adjustments' content, so the same adjustments give the
    /// same version and any change gives another. Record it with every
    /// deadline computed from this calendar.
    public let version: String

    private let years: [Year]
    /// The weekend days worked in exchange, by Julian Day Number.
    private let working: Set<Int>

    /// The calendar named by its version (its days are too many to print).
    public var description: String { "WorkingCalendar(\(version))" }

    public init(adjustments: CalendarAdjustments = .none) {
        self.adjustments = adjustments
        let hash = FNV1a.hex(adjustments.canonicalText).prefix(12)
        version = "\(PublicHolidays.rules)/\(adjustments.version)/\(hash)"
        var years = Self.standard
        let touched = Set((adjustments.daysOff + adjustments.notOff).map(\.date.year))
        for year in touched { years[year - LocalDay.years.lowerBound] = Self.year(in: year, adjustments) }
        self.years = years
        working = Set(adjustments.workingDays.map(\.date.julianDay))
    }

    /// Whether the office works on `day`.
    public func isWorkingDay(_ day: LocalDay) -> Bool { reasonOff(day) == nil }

    /// Why the office is closed on `day`, in Vietnamese; `nil` on a working day.
    /// A holiday gives its name ("Tết Nguyên đán", "Giỗ Tổ Hùng Vương (10/3 âm
    /// lịch)"), a nghỉ bù starts with "Nghỉ bù", an adjustment gives the file's
    /// reason, and a plain weekend day is "Thứ Bảy" or "Chủ nhật".
    public func reasonOff(_ day: LocalDay) -> String? {
        let julianDay = day.julianDay
        if let reason = years[day.year - LocalDay.years.lowerBound].off[julianDay] { return reason }
        if working.contains(julianDay) { return nil }
        return PublicHolidays.Reason.weekend(day.weekday)
    }

    /// `day` if the office works on it, otherwise the last working day before it.
    public func workingDay(onOrBefore day: LocalDay) -> LocalDay {
        var day = day
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// `day` if the office works on it, otherwise the first working day after it.
    public func workingDay(onOrAfter day: LocalDay) -> LocalDay {
        var day = day
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`-th working day after `day` (before it when `count` is
    /// negative); `day` itself when `count` is 0, whether or not it is a working day.
    public func addingWorkingDays(_ count: Int, to day: LocalDay) -> LocalDay {
        let step = count < 0 ? -1 : 1
        var day = day
        for _ in 0..<count.magnitude {
            repeat { day = day.adding(days: step) } while !isWorkingDay(day)
        }
        return day
    }

    /// The days off of `year` that are not plain weekend days, in date order:
    /// holidays (also those on a weekend), nghỉ bù and the adjustments' days off.
    public func daysOff(in year: Int) -> [(day: LocalDay, reason: String)] {
        guard LocalDay.years.contains(year) else { return [] }
        return years[year - LocalDay.years.lowerBound].off.sorted { $0.key < $1.key }
            .map { (day: LocalDay(julianDay: $0.key), reason: $0.value) }
    }

    // MARK: Computing a year

    /// Every year under the default rules alone, computed on first use.
    private static let standard: [Year] = LocalDay.years.map { year(in: $0, .none) }

    /// The days off of `year`: the holidays not listed as not off, the nghỉ bù
    /// of those on a weekend, the adjustments' days off, less the not-off days.
    static func year(in year: Int, _ adjustments: CalendarAdjustments) -> Year {
        let notOff = Set(adjustments.notOff.filter { $0.date.year == year }.map(\.date.julianDay))
        let holidays = PublicHolidays.holidays(in: year).filter { !notOff.contains($0.day.julianDay) }
        var off: [Int: String] = [:]
        for (day, reason) in holidays { off[day.julianDay] = reason }
        for extra in adjustments.daysOff where extra.date.year == year {
            off[extra.date.julianDay] = off[extra.date.julianDay] ?? extra.reason
        }
        // The holidays run from January to early September, so a nghỉ bù never
        // leaves the year.
        for (day, reason) in holidays where day.isWeekend {
            var rest = day.julianDay + 1
            while LocalDay(julianDay: rest).isWeekend || off[rest] != nil { rest += 1 }
            off[rest] = PublicHolidays.Reason.compensation(for: day, reason)
        }
        for day in notOff { off[day] = nil }
        return Year(off: off)
    }
}
