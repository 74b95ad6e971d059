import Foundation
import RoDomain
import RoMail

/// Sends recorded digests through the sendmail program: the bridge between
/// the scheduler's records and the mail module.
public struct SendmailMailer: ReminderMailer {
    public let transport: any MailTransport
    public let from: Mailbox

    public init(transport: any MailTransport, from: Mailbox) {
        self.transport = transport
        self.from = from
    }

    /// The scheduler's mailer: the sendmail program at `program`, tried once per
    /// digest and pass. A temporary failure is not retried after a sleep inside
    /// the pass (that made a pass whose sendmail defers everything take minutes);
    /// it is recorded as deferred with the time to try again
    /// (``RetryPolicy``), and a later pass tries it then.
    public init(program: String, sender: MailAddress, displayName: String) {
        self.init(
            transport: Sendmail(program: program, envelopeSender: sender, retries: 0),
            from: Mailbox(sender, displayName: displayName))
    }

    /// The message a recorded digest stands for: the same every time it is built.
    public func message(_ mail: ReminderEvent.MailIntended) throws(MailError) -> MailMessage {
        try MailMessage(
            from: from, to: [try Mailbox(mail.recipient, displayName: mail.recipientName)], subject: mail.subject,
            body: mail.body, date: mail.date, messageID: mail.messageID,
            extraHeaders: [("X-Ro-Notices", "\(mail.notices.count)")])
    }

    public func send(_ mail: ReminderEvent.MailIntended) async -> MailResult {
        let message: MailMessage
        do { message = try self.message(mail) } catch { return .permanent(status: nil, detail: error.message) }
        switch await transport.send(message) {
        case .accepted: return .accepted
        case .temporaryFailure(let status, let detail): return .temporary(status: Int(status), detail: detail)
        case .permanentFailure(let status, let detail): return .permanent(status: status.map(Int.init), detail: detail)
        }
    }
}
