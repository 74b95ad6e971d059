import Foundation

/// What the scheduler records, on the stream `reminders`: the intent to send a
/// digest before sendmail is called, and the outcome after. A restart reads
/// them to send nothing twice and to retry what was not sent.
public enum ReminderEvent: Hashable, Sendable {
    case mailIntended(MailIntended)
    /// sendmail exited 0: the MTA took the message. Not a delivery receipt.
    case mailAccepted(MailOutcome)
    /// A temporary failure (EX_TEMPFAIL, EX_OSERR, a timeout): tried again at `retryAt`.
    case mailDeferred(MailOutcome)
    /// A permanent failure, or temporary ones for too long: not tried again.
    case mailFailed(MailOutcome)
    /// Not sent after all: newer notices of every item in it went out meanwhile.
    case mailSuperseded(MailOutcome)
    /// A rung on which nobody has an address: recorded, not sent.
    case unreachable(Unreached)

    public static let streamID = "reminders"

    public var typeName: String {
        switch self {
        case .mailIntended: "ReminderMailIntended"
        case .mailAccepted: "ReminderMailAccepted"
        case .mailDeferred: "ReminderMailDeferred"
        case .mailFailed: "ReminderMailFailed"
        case .mailSuperseded: "ReminderMailSuperseded"
        case .unreachable: "ReminderUnreachable"
        }
    }

    /// One notice as recorded: enough to list it for an audit years later.
    public struct NoticeRecord: Hashable, Codable, Sendable {
        /// `TASK|KIND|OFFSET`: a notice is recorded once.
        public var key: String
        /// `TASK|KIND`: the item it is about.
        public var item: String
        public var index: Int
        public var task: TaskID
        public var code: String?
        public var title: String
        public var unit: UnitID
        /// `acceptance`, `report` or `completion`.
        public var kind: String
        public var period: Period?
        public var deliverable: String?
        /// `before:5`, `after:1`.
        public var offset: String
        public var lastDay: LocalDay
        public var due: Date
        /// The day the rule set for it (a run after downtime sends it later).
        public var day: LocalDay
        /// Why the recipient hears of it.
        public var rung: Plan.Reminders.Rung

        /// What is owed, as the item's kind: the report's round is read from the item key (`…:r1`).
        public var itemKind: DueItem.Kind {
            switch kind {
            case "acceptance": return .acceptance
            case "report":
                let round = item.split(separator: "|").last?.split(separator: ":").dropFirst(2).first
                    .flatMap { $0.hasPrefix("r") ? Int($0.dropFirst()) : nil } ?? 0
                return .report(period ?? Period(year: 2000, month: 1)!, round: round)
            default: return .completion(deliverable: deliverable ?? "")
            }
        }

        init(
            key: String, item: String, index: Int, task: TaskID, code: String?, title: String, unit: UnitID, kind: String,
            period: Period?, deliverable: String?, offset: String, lastDay: LocalDay, due: Date, day: LocalDay,
            rung: Plan.Reminders.Rung
        ) {
            (self.key, self.item, self.index, self.task, self.code, self.title, self.unit) =
                (key, item, index, task, code, title, unit)
            (self.kind, self.period, self.deliverable, self.offset, self.lastDay, self.due, self.day, self.rung) =
                (kind, period, deliverable, offset, lastDay, due, day, rung)
        }

        public init(_ notice: Notice, rung: Plan.Reminders.Rung) {
            let item = notice.item
            key = notice.key
            self.item = item.key
            index = notice.index
            task = item.task
            code = item.code
            title = item.title
            unit = item.unit
            switch item.kind {
            case .acceptance: kind = "acceptance"
            case .report(let p, _):
                kind = "report"
                period = p
            case .completion(let d):
                kind = "completion"
                deliverable = d
            }
            offset = notice.offset.description
            lastDay = item.lastDay
            due = item.due
            day = notice.day
            self.rung = rung
        }
    }

    /// The intent to send one digest, recorded before sendmail runs.
    ///
    /// It records the digest's items (``notices``), the words that are not in
    /// them (the sender's and units' names) and the ``template`` version, not the
    /// rendered text: ``subject`` and ``body`` are rendered again from them,
    /// identically, whenever the mail is sent, retried or shown. Intents recorded
    /// before templates existed carry their subject and body as sent; they are
    /// read back as they are.
    public struct MailIntended: Hashable, Codable, Sendable {
        /// The Message-ID (without angle brackets), derived from the notices and the recipient.
        public var messageID: String
        public var recipient: String
        public var recipientName: String?
        public var notices: [NoticeRecord]
        /// The ``ReminderTemplate`` version the text is rendered with; `nil` for
        /// an intent that carries its text (``storedSubject``, ``storedBody``).
        public var template: Int?
        /// Who the mail is from, as the commune names itself ("UBND xã Nhơn Trạch").
        public var sender: String?
        /// The names of the units the items are about, by unit id.
        public var unitNames: [String: String]?
        /// The subject and body as sent, in intents recorded before templates.
        public var storedSubject: String?
        public var storedBody: String?
        public var date: Date
        public var calendarVersion: String
        public var at: Date

        enum CodingKeys: String, CodingKey {
            case messageID, recipient, recipientName, notices, template, sender, unitNames, date, calendarVersion, at
            case storedSubject = "subject"
            case storedBody = "body"
        }

        /// An intent rendered by the current ``ReminderTemplate``.
        public init(
            messageID: String, recipient: String, recipientName: String?, notices: [NoticeRecord], sender: String,
            unitNames: [UnitID: String], date: Date, calendarVersion: String, at: Date
        ) {
            self.messageID = messageID
            self.recipient = recipient
            self.recipientName = recipientName
            self.notices = notices
            template = ReminderTemplate.current
            self.sender = sender
            let units = Set(notices.map(\.unit))
            self.unitNames = Dictionary(
                uniqueKeysWithValues: unitNames.filter { units.contains($0.key) }.map { ($0.key.rawValue, $0.value) })
            self.date = date
            self.calendarVersion = calendarVersion
            self.at = at
        }

        /// An intent that carries its text, as recorded before templates existed.
        public init(
            messageID: String, recipient: String, recipientName: String?, notices: [NoticeRecord], subject: String,
            body: String, date: Date, calendarVersion: String, at: Date
        ) {
            self.messageID = messageID
            self.recipient = recipient
            self.recipientName = recipientName
            self.notices = notices
            storedSubject = subject
            storedBody = body
            self.date = date
            self.calendarVersion = calendarVersion
            self.at = at
        }

        /// The subject, exactly as sent.
        public var subject: String { storedSubject ?? ReminderTemplate.subject(notices, now: date) }

        /// The body, exactly as sent.
        public var body: String {
            storedBody
                ?? ReminderTemplate.body(
                    recipient: recipient, name: recipientName, notices: notices, now: date, sender: sender ?? "",
                    unitNames: unitNames ?? [:])
        }
    }

    public struct MailOutcome: Hashable, Codable, Sendable {
        public var messageID: String
        /// 1 for the first try.
        public var attempt: Int
        /// sendmail's exit status, when it exited.
        public var status: Int?
        /// What went wrong, in one line.
        public var detail: String?
        public var retryAt: Date?
        public var at: Date

        public init(messageID: String, attempt: Int, status: Int?, detail: String?, retryAt: Date?, at: Date) {
            self.messageID = messageID
            self.attempt = attempt
            self.status = status
            self.detail = detail
            self.retryAt = retryAt
            self.at = at
        }
    }

    public struct Unreached: Hashable, Codable, Sendable {
        /// Stable for the same notices and rung, like a Message-ID.
        public var id: String
        public var unit: UnitID
        public var rung: Plan.Reminders.Rung
        public var reason: String
        public var notices: [NoticeRecord]
        public var calendarVersion: String
        public var at: Date

        public init(
            id: String, unit: UnitID, rung: Plan.Reminders.Rung, reason: String, notices: [NoticeRecord],
            calendarVersion: String, at: Date
        ) {
            self.id = id
            self.unit = unit
            self.rung = rung
            self.reason = reason
            self.notices = notices
            self.calendarVersion = calendarVersion
            self.at = at
        }
    }
}
