import Foundation

/// A plain-text email, checked when made and rendered as an RFC 5322 message
/// for the sendmail program's standard input.
///
/// Nothing a caller puts in a name, the subject or the body can add a header:
/// display names and the subject are single-line fields (control characters,
/// CR and LF among them, become spaces; see ``rendered()``), the body is
/// quoted-printable, and addresses, the Message-ID and extra headers are
/// checked here and refused when unsafe.
public struct MailMessage: Sendable {
    /// The author, written in the From header.
    public let from: Mailbox
    /// The recipients, written in the To header; never empty.
    public let to: [Mailbox]
    /// The subject, any Unicode.
    public let subject: String
    /// The plain-text body, any Unicode and any line endings.
    public let body: String
    /// When the message was written (injected: the module never reads the clock).
    public let date: Date
    /// The Message-ID without its angle brackets: `left@right`.
    public let messageID: String
    /// Further headers, written after the standard ones in this order.
    public let extraHeaders: [(name: String, value: String)]

    /// Headers the message writes itself, which ``extraHeaders`` may not repeat
    /// (compared without case); neither may Cc, Bcc, Resent-* or Content-*.
    public static let reservedHeaderNames: Set<String> = [
        "date", "from", "to", "cc", "bcc", "subject", "message-id", "mime-version", "content-type",
        "content-transfer-encoding", "auto-submitted", "x-auto-response-suppress", "sender", "return-path",
    ]

    /// Checks and keeps a message.
    /// - Throws: ``MailError/noRecipients`` when `to` is empty,
    ///   ``MailError/invalidMessageID(_:)``, ``MailError/invalidHeaderName(_:)``,
    ///   ``MailError/reservedHeader(_:)`` or ``MailError/invalidHeaderValue(name:value:)``.
    public init(
        from: Mailbox, to: [Mailbox], subject: String, body: String, date: Date, messageID: String,
        extraHeaders: [(name: String, value: String)] = []
    ) throws(MailError) {
        guard !to.isEmpty else { throw .noRecipients }
        guard Self.isValidMessageID(messageID) else { throw .invalidMessageID(messageID) }
        for (name, value) in extraHeaders {
            guard !name.isEmpty, name.utf8.count <= 76,
                name.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != UInt8(ascii: ":") })
            else { throw .invalidHeaderName(name) }
            let lower = name.lowercased()
            guard !Self.reservedHeaderNames.contains(lower), !lower.hasPrefix("content-"), !lower.hasPrefix("resent-")
            else { throw .reservedHeader(name) }
            guard HeaderText.isPrintableASCII(value), name.utf8.count + 2 + value.utf8.count <= 998
            else { throw .invalidHeaderValue(name: name, value: value) }
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
        self.extraHeaders = extraHeaders
    }

    /// The addresses the message is sent to (the To addresses, each once, in order).
    public var envelopeRecipients: [MailAddress] {
        var seen: Set<MailAddress> = []
        return to.map(\.address).filter { seen.insert($0).inserted }
    }

    /// The message as the sendmail program reads it on standard input: UTF-8
    /// bytes, lines ending in LF (sendmail turns them into CRLF for SMTP).
    ///
    /// Headers, in order: Date (``MailDate``, `+0700`), From, To, Subject,
    /// Message-ID, `MIME-Version: 1.0`, `Content-Type: text/plain; charset=UTF-8`,
    /// `Content-Transfer-Encoding: quoted-printable`, `Auto-Submitted:
    /// auto-generated`, `X-Auto-Response-Suppress: All`, then ``extraHeaders``.
    ///
    /// - Display names and the subject are made NFC and single-line (control
    ///   characters and line separators become spaces, runs of spaces one space,
    ///   none at either end). When not printable ASCII they are RFC 2047
    ///   encoded-words (`=?UTF-8?B?…?=`, at most 75 characters, never splitting a
    ///   grapheme cluster); ASCII names with specials are quoted.
    /// - Header lines are folded to at most 78 characters; only an address or an
    ///   extra header word too long to fold makes a longer line.
    /// - The body is made NFC with LF line breaks and a final line break, then
    ///   quoted-printable (lines of at most 76 characters, soft breaks between
    ///   characters only; a leading `.` or `From ` is encoded). Quoted-printable
    ///   keeps ASCII text readable in the raw message and survives any 7-bit hop.
    public func rendered() -> Data {
        var lines = [
            "Date: " + MailDate.string(from: date),
            "From: " + HeaderText.mailbox(from, firstLimit: HeaderText.lineLimit - 6),
            "To: " + to.enumerated().map { index, mailbox in
                HeaderText.mailbox(mailbox, firstLimit: index == 0 ? HeaderText.lineLimit - 4 : HeaderText.encodedWordLimit)
            }.joined(separator: ", "),
            Self.subjectLine(subject),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
            "X-Auto-Response-Suppress: All",
        ]
        lines += extraHeaders.map { "\($0.name): \($0.value)" }
        let header = lines.map(HeaderText.fold).joined(separator: "\n")
        let text = header + "\n\n" + QuotedPrintable.encode(QuotedPrintable.normalizedBody(body))
        return Data(text.utf8)
    }

    /// The subject exactly as a reader decodes it from ``rendered()``.
    public var renderedSubject: String { HeaderText.singleLine(subject) }

    /// The body exactly as a reader decodes it from ``rendered()``.
    public var renderedBody: String { QuotedPrintable.normalizedBody(body) }

    private static func subjectLine(_ subject: String) -> String {
        let text = HeaderText.singleLine(subject)
        if text.isEmpty { return "Subject:" }
        let prefix = "Subject: "
        if HeaderText.isPlainSafe(text, longestWord: HeaderText.lineLimit - prefix.count) { return prefix + text }
        return prefix + HeaderText.encodedWords(text, firstLimit: HeaderText.lineLimit - prefix.count)
    }

    /// `left@right`, both sides RFC 5322 atext and dots, at most 250 characters.
    static func isValidMessageID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count <= 250 else { return false }
        let sides = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        return sides.count == 2
            && sides.allSatisfy { side in
                !side.isEmpty && side.allSatisfy { $0 == UInt8(ascii: ".") || HeaderText.isAtomText($0) }
            }
    }
}
