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
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let inDay = Int(ms - days * 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(48 + (value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(Int(year), 4); bytes.append(45); digits(month, 2); bytes.append(45); digits(day, 2)
        bytes.append(84); digits(inDay / 3_600_000, 2); bytes.append(58); digits(inDay / 60_000 % 60, 2)
        bytes.append(58); digits(inDay / 1000 % 60, 2); bytes.append(46); digits(inDay % 1000, 3); bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day, counted from 1970-01-01, of a proleptic Gregorian date.
    static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = Int64((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1)
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`, as written by people (RO_NOW) and by
    /// ``format(_:)``.
    public static func parse(_ text: String) -> Date? {
        var text = text
        // The bytes in place (no copy): read models parse a few per row.
        return text.withUTF8(parse(utf8:))
    }

    private static func parse(utf8 scalars: UnsafeBufferPointer<UInt8>) -> Date? {
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
        let dayNumber = days(fromCivil: Int64(year), month, day)
        guard civil(fromDays: dayNumber) == (Int64(year), month, day) else { return nil }
        let seconds = dayNumber * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return fromMilliseconds(seconds * 1000 + Int64(millis))
    }
}
