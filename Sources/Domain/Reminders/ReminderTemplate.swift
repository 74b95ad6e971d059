import Foundation

/// The words of a reminder digest, in Vietnamese, rendered from the items an
/// intent records: a subject that says how much is owed and how much is late,
/// and a body listing each item with its task code, title, what is owed, the
/// deadline and the days left or late.
///
/// A digest lists at most ``listedItems`` items (overdue first, as the digest
/// orders them) and sums up the rest by unit, with where to see them all, so a
/// leader told of five thousand late reports reads a page, not a book.
///
/// Versions: 1 is the text recorded in the intent itself (intents before this
/// template); 2 is this one. A change to the words is a new version, and the
/// old ones stay, so a recorded intent renders as it first did.
public enum ReminderTemplate {
    /// The version new intents record.
    public static let current = 2
    /// The most items one digest lists; the rest are summed up by unit.
    public static let listedItems = 50

    /// "[Rõ] Nhắc việc: 3 việc cần làm, 1 việc đã quá hạn".
    public static func subject(_ notices: [ReminderEvent.NoticeRecord], now: Date) -> String {
        let late = notices.filter { $0.due <= now }.count
        var subject = "[Rõ] Nhắc việc: \(notices.count) việc cần làm"
        if late > 0 { subject += ", \(late) việc đã quá hạn" }
        return subject
    }

    /// The body of a digest to `recipient` (named `name`), as of `now`.
    public static func body(
        recipient: String, name: String?, notices: [ReminderEvent.NoticeRecord], now: Date, sender: String,
        unitNames: [String: String]
    ) -> String {
        let today = LocalDay.containing(now)
        var lines = ["Kính gửi \(name ?? recipient),", ""]
        lines.append("Hệ thống theo dõi nhiệm vụ Rõ của \(sender) nhắc các việc sau (tính đến ngày \(today.vietnamese)):")
        for (number, notice) in notices.prefix(listedItems).enumerated() {
            lines.append("")
            lines.append("\(number + 1). \(notice.code.map { "[\($0)] " } ?? "")\(notice.title)")
            lines.append("   Việc cần làm: \(notice.itemKind.vietnamese)")
            lines.append("   Đơn vị chủ trì: \(unitNames[notice.unit.rawValue] ?? notice.unit.rawValue)")
            lines.append("   Hạn: \(deadline(notice))")
            lines.append("   Tình trạng: \(standing(notice, today: today, now: now))")
            if notice.rung != .officers { lines.append("   Anh/chị nhận thư này với tư cách: \(notice.rung.vietnamese)") }
            lines.append("   Mã nhiệm vụ: \(notice.task)")
        }
        if notices.count > listedItems { lines += summary(notices.dropFirst(listedItems), now: now, unitNames: unitNames) }
        lines.append("")
        lines.append("Khi đơn vị đã tiếp nhận, báo cáo hoặc hoàn thành, hệ thống sẽ ngừng nhắc việc đó.")
        lines.append("Thư này được gửi tự động; xin đừng trả lời thư này.")
        lines.append("")
        lines.append("\(sender) — hệ thống Rõ")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The items not listed, counted by unit (most first), and where to see them.
    static func summary(
        _ rest: ArraySlice<ReminderEvent.NoticeRecord>, now: Date, unitNames: [String: String]
    ) -> [String] {
        let late = rest.filter { $0.due <= now }.count
        var lines = [""]
        lines.append(
            "Ngoài ra còn \(grouped(rest.count)) việc khác không liệt kê trong thư này"
                + (late > 0 ? ", trong đó \(grouped(late)) việc đã quá hạn:" : ":"))
        let byUnit = Dictionary(grouping: rest, by: \.unit).map { unit, items in
            (name: unitNames[unit.rawValue] ?? unit.rawValue, count: items.count, late: items.filter { $0.due <= now }.count)
        }
        for unit in byUnit.sorted(by: { ($1.count, $0.name) < ($0.count, $1.name) }) {
            lines.append("   - \(unit.name): \(grouped(unit.count)) việc" + (unit.late > 0 ? " (\(grouped(unit.late)) việc quá hạn)" : ""))
        }
        lines.append(
            "Danh sách đầy đủ: trang “Nhiệm vụ” của hệ thống Rõ (lọc theo đơn vị, chọn “quá hạn”), "
                + "hoặc sổ nhắc việc (lệnh ro reminders).")
        return lines
    }

    /// "hết ngày 19/11/2026": the last day, as officials read a deadline.
    static func deadline(_ notice: ReminderEvent.NoticeRecord) -> String {
        notice.due == notice.lastDay.end
            ? "hết ngày \(notice.lastDay.vietnamese)" : "\(CommuneTime.localMinute(notice.due)) (giờ Việt Nam)"
    }

    static func standing(_ notice: ReminderEvent.NoticeRecord, today: LocalDay, now: Date) -> String {
        if notice.due <= now {
            let late = max(notice.lastDay.days(until: today), 0)
            return late == 0 ? "đã quá hạn" : "đã quá hạn \(late) ngày"
        }
        let left = today.days(until: notice.lastDay)
        return left == 0 ? "hôm nay là ngày cuối" : "còn \(left) ngày"
    }

    /// A count as Vietnamese writes it: `4.950`.
    static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ".")
    }
}

extension Plan.Reminders.Rung {
    /// Why someone on this rung is told: as the body of a reminder says it.
    public var vietnamese: String {
        switch self {
        case .officers: "cán bộ đơn vị chủ trì"
        case .unitHead: "thủ trưởng đơn vị chủ trì (việc đã quá hạn)"
        case .coordinator: "đơn vị đầu mối theo dõi (việc quá hạn)"
        case .leaders: "lãnh đạo UBND (việc quá hạn kéo dài)"
        }
    }
}
