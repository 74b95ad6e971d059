import Foundation

/// A calendar day as the commune lives it (Asia/Ho_Chi_Minh, see ``CommuneTime``),
/// written `YYYY-MM-DD`. Day arithmetic is integer arithmetic on the Julian Day
/// Number, so it never depends on a time zone database or on the wall clock.
///
/// Days exist from 1900-01-01 to 2199-12-31, the range the lunar calendar is
/// computed for. Arithmetic that leaves that range is a programming error and
/// traps, like an integer overflow.
public struct LocalDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a day may lie in.
    static let years = 1900...2199

    /// A day, or `nil` if it is not a real Gregorian date or its year lies outside 1900...2199.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
            (1...Self.length(ofMonth: month, in: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day with a Julian Day Number; traps outside 1900...2199.
    init(julianDay: Int) {
        let (year, month, day) = Self.gregorian(julianDay: julianDay)
        precondition(Self.years.contains(year), "day \(julianDay) (JDN) lies outside \(Self.years)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`: four, two and two ASCII digits, nothing else.
    public static func parse(_ text: String, field: String) throws(InputError) -> LocalDay {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // Digits and dashes only: `Int` would also read a sign ("+026-01-05").
        guard text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 }),
            parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let result = LocalDay(year: year, month: month, day: day)
        else { throw .malformedDate(field: field, value: text) }
        return result
    }

    /// The local day of an instant, in the commune's time zone. Traps for an
    /// instant outside 1900...2199.
    public static func containing(_ instant: Date) -> LocalDay {
        let offset = Double(CommuneTime.secondsFromUTC(at: instant))
        let local = (instant.timeIntervalSince1970 + offset) / 86_400
        return LocalDay(julianDay: Int(local.rounded(.down)) + unixEpochJulianDay)
    }

    /// The instant the day starts: 00:00 in the commune. Day arithmetic, not a
    /// calendar search: the scheduler asks this thousands of times a pass.
    public var start: Date { Self.midnight(julianDay: julianDay) }

    /// The instant the day ends: 00:00 of the next day in the commune. A task due
    /// "by the end of this day" is due at this instant.
    public var end: Date { Self.midnight(julianDay: julianDay + 1) }

    /// 00:00 local of a day: UTC midnight less the zone's offset on that day.
    private static func midnight(julianDay: Int) -> Date {
        let utc = Date(timeIntervalSince1970: Double(julianDay - unixEpochJulianDay) * 86_400)
        return utc.addingTimeInterval(-Double(CommuneTime.secondsFromUTC(at: utc)))
    }

    /// The Julian Day Number of 1970-01-01.
    private static let unixEpochJulianDay = 2_440_588

    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDay { LocalDay(julianDay: julianDay + days) }

    /// How many days from this day to `other`: `other - self`.
    public func days(until other: LocalDay) -> Int { other.julianDay - julianDay }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int { julianDay % 7 + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    public var description: String { "\(Digits.four(year))-\(Digits.two(month))-\(Digits.two(day))" }

    /// As Vietnamese documents write a date: `05/02/2026`.
    public var vietnamese: String { "\(Digits.two(day))/\(Digits.two(month))/\(Digits.four(year))" }

    public static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try LocalDay.parse(text, field: "ngày") } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalDay {
    /// The Julian Day Number: days since noon UTC, 1 January 4713 BC (Julian),
    /// counted on the day's noon. Consecutive days have consecutive numbers.
    var julianDay: Int { Self.julianDay(year: year, month: month, day: day) }

    /// The Julian Day Number of a Gregorian date (Fliegel and Van Flandern).
    static func julianDay(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    /// The Gregorian date of a Julian Day Number (Fliegel and Van Flandern).
    static func gregorian(julianDay: Int) -> (year: Int, month: Int, day: Int) {
        let a = julianDay + 32044
        let b = (4 * a + 3) / 146_097
        let c = a - 146_097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        let day = e - (153 * m + 2) / 5 + 1
        let month = m + 3 - 12 * (m / 10)
        let year = 100 * b + d - 4800 + m / 10
        return (year, month, day)
    }

    /// Days in a month of the Gregorian calendar.
    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
