import Foundation

/// How a notice record is stored: what cannot be derived, and no more.
///
/// A digest to the leaders can carry thousands of notices, and every notice is
/// recorded once per person it goes to, so a record is written as one row,
/// `[item, index, offset, code, title, unit, due, day, rung]`:
/// `["KH-12|report:2026-10", 5, "after:5", null, "Tuyên truyền…", "vhxh",
/// "2026-10-19T17:00:00.000Z", "2026-10-26", "leaders"]`. Its key
/// (`item|offset`), task, kind, period or deliverable (all in the item key) and
/// last day (the day the deadline instant ends) are derived when it is read.
/// Records written before are objects with every field; they read as they are.
extension ReminderEvent.NoticeRecord {
    enum CodingKeys: String, CodingKey {
        case key, item, index, task, code, title, unit, kind, period, deliverable, offset, lastDay, due, day, rung
    }

    public init(from decoder: any Decoder) throws {
        if var row = try? decoder.unkeyedContainer() {
            try self.init(row: &row)
        } else {
            try self.init(fields: try decoder.container(keyedBy: CodingKeys.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var row = encoder.unkeyedContainer()
        try row.encode(item)
        try row.encode(index)
        try row.encode(offset)
        try row.encode(code)
        try row.encode(title)
        try row.encode(unit)
        try row.encode(due)
        try row.encode(day)
        try row.encode(rung)
    }

    /// The row form.
    private init(row: inout any UnkeyedDecodingContainer) throws {
        let item = try row.decode(String.self)
        let index = try row.decode(Int.self)
        let offset = try row.decode(String.self)
        let code = try row.decodeIfPresent(String.self)
        let title = try row.decode(String.self)
        let unit = try row.decode(UnitID.self)
        let due = try row.decode(Date.self)
        let day = try row.decode(LocalDay.self)
        let rung = try row.decode(Plan.Reminders.Rung.self)
        let (task, kindKey) = Self.split(item)
        let (kind, period, deliverable) = Self.kind(kindKey)
        self.init(
            key: "\(item)|\(offset)", item: item, index: index, task: TaskID(unchecked: task), code: code, title: title,
            unit: unit, kind: kind, period: period, deliverable: deliverable, offset: offset,
            lastDay: LocalDay.containing(due.addingTimeInterval(-1)), due: due, day: day, rung: rung)
    }

    /// The object form of records written before: every field.
    private init(fields c: KeyedDecodingContainer<CodingKeys>) throws {
        let item = try c.decode(String.self, forKey: .item)
        let offset = try c.decode(String.self, forKey: .offset)
        let due = try c.decode(Date.self, forKey: .due)
        let (task, kindKey) = Self.split(item)
        var (kind, period, deliverable) = Self.kind(kindKey)
        if let stored = try c.decodeIfPresent(String.self, forKey: .kind) {
            kind = stored
            period = try c.decodeIfPresent(Period.self, forKey: .period)
            deliverable = try c.decodeIfPresent(String.self, forKey: .deliverable)
        }
        self.init(
            key: try c.decodeIfPresent(String.self, forKey: .key) ?? "\(item)|\(offset)", item: item,
            index: try c.decode(Int.self, forKey: .index),
            task: try c.decodeIfPresent(TaskID.self, forKey: .task) ?? TaskID(unchecked: task),
            code: try c.decodeIfPresent(String.self, forKey: .code), title: try c.decode(String.self, forKey: .title),
            unit: try c.decode(UnitID.self, forKey: .unit), kind: kind, period: period, deliverable: deliverable,
            offset: offset,
            lastDay: try c.decodeIfPresent(LocalDay.self, forKey: .lastDay) ?? LocalDay.containing(due.addingTimeInterval(-1)),
            due: due, day: try c.decode(LocalDay.self, forKey: .day),
            rung: try c.decode(Plan.Reminders.Rung.self, forKey: .rung))
    }

    /// The kind, period and deliverable an item's kind key names.
    static func kind(_ kindKey: String) -> (kind: String, period: Period?, deliverable: String?) {
        if kindKey.hasPrefix("report:") {
            return ("report", period(kindKey.utf8.dropFirst("report:".count).prefix(7)), nil)
        }
        if kindKey.hasPrefix("completion:") { return ("completion", nil, String(kindKey.dropFirst("completion:".count))) }
        return (kindKey, nil, nil)
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
