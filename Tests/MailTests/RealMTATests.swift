import Foundation
import Testing

@testable import RoMail

/// Messages through the machine's real MTA (exim4, set up by
/// `Tools/install-deps.sh`) into the local test mailbox.
@Suite("Real MTA delivery")
struct RealMTATests {
    /// The local user `Tools/install-deps.sh` creates for tests, and its mbox.
    static let mailboxAddress = "ro-test@localhost"
    static let mboxPath = "/var/mail/ro-test"
    static let program = "/usr/sbin/sendmail"

    /// Fails (never skips) when the MTA is not there.
    func requireMTA() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.program),
            "\(Self.program) is missing: run Tools/install-deps.sh (as root) to install and configure exim4")
    }

    /// Polls the test mailbox until the message with `id` is there whole (the
    /// same bytes on two reads in a row), for up to 20 seconds.
    func waitForMessage(id: String) async throws -> Data? {
        let deadline = ContinuousClock.now + .seconds(20)
        var previous: Data?
        while ContinuousClock.now < deadline {
            let found = try MailboxReader.message(withID: id, inMbox: Self.mboxPath)
            if let found, found == previous { return found }
            previous = found
            try await Task.sleep(for: .milliseconds(100))
        }
        return previous
    }

    @Test("A Vietnamese message sent with Sendmail arrives in the local mailbox, every text exact")
    func delivered() async throws {
        try requireMTA()
        let id = "\(UUID().uuidString.lowercased())@ro-test.localhost"
        let message = try MailMessage(
            from: Mailbox("ro-noreply@localhost", displayName: Fixtures.commune),
            to: [Mailbox(Self.mailboxAddress, displayName: Fixtures.unit)],
            subject: Fixtures.subject + " — " + HeaderEncodingTests.vowels, body: Fixtures.body,
            date: Fixtures.date, messageID: id, extraHeaders: [("X-Ro-Reminder", "task-42/2026-11")])
        let sendmail = Sendmail(envelopeSender: try MailAddress("ro-noreply@localhost"), timeout: .seconds(30))
        let outcome = await sendmail.send(message)
        #expect(outcome == .accepted, "\(outcome)")
        let delivered = try #require(
            try await waitForMessage(id: id), "no message <\(id)> in \(Self.mboxPath) after 20 s (see /var/log/exim4/mainlog)")

        let parsed = try await PythonEmail.parse(delivered)
        #expect(parsed.defects == [])
        #expect(parsed.subject == message.renderedSubject)
        #expect(parsed.from == [[Fixtures.commune, "ro-noreply@localhost"]])
        #expect(parsed.to == [[Fixtures.unit, Self.mailboxAddress]])
        #expect(parsed.date == "2026-11-25T07:00:00+07:00")
        #expect(parsed.messageID == "<\(id)>")
        #expect(parsed.body == message.renderedBody)
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("X-Auto-Response-Suppress") == "All")
        #expect(parsed.header("X-Ro-Reminder") == "task-42/2026-11")
        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.header("Return-path") == "<ro-noreply@localhost>")

        let received = try ReceivedMail(delivered)
        #expect(received.header("Subject") == message.renderedSubject)
        #expect(received.text == message.renderedBody)
    }

    @Test("Several messages sent at once each arrive once, found by their Message-ID")
    func concurrent() async throws {
        try requireMTA()
        let sendmail = Sendmail(envelopeSender: try MailAddress("ro-noreply@localhost"), timeout: .seconds(30))
        let messages = try (1...4).map { n in
            try MailMessage(
                from: Mailbox("ro-noreply@localhost", displayName: Fixtures.commune),
                to: [Mailbox(Self.mailboxAddress)], subject: "Nhắc việc số \(n)",
                body: "Thư số \(n).\n.\nFrom dòng này.\n", date: Fixtures.date,
                messageID: "\(UUID().uuidString.lowercased())@ro-test.localhost")
        }
        let outcomes = await withTaskGroup(of: SendOutcome.self) { group in
            for message in messages { group.addTask { await sendmail.send(message) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == Array(repeating: .accepted, count: 4))
        for message in messages {
            let delivered = try #require(try await waitForMessage(id: message.messageID))
            let received = try ReceivedMail(delivered)
            #expect(received.header("Subject") == message.renderedSubject)
            #expect(received.text == message.renderedBody)
            let copies = try MailboxReader.messages(inMbox: Self.mboxPath).filter {
                $0.range(of: Data(message.messageID.utf8)) != nil && (try? ReceivedMail($0))?.messageID == message.messageID
            }
            #expect(copies.count == 1)
        }
    }
}
