import Foundation

/// Something that hands messages to the mail system.
///
/// `send` is `async`: a real transport waits for a child process (up to its
/// timeout) and sleeps between retries, which must not hold a thread of the
/// cooperative pool. It never throws: every way a send can end is a
/// ``SendOutcome`` the caller records.
public protocol MailTransport: Sendable {
    /// Hands `message` over, retrying temporary failures as the transport is
    /// configured to, and tells how it ended.
    func send(_ message: MailMessage) async -> SendOutcome
}

/// How handing a message to the mail system ended.
public enum SendOutcome: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The mail system (MTA) accepted the message for delivery: sendmail exited
    /// with 0. This is not delivery: the MTA may still fail to deliver it later
    /// and then bounces it to the envelope sender.
    case accepted
    /// A failure that may pass: sendmail exited with EX_TEMPFAIL (75) or
    /// EX_OSERR (71), was killed by a signal, ran past the timeout and was
    /// killed, exited with 0 before reading the whole message (`status` 0), or
    /// could not be started just now (busy, out of processes: `status` 71).
    /// For a signal, `status` is 128 + the signal's number, as a shell shows it.
    /// Sending again later may succeed.
    case temporaryFailure(status: Int32, detail: String)
    /// A failure that will not pass by retrying the same message: any other
    /// non-zero exit status, or (with `status` `nil`) a program that is missing,
    /// not executable or not a program the system can run.
    case permanentFailure(status: Int32?, detail: String)

    /// Whether the MTA took the message.
    public var isAccepted: Bool { self == .accepted }

    /// Whether this is a failure worth retrying later.
    public var isTemporaryFailure: Bool {
        if case .temporaryFailure = self { return true }
        return false
    }

    /// One line, in Vietnamese, for logs and for people.
    public var description: String {
        switch self {
        case .accepted:
            return "máy chủ thư đã nhận thư để chuyển đi (chưa phải là đã tới hộp thư người nhận)"
        case .temporaryFailure(let status, let detail):
            return "gửi thư lỗi tạm thời (mã \(status)): \(Self.oneLine(detail)); có thể gửi lại sau"
        case .permanentFailure(let status, let detail):
            let code = status.map { " (mã \($0))" } ?? ""
            return "gửi thư thất bại\(code): \(Self.oneLine(detail))"
        }
    }

    private static func oneLine(_ detail: String) -> String {
        let line = HeaderText.singleLine(detail)
        return line.isEmpty ? "chương trình gửi thư không báo gì thêm" : line
    }
}
