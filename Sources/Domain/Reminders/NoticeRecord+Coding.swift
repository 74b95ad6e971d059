import Foundation

/// How a notice record is stored: what cannot be derived, and no more.
///
/// A digest to the leaders can carry thousands of notices, and every notice is
/// recorded once per person it goes to, so a record is written as its item key
/// (`TASK|KIND`), index, offset, code, title, unit, deadline, day and rung. Its
/// key (`item|offset`), task, kind, period or deliverable (all in the item key)
/// and last day (the day the deadline instant ends) are derived when it is read.
/// Records written before carry those fields too; they are read as they are.
extension ReminderEvent.NoticeRecord {
    enum CodingKeys: String, CodingKey {
        case key, item, index, task, code, title, unit, kind, period, deliverable, offset, lastDay, due, day, rung
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        item = try c.decode(String.self, forKey: .item)
        index = try c.decode(Int.self, forKey: .index)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        unit = try c.decode(UnitID.self, forKey: .unit)
        offset = try c.decode(String.self, forKey: .offset)
        due = try c.decode(Date.self, forKey: .due)
        day = try c.decode(LocalDay.self, forKey: .day)
        rung = try c.decode(Plan.Reminders.Rung.self, forKey: .rung)
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? "\(item)|\(offset)"
        let (taskPart, kindKey) = Self.split(item)
        task = try c.decodeIfPresent(TaskID.self, forKey: .task) ?? TaskID(unchecked: taskPart)
        lastDay = try c.decodeIfPresent(LocalDay.self, forKey: .lastDay) ?? LocalDay.containing(due.addingTimeInterval(-1))
        if let kind = try c.decodeIfPresent(String.self, forKey: .kind) {
            self.kind = kind
            period = try c.decodeIfPresent(Period.self, forKey: .period)
            deliverable = try c.decodeIfPresent(String.self, forKey: .deliverable)
        } else if kindKey.hasPrefix("report:") {
            kind = "report"
            guard let period = Self.period(kindKey.utf8.dropFirst("report:".count).prefix(7)) else {
                throw DecodingError.dataCorruptedError(forKey: .item, in: c, debugDescription: "no period in \(item)")
            }
            self.period = period
        } else if kindKey.hasPrefix("completion:") {
            kind = "completion"
            deliverable = String(kindKey.dropFirst("completion:".count))
        } else {
            kind = kindKey
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(index, forKey: .index)
        try c.encodeIfPresent(code, forKey: .code)
        try c.encode(title, forKey: .title)
        try c.encode(unit, forKey: .unit)
        try c.encode(offset, forKey: .offset)
        try c.encode(due, forKey: .due)
        try c.encode(day, forKey: .day)
        try c.encode(rung, forKey: .rung)
    }

    /// `YYYY-MM` (read by hand: `Period.parse` reads what people type, and
    /// costs more than the rest of a record).
    static func period(_ text: Substring.UTF8View.SubSequence) -> Period? {
        let bytes = Array(text)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var digits: [Int] = []
        for (i, byte) in bytes.enumerated() where i != 4 {
            guard (48...57).contains(byte) else { return nil }
            digits.append(Int(byte - 48))
        }
        return Period(year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], month: digits[4] * 10 + digits[5])
    }

    /// `TASK|KIND` as its task and kind key (task ids hold no `|`).
    static func split(_ item: String) -> (task: String, kindKey: String) {
        guard let bar = item.firstIndex(of: "|") else { return (item, "") }
        return (String(item[..<bar]), String(item[item.index(after: bar)...]))
    }
}
