import Foundation

/// The RFC 5322 date of a message, in the commune's zone.
///
/// Always written with the fixed offset `+0700` (Vietnam has kept UTC+7 since
/// 1975 and has no daylight saving time), with English day and month names from
/// the standard, computed with a Gregorian calendar on that fixed offset: never
/// the machine's locale or zone.
public enum MailDate {
    /// The commune's offset from UTC, in seconds.
    public static let offsetSeconds = 7 * 3600

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds)!
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }()

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` as an RFC 5322 date-time, e.g. `Wed, 25 Nov 2026 07:00:00 +0700`.
    /// Fractions of a second are dropped.
    public static func string(from date: Date) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: whole)
        let day = days[c.weekday! - 1]
        let month = months[c.month! - 1]
        return "\(day), \(two(c.day!)) \(month) \(four(c.year!)) \(two(c.hour!)):\(two(c.minute!)):\(two(c.second!)) +0700"
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func four(_ value: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value)
    }
}
