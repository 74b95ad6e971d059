import Foundation

/// Instants written as ISO 8601 in UTC with milliseconds (`2026-11-25T06:22:27.123Z`).
///
/// Instants in Rõ have millisecond precision: ``Timestamp/truncated(_:)`` is the only
/// way a clock makes one, and ``Timestamp/parse(_:)`` builds the same `Date` back,
/// so an event read from the store equals the event that was written.
public enum Timestamp {
    public static func truncated(_ date: Date) -> Date {
        fromMilliseconds(Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func fromMilliseconds(_ ms: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    public static func format(_ date: Date) -> String {
        let ms = milliseconds(date)
        let seconds = Int64((Double(ms) / 1000).rounded(.down))
        let millis = ms - seconds * 1000
        let c = CommuneTime.utcCalendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: Double(seconds)))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, Int(millis))
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`, as written by people (RO_NOW) and by
    /// ``format(_:)``.
    public static func parse(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[from..<from + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int) -> UInt8? { index < scalars.count ? scalars[index] : nil }
        guard let year = number(0, 4), byte(4) == UInt8(ascii: "-"), let month = number(5, 2),
            byte(7) == UInt8(ascii: "-"), let day = number(8, 2),
            byte(10) == UInt8(ascii: "T") || byte(10) == UInt8(ascii: " "),
            let hour = number(11, 2), byte(13) == UInt8(ascii: ":"), let minute = number(14, 2),
            byte(16) == UInt8(ascii: ":"), let second = number(17, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        var millis = 0
        if byte(index) == UInt8(ascii: ".") {
            var digits = 0
            index += 1
            while let b = byte(index), (48...57).contains(b) {
                if digits < 3 { millis = millis * 10 + Int(b - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 3)..<3 { millis *= 10 }
        }
        var offset = 0
        switch byte(index) {
        case UInt8(ascii: "Z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let h = number(index + 1, 2), byte(index + 3) == UInt8(ascii: ":"),
                let m = number(index + 4, 2), h < 24, m < 60
            else { return nil }
            offset = (h * 3600 + m * 60) * (byte(index) == UInt8(ascii: "+") ? 1 : -1)
            index += 6
        default:
            return nil
        }
        guard index == scalars.count else { return nil }
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let base = CommuneTime.utcCalendar.date(from: components),
            CommuneTime.utcCalendar.component(.day, from: base) == day
        else { return nil }
        let seconds = Int64(base.timeIntervalSince1970) - Int64(offset)
        return fromMilliseconds(seconds * 1000 + Int64(millis))
    }
}
