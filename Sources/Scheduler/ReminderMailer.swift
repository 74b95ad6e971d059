import Foundation
import RoDomain

/// What became of handing one digest to the mail system.
public enum MailResult: Hashable, Sendable {
    /// The MTA took it (sendmail exited 0). Not a delivery receipt.
    case accepted
    /// Worth trying again later: EX_TEMPFAIL (75), EX_OSERR (71), a timeout, a signal.
    case temporary(status: Int?, detail: String)
    /// Not worth trying again: recorded and shown.
    case permanent(status: Int?, detail: String)
}

/// Hands a recorded digest to the mail system. The runner calls it only after
/// the intent is recorded, and records what it returns; it may hand over
/// several digests at once (``ReminderRunner/parallelSends``). A mailer tries
/// once and says how it went: a temporary failure is tried again by a later
/// pass, never by waiting here.
public protocol ReminderMailer: Sendable {
    func send(_ mail: ReminderEvent.MailIntended) async -> MailResult
}
