import Foundation
import Testing

@testable import RoMail

/// The header lines of a rendered message, each physical line as written.
func headerLines(_ message: MailMessage) -> [String] {
    let text = String(decoding: message.rendered(), as: UTF8.self)
    let header = text.components(separatedBy: "\n\n")[0]
    return header.components(separatedBy: "\n")
}

/// The header fields of a rendered message: name and unfolded value.
func headerFields(_ message: MailMessage) -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    for line in headerLines(message) {
        if line.hasPrefix(" ") || line.hasPrefix("\t") {
            fields[fields.count - 1].value += line
        } else {
            let colon = line.firstIndex(of: ":")!
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...].dropFirst())))
        }
    }
    return fields
}

/// The encoded-words in a header value, each decoded on its own.
func decodedWords(_ value: String) -> [(word: String, bytes: Data)] {
    value.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/).map { match in
        (String(match.0), Data(base64Encoded: String(match.1)) ?? Data())
    }
}

@Suite("Header encoding")
struct HeaderEncodingTests {
    static let vowels = "aáàảãạăắằẳẵặâấầẩẫậeéèẻẽẹêếềểễệiíìỉĩịoóòỏõọôốồổỗộơớờởỡợuúùủũụưứừửữựyýỳỷỹỵđ"

    static let subjects = [
        Fixtures.subject,
        String(repeating: "Báo cáo kết quả thực hiện Nghị quyết 57-NQ/TW về chuyển đổi số, ", count: 4),
        vowels + vowels.uppercased(),
        (vowels + " " + vowels.uppercased()).decomposedStringWithCanonicalMapping,
        "Nhắc việc 🇻🇳👨‍👩‍👧‍👦 q̃ x̣̃ — " + String(repeating: "👍🏽", count: 12),
    ]

    @Test("Non-ASCII subjects become UTF-8 encoded-words of at most 75 characters, on lines of at most 78",
          arguments: subjects)
    func encodedWordsAndLines(_ subject: String) throws {
        let message = try Fixtures.message(subject: subject)
        for line in headerLines(message) {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
        }
        let value = try #require(headerFields(message).first { $0.name == "Subject" }?.value)
        let words = decodedWords(value)
        #expect(!words.isEmpty)
        // Nothing but encoded-words and the spaces between them.
        #expect(value.replacing(/=\?UTF-8\?B\?[A-Za-z0-9+\/=]*\?=/, with: "").allSatisfy { $0 == " " })
        for (word, _) in words {
            #expect(word.count <= 75, "encoded-word too long: \(word)")
        }
    }

    @Test("Each encoded-word decodes on its own to valid UTF-8 ending on a grapheme boundary", arguments: subjects)
    func wordsNeverSplitCharacters(_ subject: String) throws {
        let message = try Fixtures.message(subject: subject)
        let value = try #require(headerFields(message).first { $0.name == "Subject" }?.value)
        let expected = message.renderedSubject
        #expect(expected == HeaderText.singleLine(subject))
        var offset = 0
        var joined = ""
        for (word, bytes) in decodedWords(value) {
            let piece = try #require(String(validating: bytes, as: UTF8.self), "not UTF-8 on its own: \(word)")
            joined += piece
            offset += bytes.count
            let boundary = expected.utf8.index(expected.utf8.startIndex, offsetBy: offset)
            #expect(boundary.samePosition(in: expected) != nil, "word ends inside a character: \(word)")
        }
        #expect(joined == expected)
    }

    @Test("A grapheme cluster longer than an encoded-word is split between scalars, never inside one")
    func giantCluster() throws {
        let zalgo = "a" + String(repeating: "\u{0301}\u{0323}", count: 20) + " xong"
        #expect(zalgo.first!.utf8.count > 45)
        let message = try Fixtures.message(subject: zalgo)
        let value = try #require(headerFields(message).first { $0.name == "Subject" }?.value)
        let words = decodedWords(value)
        #expect(words.count >= 2)
        for (word, bytes) in words {
            #expect(String(validating: bytes, as: UTF8.self) != nil, "not UTF-8 on its own: \(word)")
            #expect(word.count <= 75)
        }
        #expect(String(decoding: words.map(\.bytes).reduce(Data(), +), as: UTF8.self) == zalgo.precomposedStringWithCanonicalMapping)
    }

    @Test("Decomposed (NFD) Vietnamese is sent composed (NFC)")
    func nfc() throws {
        let decomposed = "Phòng Văn hóa - Xã hội".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Phòng Văn hóa - Xã hội".unicodeScalars.count)
        let message = try Fixtures.message(subject: decomposed, fromName: decomposed)
        let subject = try #require(headerFields(message).first { $0.name == "Subject" }?.value)
        let decoded = decodedWords(subject).map(\.bytes).reduce(Data(), +)
        #expect(String(decoding: decoded, as: UTF8.self) == "Phòng Văn hóa - Xã hội")
        #expect(Array(decoded) == Array("Phòng Văn hóa - Xã hội".precomposedStringWithCanonicalMapping.utf8))
        #expect(message.renderedSubject == "Phòng Văn hóa - Xã hội".precomposedStringWithCanonicalMapping)
    }

    @Test("A long Vietnamese subject is folded onto continuation lines")
    func longSubjectFolds() throws {
        let subject = String(repeating: "Báo cáo chuyển đổi số tháng 11 ", count: 6)
        let lines = headerLines(try Fixtures.message(subject: subject))
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: =?UTF-8?B?") })
        let continuation = lines[(start + 1)...].prefix { $0.hasPrefix(" ") }
        #expect(continuation.count >= 3)
        #expect(continuation.allSatisfy { $0.hasPrefix(" =?UTF-8?B?") && $0.hasSuffix("?=") })
    }

    @Test("Plain ASCII subjects stay readable and fold at spaces")
    func asciiSubject() throws {
        let short = headerLines(try Fixtures.message(subject: "Monthly report reminder"))
        #expect(short.contains("Subject: Monthly report reminder"))
        let long = String(repeating: "Monthly report reminder for the commune ", count: 4)
        let lines = headerLines(try Fixtures.message(subject: long))
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: Monthly") })
        #expect(lines[start + 1].hasPrefix(" "))
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        // Text a decoder could take for an encoded-word is encoded itself.
        let tricky = headerLines(try Fixtures.message(subject: "=?UTF-8?B?SGk=?= hello"))
        #expect(tricky.contains { $0.hasPrefix("Subject: =?UTF-8?B?") && !$0.contains("SGk=") })
    }

    @Test("ASCII display names with specials are quoted; atoms are left as they are")
    func displayNames() throws {
        let cases: [(name: String, written: String)] = [
            ("Ro Scheduler", "Ro Scheduler <ro@nhontrach.gov.vn>"),
            ("Nguyen V. A", "\"Nguyen V. A\" <ro@nhontrach.gov.vn>"),
            ("UBND, xa \"Nhon\" Trach\\2", "\"UBND, xa \\\"Nhon\\\" Trach\\\\2\" <ro@nhontrach.gov.vn>"),
            ("a <b@c.vn>", "\"a <b@c.vn>\" <ro@nhontrach.gov.vn>"),
        ]
        for (name, written) in cases {
            let from = headerFields(try Fixtures.message(fromName: name)).first { $0.name == "From" }
            #expect(from?.value == written)
        }
        let none = headerFields(try Fixtures.message(fromName: " \r\n ")).first { $0.name == "From" }
        #expect(none?.value == "ro@nhontrach.gov.vn")
    }

    @Test("Several recipients are folded between mailboxes")
    func recipients() throws {
        let to = try (1...5).map { try Mailbox("donvi\($0)@nhontrach.gov.vn", displayName: "Đơn vị số \($0) của xã") }
        let message = try MailMessage(
            from: Mailbox("ro@nhontrach.gov.vn"), to: to, subject: "x", body: "y", date: Fixtures.date,
            messageID: "1@x.vn")
        let lines = headerLines(message)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        let value = try #require(headerFields(message).first { $0.name == "To" }?.value)
        #expect(value.matches(of: /<donvi\d@nhontrach\.gov\.vn>/).count == 5)
        #expect(message.envelopeRecipients.map(\.text) == (1...5).map { "donvi\($0)@nhontrach.gov.vn" })
    }
}
