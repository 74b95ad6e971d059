import Foundation

/// Time as the commune reads it: deadlines are decided in Asia/Ho_Chi_Minh
/// (UTC+7, no daylight saving time); instants are stored in UTC.
public enum CommuneTime {
    /// The commune's time zone. Vietnam has kept UTC+7 since 1975, so a fixed
    /// offset is the same zone where the tz database is missing.
    public static let zone: TimeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        ?? TimeZone(secondsFromGMT: 7 * 3600)!

    /// UTC+7, in seconds: the commune's offset from 13 June 1975 on.
    static let offset = 7 * 3600
    /// 1975-06-13T17:00:00Z, from which the zone has kept ``offset``.
    static let fixedSince = Date(timeIntervalSince1970: 171_910_800)

    /// The zone's offset from UTC at an instant. Since 1975 it is UTC+7 without
    /// daylight saving time, so that is answered without asking the zone (whose
    /// lookup costs more than the rest of a day's arithmetic: dashboards and
    /// reminder passes ask it hundreds of thousands of times); earlier instants
    /// ask the zone.
    public static func secondsFromUTC(at instant: Date) -> Int {
        instant >= fixedSince ? offset : zone.secondsFromGMT(for: instant)
    }

    /// A Gregorian calendar in the commune's zone.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// The instant a local day starts (00:00 in the commune).
    public static func startOfDay(year: Int, month: Int, day: Int) -> Date? {
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day,
            calendar.component(.month, from: date) == month
        else { return nil }
        return date
    }

    /// Reads a calendar date `YYYY-MM-DD` as a deadline: the task is due by the end
    /// of that day in the commune, that is, at 00:00 of the next local day.
    public static func deadline(fromDate text: String, field: String) throws(InputError) -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // Digits and dashes only: `Int` would also read a sign ("+026-01-05").
        guard text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 }),
            parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), (2000...2100).contains(year), let month = Int(parts[1]), let day = Int(parts[2]),
            let start = startOfDay(year: year, month: month, day: day),
            let end = calendar.date(byAdding: .day, value: 1, to: start)
        else { throw .malformedDate(field: field, value: text) }
        return end
    }

    /// The local calendar day on which a deadline (an end-of-day instant) falls, as
    /// `YYYY-MM-DD`: the inverse of ``deadline(fromDate:field:)``.
    public static func dayOfDeadline(_ due: Date) -> String {
        localDay(due.addingTimeInterval(-1))
    }

    /// The local calendar day of an instant, as `YYYY-MM-DD`.
    public static func localDay(_ instant: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// The local date and time of an instant, as `YYYY-MM-DD HH:mm`, for people.
    public static func localMinute(_ instant: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
