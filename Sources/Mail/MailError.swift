import Foundation

/// A message that cannot be built, or a stored message that cannot be read.
///
/// Raised before anything is handed to the mail system. Every case reads as one
/// Vietnamese line (``message``) that names the offending text; control
/// characters in that text are shown escaped, so the line stays one line.
public enum MailError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not an address this module accepts (see ``MailAddress``).
    case invalidAddress(String)
    /// The Message-ID is not of the form `left@right` in printable ASCII.
    case invalidMessageID(String)
    /// An extra header's name is not an RFC 5322 field name.
    case invalidHeaderName(String)
    /// An extra header's value is not printable ASCII on one line, or is too long.
    case invalidHeaderValue(name: String, value: String)
    /// An extra header would repeat or override a header the message writes itself.
    case reservedHeader(String)
    /// A message needs at least one recipient.
    case noRecipients
    /// A stored message (or mailbox file) could not be read.
    case unreadable(what: String, reason: String)

    /// One line, in Vietnamese, naming the problem.
    public var message: String {
        switch self {
        case .invalidAddress(let text):
            "địa chỉ email '\(Self.shown(text))' không hợp lệ"
        case .invalidMessageID(let text):
            "mã thư (Message-ID) '\(Self.shown(text))' không hợp lệ (cần dạng trai@phai, chữ ASCII in được)"
        case .invalidHeaderName(let name):
            "tên trường đầu thư '\(Self.shown(name))' không hợp lệ"
        case .invalidHeaderValue(let name, let value):
            "giá trị '\(Self.shown(value))' của trường đầu thư \(Self.shown(name)) không hợp lệ"
                + " (chỉ dùng chữ ASCII in được, trên một dòng)"
        case .reservedHeader(let name):
            "không được đặt trường đầu thư \(Self.shown(name)): thư tự ghi trường này"
        case .noRecipients:
            "thư phải có ít nhất một người nhận"
        case .unreadable(let what, let reason):
            "không đọc được \(Self.shown(what)): \(Self.shown(reason))"
        }
    }

    /// The same line as ``message``.
    public var description: String { message }

    /// The text as it may appear inside a one-line message: control and other
    /// invisible characters escaped as `\u{…}`, at most 120 characters.
    static func shown(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= 120 {
                out += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
