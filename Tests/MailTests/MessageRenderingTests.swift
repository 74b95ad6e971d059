import Foundation
import Testing

@testable import RoMail

@Suite("Message rendering")
struct MessageRenderingTests {
    @Test("The standard headers come in order, with the fixed MIME and auto-submitted values")
    func headers() throws {
        let message = try Fixtures.message(messageID: "42.reminder@ro.nhontrach.gov.vn")
        let fields = headerFields(message)
        #expect(
            fields.map(\.name) == [
                "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding", "Auto-Submitted", "X-Auto-Response-Suppress", "X-Ro-Reminder",
            ])
        let value = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(value["Date"] == "Wed, 25 Nov 2026 07:00:00 +0700")
        #expect(value["Message-ID"] == "<42.reminder@ro.nhontrach.gov.vn>")
        #expect(value["MIME-Version"] == "1.0")
        #expect(value["Content-Type"] == "text/plain; charset=UTF-8")
        #expect(value["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(value["Auto-Submitted"] == "auto-generated")
        #expect(value["X-Auto-Response-Suppress"] == "All")
        #expect(value["X-Ro-Reminder"] == "task-42/2026-11")
        let text = String(decoding: message.rendered(), as: UTF8.self)
        #expect(!text.contains("\r"))
        #expect(text.hasSuffix("\n"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("The Date header is in +0700 whatever the instant's UTC day, with English names")
    func date() {
        #expect(MailDate.string(from: Fixtures.date) == "Wed, 25 Nov 2026 07:00:00 +0700")
        // 2026-02-28 17:30:59.9 UTC is already 1 March in the commune.
        #expect(MailDate.string(from: Date(timeIntervalSince1970: 1_772_299_859.9)) == "Sun, 01 Mar 2026 00:30:59 +0700")
        #expect(MailDate.string(from: Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 07:00:00 +0700")
    }

    @Test("CR, LF and other control characters in the subject and display names cannot add a header")
    func headerInjection() throws {
        let attacks = [
            "Nhắc việc\r\nBcc: attacker@evil.vn", "Báo cáo\nX-Injected: 1", "A\rB\u{0}C\u{85}D\u{2028}E",
            "plain\r\n\r\nbody injection", "tab\there\u{1B}[31m",
        ]
        for attack in attacks {
            let message = try Fixtures.message(subject: attack, fromName: attack, toName: attack)
            let names = headerFields(message).map(\.name)
            #expect(!names.contains("Bcc") && !names.contains("X-Injected"))
            #expect(names.count == 11)
            for line in headerLines(message) {
                #expect(line.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value < 127 }, "\(line)")
            }
            #expect(!message.renderedSubject.unicodeScalars.contains { $0.properties.generalCategory == .control })
        }
        let neutralized = try Fixtures.message(subject: "Nhắc việc\r\nBcc: attacker@evil.vn")
        #expect(neutralized.renderedSubject == "Nhắc việc Bcc: attacker@evil.vn")
    }

    @Test("Extra headers: CR/LF, non-ASCII, bad names and reserved names are refused")
    func extraHeaders() {
        let refusals: [(name: String, value: String, error: MailError)] = [
            ("X-Ro", "a\r\nBcc: x@evil.vn", .invalidHeaderValue(name: "X-Ro", value: "a\r\nBcc: x@evil.vn")),
            ("X-Ro", "a\nb", .invalidHeaderValue(name: "X-Ro", value: "a\nb")),
            ("X-Ro", "tiếng Việt", .invalidHeaderValue(name: "X-Ro", value: "tiếng Việt")),
            ("X-Ro", String(repeating: "v", count: 995), .invalidHeaderValue(name: "X-Ro", value: String(repeating: "v", count: 995))),
            ("X Ro", "1", .invalidHeaderName("X Ro")),
            ("X-Ro:", "1", .invalidHeaderName("X-Ro:")),
            ("X-Ro\r\nBcc", "1", .invalidHeaderName("X-Ro\r\nBcc")),
            ("", "1", .invalidHeaderName("")),
            ("bcc", "x@evil.vn", .reservedHeader("bcc")),
            ("Subject", "again", .reservedHeader("Subject")),
            ("Content-Disposition", "attachment", .reservedHeader("Content-Disposition")),
            ("Resent-To", "x@evil.vn", .reservedHeader("Resent-To")),
        ]
        for (name, value, error) in refusals {
            #expect(throws: error) { try Fixtures.message(extraHeaders: [(name, value)]) }
        }
        #expect(MailError.reservedHeader("Bcc").message.contains("Bcc"))
    }

    @Test("A long extra header value folds at its spaces")
    func extraHeaderFolds() throws {
        let value = (1...30).map { "task-\($0)" }.joined(separator: " ")
        let message = try Fixtures.message(extraHeaders: [("X-Ro-Tasks", value)])
        #expect(headerLines(message).allSatisfy { $0.utf8.count <= 78 })
        #expect(headerFields(message).last?.value == value)
    }

    @Test("The Message-ID must be left@right in printable ASCII, without brackets or whitespace")
    func messageID() throws {
        for id in ["<a@b.vn>", "a b@x.vn", "a@x.vn\r\nBcc: y@z.vn", "a@b@c", "@x.vn", "a@", "noat", "á@x.vn", "a>@x"] {
            #expect(throws: MailError.invalidMessageID(id)) { try Fixtures.message(messageID: id) }
        }
        #expect((try? Fixtures.message(messageID: "20261125.task-42+nhac@ro.nhontrach.gov.vn")) != nil)
    }

    @Test("A message needs a recipient")
    func recipients() throws {
        #expect(throws: MailError.noRecipients) {
            try MailMessage(
                from: Mailbox("ro@x.vn"), to: [], subject: "s", body: "b", date: Fixtures.date, messageID: "1@x.vn")
        }
        let twice = try MailMessage(
            from: Mailbox("ro@x.vn"), to: [Mailbox("a@x.vn", displayName: "A"), Mailbox("a@x.vn", displayName: "B")],
            subject: "s", body: "b", date: Fixtures.date, messageID: "1@x.vn")
        #expect(twice.envelopeRecipients.map(\.text) == ["a@x.vn"])
    }
}
