import Foundation

/// What the government decides each year on top of the Labour Code's default
/// holidays, as the operator writes it in the calendar file
/// (`Workflows/calendar-vn.yaml`): extra days off, weekend days worked in
/// exchange, and default holidays that are working days this time.
public struct CalendarAdjustments: Hashable, Codable, Sendable {
    /// One day of an adjustment, with why (in Vietnamese, as the decision says).
    public struct Day: Hashable, Codable, Sendable {
        public var date: LocalDay
        public var reason: String

        public init(date: LocalDay, reason: String) {
            self.date = date
            self.reason = reason
        }
    }

    /// The file's own version label, such as `2026.1`.
    public var version: String
    /// Extra days off: nghỉ bù or hoán đổi by government decision.
    public var daysOff: [Day]
    /// Saturdays or Sundays that are working days (làm bù for a swapped day).
    public var workingDays: [Day]
    /// Days the default rules make off (a holiday or its nghỉ bù) that are
    /// working days this time. A weekend holiday listed here stays a weekend
    /// day but gives no nghỉ bù.
    public var notOff: [Day]

    /// No adjustments: the default rules alone.
    public static let none = CalendarAdjustments(version: "default", daysOff: [], workingDays: [], notOff: [])

    public init(version: String, daysOff: [Day], workingDays: [Day], notOff: [Day]) {
        self.version = version
        self.daysOff = daysOff
        self.workingDays = workingDays
        self.notOff = notOff
    }

    /// A text that names these adjustments exactly and does not depend on the
    /// order of the lists: the input of ``WorkingCalendar/version``'s hash.
    var canonicalText: String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\t", with: "\\t")
        }
        func section(_ name: String, _ days: [Day]) -> [String] {
            let sorted = days.sorted { ($0.date, $0.reason) < ($1.date, $1.reason) }
            return [name] + sorted.map { "\t\($0.date)\t\(escaped($0.reason))" }
        }
        let lines = ["version\t\(escaped(version))"] + section("days_off", daysOff)
            + section("working_days", workingDays) + section("not_off", notOff)
        return lines.joined(separator: "\n") + "\n"
    }
}

/// FNV-1a, 64 bits: a small stable hash (the same on every machine and run,
/// unlike `Hasher`) for naming a calendar's content; not for security.
enum FNV1a {
    static func hash64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash as 16 lowercase hex digits.
    static func hex(_ text: String) -> String {
        let digits = String(hash64(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
