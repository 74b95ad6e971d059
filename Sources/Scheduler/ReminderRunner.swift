import Foundation
import RoDomain
import RoEventStore
import RoHandlers

/// One pass of the scheduler: work out which reminders are due, record the
/// intent to send each digest, hand it to the mailer, record the outcome.
///
/// The intents of a pass are appended in one transaction before anything is
/// sent, so a pass killed half-way leaves intents without outcomes; the next
/// pass sends exactly those again (with the same Message-ID) and nothing that
/// has an outcome. Only one pass may run at a time: see ``RunLock``.
public struct ReminderRunner: Sendable {
    public let store: SQLiteEventStore
    public let mailer: any ReminderMailer
    public let clock: any TimeSource
    /// The right-hand side of Message-IDs: the sender's domain.
    public let messageDomain: String
    public let text: ReminderText

    public init(
        store: SQLiteEventStore, mailer: any ReminderMailer, clock: any TimeSource, messageDomain: String,
        text: ReminderText
    ) {
        self.store = store
        self.mailer = mailer
        self.clock = clock
        self.messageDomain = messageDomain
        self.text = text
    }

    /// Runs one pass. With `dryRun`, records and sends nothing and says what it would do.
    ///
    /// A pass reads only the tasks with a notice due by now (``SQLiteEventStore/dueTasks(at:)``)
    /// and the digests to retry by now. It never waits inside: a digest the mail
    /// system refuses for now is recorded as deferred with the time to try again,
    /// and a later pass (or `--loop`, which sleeps until then) tries it.
    public func run(dryRun: Bool = false) async throws(StoreError) -> RunReport {
        let now = clock.now()
        let pass = try prepare(at: now)
        var report = RunReport(now: now, calendarVersion: pass.calendarVersion, next: pass.next, dryRun: dryRun)
        report.tasksRead = pass.tasks.count
        report.unreachable = pass.unreachable
        report.superseded = pass.superseded.map(\.intent)
        let retries = pass.pending.filter { $0.retryAt.map { $0 <= now } ?? true }
        if dryRun {
            report.results = (retries.map(\.intent) + pass.intents).map { ($0, nil) }
            return report
        }
        let recorded = pass.intents.map(ReminderEvent.mailIntended) + pass.unreachable.map(ReminderEvent.unreachable)
            + pass.superseded.map { .mailSuperseded(outcome($0.intent, attempt: $0.attempts, at: now)) }
        try record(recorded, at: now)
        let attempts = Dictionary(uniqueKeysWithValues: retries.map { ($0.intent.messageID, $0.attempts) })
        report.results = try await send(
            retries.map(\.intent) + pass.intents,
            // While the first digests are with sendmail: the read models take in the intents.
            meanwhile: { () throws(StoreError) in try store.catchUp() },
            record: { outcomes throws(StoreError) in
                let at = clock.now()
                try record(
                    outcomes.map { intent, result in
                        event(result, intent, attempt: (attempts[intent.messageID] ?? 0) + 1, at: at)
                    }, at: at)
            })
        // The notices just recorded moved their tasks' next instants; deferrals added retry times.
        report.next = try store.nextScheduled(after: now, known: pass.tasks)
        return report
    }

    /// What a pass is about to do.
    struct Pass {
        var intents: [ReminderEvent.MailIntended]
        var unreachable: [ReminderEvent.Unreached]
        var pending: [PendingMail]
        var superseded: [PendingMail]
        var calendarVersion: String
        var next: Date?
        /// The tasks the pass read: those with a notice due.
        var tasks: [DueTask]
    }

    func prepare(at now: Date) throws(StoreError) -> Pass {
        let calendar = try store.calendar().calendar
        let states = try store.dueTasks(at: now)
        let rules = try store.reminderRules(of: Set(states.compactMap(\.state.plan)))
        let tasks = states.map { task in
            ReminderPolicy.Task(id: task.id, state: task.state, rules: task.state.plan.flatMap { rules[$0] } ?? .standalone)
        }
        let due = ReminderPolicy.dueReminders(
            now: now, tasks: tasks, recorded: try store.reminderProgress(of: tasks.map(\.id)), calendar: calendar)
        var intents: [ReminderEvent.MailIntended] = []
        var unreached: [ReminderEvent.Unreached] = []
        if !due.notices.isEmpty {
            let units = Dictionary(try store.units().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let (digests, unreachable) = Digest.route(due.notices, Addressing(units: units, users: try store.activeUsers()))
            let names = units.mapValues(\.name)
            intents = digests.map { digest in
                let records = digest.entries.map { ReminderEvent.NoticeRecord($0.notice, rung: $0.rung) }
                return ReminderEvent.MailIntended(
                    messageID: messageID(records.map(\.key), digest.recipient.address), recipient: digest.recipient.address,
                    recipientName: digest.recipient.name, notices: records, sender: text.sender, unitNames: names,
                    date: now, calendarVersion: calendar.version, at: now)
            }
            unreached = unreachable.map { u in
                let records = u.notices.map { ReminderEvent.NoticeRecord($0, rung: u.rung) }
                return ReminderEvent.Unreached(
                    id: "unreachable." + HashChain.fingerprint(Data((records.map(\.key) + [u.rung.rawValue]).joined(separator: "\n").utf8)).prefix(32),
                    unit: u.unit, rung: u.rung, reason: "đơn vị \(names[u.unit] ?? u.unit.rawValue) không có địa chỉ email cho bậc \(u.rung.vietnamese)",
                    notices: records, calendarVersion: calendar.version, at: now)
            }
        }
        // A pending digest whose every item has a newer notice in this pass is not worth sending.
        let newer = Dictionary(due.notices.map { ($0.item.key, $0.index) }, uniquingKeysWith: max)
        let pending = try store.pendingMails(dueBy: now, about: Set(states.map(\.id)))
        let superseded = pending.filter { mail in
            mail.intent.notices.allSatisfy { notice in newer[notice.item].map { $0 > notice.index } ?? false }
        }
        let kept = pending.filter { mail in !superseded.contains { $0.intent.messageID == mail.intent.messageID } }
        return Pass(
            intents: intents, unreachable: unreached, pending: kept, superseded: superseded,
            calendarVersion: calendar.version,
            next: ([try store.nextScheduled(after: now), due.next].compactMap { $0 }).min(), tasks: states)
    }

    /// A Message-ID that is the same for the same notices to the same recipient.
    func messageID(_ keys: [String], _ recipient: String) -> String {
        let text = (keys.sorted() + [recipient.lowercased()]).joined(separator: "\n")
        return "ro.\(HashChain.fingerprint(Data(text.utf8)).prefix(32))@\(messageDomain)"
    }

    func event(_ result: MailResult, _ intent: ReminderEvent.MailIntended, attempt: Int, at: Date) -> ReminderEvent {
        switch result {
        case .accepted:
            return .mailAccepted(outcome(intent, attempt: attempt, at: at))
        case .permanent(let status, let detail):
            return .mailFailed(outcome(intent, attempt: attempt, status: status, detail: detail, at: at))
        case .temporary(let status, let detail):
            guard let retryAt = RetryPolicy.retryAt(afterAttempt: attempt, intendedAt: intent.at, now: at) else {
                return .mailFailed(outcome(
                    intent, attempt: attempt, status: status, detail: "\(detail) (thử \(attempt) lần trong một ngày, thôi)",
                    at: at))
            }
            return .mailDeferred(outcome(intent, attempt: attempt, status: status, detail: detail, retryAt: retryAt, at: at))
        }
    }

    func outcome(
        _ intent: ReminderEvent.MailIntended, attempt: Int, status: Int? = nil, detail: String? = nil,
        retryAt: Date? = nil, at: Date
    ) -> ReminderEvent.MailOutcome {
        ReminderEvent.MailOutcome(
            messageID: intent.messageID, attempt: attempt, status: status, detail: detail, retryAt: retryAt, at: at)
    }

    /// Appends to the reminder stream, as the system, from the scheduler.
    func record(_ events: [ReminderEvent], at now: Date) throws(StoreError) {
        guard !events.isEmpty else { return }
        let encoded = events.map(EventCoding.encode)
        let commandID = EventID.make()
        let metadata = EventMetadata(
            commandID: commandID, actor: .system, recordedAt: now, source: .scheduler, simulatedClock: clock.isSimulated)
        let fingerprint = HashChain.fingerprint(Data((encoded.map(\.payload) + [commandID]).joined(separator: "\n").utf8))
        _ = try store.append(AppendRequest(
            streamID: ReminderEvent.streamID, expectedVersion: try store.version(of: ReminderEvent.streamID),
            fingerprint: fingerprint, metadata: metadata, events: encoded))
    }
}

/// What a pass did, or would do.
public struct RunReport: Sendable {
    public var now: Date
    public var calendarVersion: String
    /// When the next notice or retry falls due.
    public var next: Date?
    public var dryRun: Bool
    /// How many tasks the pass read: those with a notice due by `now`.
    public var tasksRead = 0
    /// Each digest sent (or, in a dry run, that would be) with its result.
    public var results: [(mail: ReminderEvent.MailIntended, result: MailResult?)] = []
    public var unreachable: [ReminderEvent.Unreached] = []
    public var superseded: [ReminderEvent.MailIntended] = []

    public init(now: Date, calendarVersion: String, next: Date?, dryRun: Bool) {
        self.now = now
        self.calendarVersion = calendarVersion
        self.next = next
        self.dryRun = dryRun
    }
}
