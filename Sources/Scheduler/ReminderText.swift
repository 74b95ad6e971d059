import Foundation
import RoDomain

/// The words of a reminder digest, in Vietnamese: a subject that says how much
/// is owed and how much is late, and a body listing each item with its task
/// code, title, what is owed, the deadline and the days left or late.
public struct ReminderText: Sendable {
    /// Who the mail is from, as the commune names itself: "UBND xã Nhơn Trạch".
    public var sender: String

    public init(sender: String) { self.sender = sender }

    public func subject(_ digest: Digest, now: Date) -> String {
        let late = digest.entries.filter { $0.notice.item.due <= now }.count
        let count = digest.entries.count
        var subject = "[Rõ] Nhắc việc: \(count) việc cần làm"
        if late > 0 { subject += ", \(late) việc đã quá hạn" }
        return subject
    }

    public func body(_ digest: Digest, now: Date, names: [UnitID: String]) -> String {
        let today = LocalDay.containing(now)
        var lines = ["Kính gửi \(digest.recipient.name ?? digest.recipient.address),", ""]
        lines.append("Hệ thống theo dõi nhiệm vụ Rõ của \(sender) nhắc các việc sau (tính đến ngày \(today.vietnamese)):")
        for (number, entry) in digest.entries.enumerated() {
            let item = entry.notice.item
            lines.append("")
            lines.append("\(number + 1). \(item.code.map { "[\($0)] " } ?? "")\(item.title)")
            lines.append("   Việc cần làm: \(item.vietnamese)")
            lines.append("   Đơn vị chủ trì: \(names[item.unit] ?? item.unit.rawValue)")
            lines.append("   Hạn: \(deadline(item))")
            lines.append("   Tình trạng: \(standing(item, today: today, now: now))")
            if entry.rung != .officers { lines.append("   Anh/chị nhận thư này với tư cách: \(entry.rung.vietnamese)") }
            lines.append("   Mã nhiệm vụ: \(item.task)")
        }
        lines.append("")
        lines.append("Khi đơn vị đã tiếp nhận, báo cáo hoặc hoàn thành, hệ thống sẽ ngừng nhắc việc đó.")
        lines.append("Thư này được gửi tự động; xin đừng trả lời thư này.")
        lines.append("")
        lines.append("\(sender) — hệ thống Rõ")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "hết ngày 19/11/2026": the last day, as officials read a deadline.
    func deadline(_ item: DueItem) -> String {
        item.due == item.lastDay.end
            ? "hết ngày \(item.lastDay.vietnamese)" : "\(CommuneTime.localMinute(item.due)) (giờ Việt Nam)"
    }

    func standing(_ item: DueItem, today: LocalDay, now: Date) -> String {
        if item.due <= now {
            let late = max(item.lastDay.days(until: today), 0)
            return late == 0 ? "đã quá hạn" : "đã quá hạn \(late) ngày"
        }
        let left = today.days(until: item.lastDay)
        return left == 0 ? "hôm nay là ngày cuối" : "còn \(left) ngày"
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
