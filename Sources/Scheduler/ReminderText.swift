import Foundation
import RoDomain

/// The words of a reminder digest: ``ReminderTemplate`` for the sender's name.
/// The runner records the digest's items with the sender and the template
/// version; the mail is rendered from them (see ``ReminderEvent/MailIntended``).
public struct ReminderText: Sendable {
    /// Who the mail is from, as the commune names itself: "UBND xã Nhơn Trạch".
    public var sender: String

    public init(sender: String) { self.sender = sender }

    public func subject(_ digest: Digest, now: Date) -> String {
        ReminderTemplate.subject(Self.records(digest), now: now)
    }

    public func body(_ digest: Digest, now: Date, names: [UnitID: String]) -> String {
        ReminderTemplate.body(
            recipient: digest.recipient.address, name: digest.recipient.name, notices: Self.records(digest), now: now,
            sender: sender, unitNames: Dictionary(uniqueKeysWithValues: names.map { ($0.key.rawValue, $0.value) }))
    }

    /// The digest's entries as an intent records them.
    static func records(_ digest: Digest) -> [ReminderEvent.NoticeRecord] {
        digest.entries.map { ReminderEvent.NoticeRecord($0.notice, rung: $0.rung) }
    }
}
