import Foundation

/// A monthly reporting period, written `YYYY-MM`.
public struct Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2100).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM` (also `M/YYYY` and `MM/YYYY`, as the plans write months).
    public static func parse(_ text: String) throws(InputError) -> Period {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Digits and separators only: `Int` would also read a sign ("2026-+1").
        guard trimmed.utf8.allSatisfy({ (48...57).contains($0) || $0 == 45 || $0 == 47 }) else {
            throw .malformedPeriod(value: text)
        }
        var year: Int?
        var month: Int?
        let dash = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let slash = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if dash.count == 2, dash[0].count == 4, dash[1].count == 2 {
            year = Int(dash[0])
            month = Int(dash[1])
        } else if slash.count == 2, (1...2).contains(slash[0].count), slash[1].count == 4 {
            month = Int(slash[0])
            year = Int(slash[1])
        }
        guard let year, let month, let period = Period(year: year, month: month) else {
            throw .malformedPeriod(value: text)
        }
        return period
    }

    /// The period an instant falls in, in the commune's time zone.
    public static func containing(_ instant: Date) -> Period {
        let day = LocalDay.containing(instant)
        return Period(year: day.year, month: day.month)!
    }

    public var description: String { "\(Digits.four(year))-\(Digits.two(month))" }

    /// As the plans write it: `11/2026`.
    public var vietnamese: String { "\(month)/\(year)" }

    public var next: Period {
        month == 12 ? Period(year: year + 1, month: 1)! : Period(year: year, month: month + 1)!
    }

    /// The instant the period starts: 00:00 on its first day, commune time.
    public var start: Date { LocalDay(year: year, month: month, day: 1)!.start }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        // Stored periods are always "YYYY-MM": read those without the general
        // parser (a replay decodes one or two per event).
        if let period = Self.stored(text) {
            self = period
            return
        }
        do { self = try Period.parse(text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    private static func stored(_ text: String) -> Period? {
        var utf8 = text.utf8.makeIterator()
        var digits: [Int] = []
        digits.reserveCapacity(6)
        for index in 0..<7 {
            guard let byte = utf8.next() else { return nil }
            if index == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard (48...57).contains(byte) else { return nil }
                digits.append(Int(byte - 48))
            }
        }
        guard utf8.next() == nil else { return nil }
        return Period(year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], month: digits[4] * 10 + digits[5])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// When the monthly report is due. The plans say "trước ngày 20 hằng tháng": the
/// report for a month must arrive before day 20 of that month begins, that is,
/// by 00:00 of the 20th, commune time. A report at or after that instant is late.
public struct ReportingRule: Hashable, Codable, Sendable {
    /// The day of the month before which the report must arrive.
    public var beforeDay: Int

    public init(beforeDay: Int = 20) { self.beforeDay = beforeDay }

    public static let standard = ReportingRule()

    /// The instant by which the report for `period` must have arrived.
    public func due(for period: Period) -> Date {
        LocalDay(year: period.year, month: period.month, day: beforeDay)!.start
    }
}

extension Period: CodingKeyRepresentable {
    public var codingKey: any CodingKey { PeriodKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        guard let period = Period.stored(codingKey.stringValue) ?? (try? Period.parse(codingKey.stringValue)) else { return nil }
        self = period
    }

    private struct PeriodKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Zero-padded numbers for keys and dates, without `String(format:)`, which
/// the scheduler would call thousands of times a pass.
enum Digits {
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func four(_ n: Int) -> String { n >= 1000 ? "\(n)" : String(repeating: "0", count: 4 - "\(n)".count) + "\(n)" }
}
