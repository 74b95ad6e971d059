import Foundation
import Testing

@testable import RoMail

@Suite("Mailbox reader")
struct MailboxReaderTests {
    static let mbox = """
        From root@localhost Wed Nov 25 10:32:46 2026
        Return-path: <root@localhost>
        Subject: one
        Message-ID: <1@x.vn>

        body one
        >From me
        >>From you
        >Fromage

        From MAILER-DAEMON Wed Nov 25 10:33:00 2026
        Subject: =?UTF-8?B?Tmjhuq9j?= =?UTF-8?B?IHZp4buHYw==?=
        Message-ID:
         <2@x.vn>

        first line
        From inside a paragraph is not a separator
        last line

        """

    @Test("An mbox splits at 'From ' lines after an empty line, and escaped lines lose one '>'")
    func split() throws {
        let messages = MailboxReader.messages(inMboxData: Data(Self.mbox.utf8))
        #expect(messages.count == 2)
        #expect(
            String(decoding: messages[0], as: UTF8.self)
                == "Return-path: <root@localhost>\nSubject: one\nMessage-ID: <1@x.vn>\n\nbody one\nFrom me\n>From you\n>Fromage\n")
        let second = try ReceivedMail(messages[1])
        #expect(second.messageID == "2@x.vn")
        #expect(second.header("Subject") == "Nhắc việc")
        #expect(second.text == "first line\nFrom inside a paragraph is not a separator\nlast line\n")
    }

    @Test("A file read from disk gives the same messages; a missing file gives none")
    func file() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ro-mbox-\(UUID().uuidString)").path
        #expect(try MailboxReader.messages(inMbox: path) == [])
        try Data(Self.mbox.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try MailboxReader.messages(inMbox: path) == MailboxReader.messages(inMboxData: Data(Self.mbox.utf8)))
        let second = try #require(try MailboxReader.message(withID: "2@x.vn", inMbox: path))
        #expect(try ReceivedMail(second).header("Subject") == "Nhắc việc")
        #expect(try MailboxReader.message(withID: "3@x.vn", inMbox: path) == nil)
        #expect(try MailboxReader.message(withID: "2@x.vn", inMbox: path + ".missing") == nil)
        #expect(throws: MailError.self) { try MailboxReader.messages(inMbox: FileManager.default.temporaryDirectory.path) }
    }

    @Test("Encoded-words: adjacent words join, Q encoding and other text are kept right")
    func decodeWords() {
        #expect(ReceivedMail.decodeWords("=?UTF-8?B?Tmjhuq9j?=  =?UTF-8?B?IHZp4buHYw==?=") == "Nhắc việc")
        #expect(ReceivedMail.decodeWords("Re: =?utf-8?q?X=C3=A3_h=E1=BB=99i?= ok") == "Re: Xã hội ok")
        #expect(ReceivedMail.decodeWords("=?ISO-8859-1?Q?caf=E9?=") == "=?ISO-8859-1?Q?caf=E9?=")
        #expect(ReceivedMail.decodeWords("plain text") == "plain text")
    }

    @Test("A header line that is neither a field nor a continuation is refused")
    func malformed() {
        #expect(throws: MailError.self) { try ReceivedMail(Data("Subject: a\nnot a header\n\nbody".utf8)) }
        #expect(throws: MailError.self) { try ReceivedMail(Data(" leading continuation\n\nbody".utf8)) }
    }
}
