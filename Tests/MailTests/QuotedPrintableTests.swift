import Foundation
import Testing

@testable import RoMail

/// The body of a rendered message, as written (quoted-printable lines).
func bodyLines(_ message: MailMessage) -> [String] {
    let text = String(decoding: message.rendered(), as: UTF8.self)
    let body = text.components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
    return body.components(separatedBy: "\n").dropLast()
}

@Suite("Quoted-printable body")
struct QuotedPrintableTests {
    @Test("Line endings are normalized to LF, text to NFC, and a final line break is added")
    func normalized() {
        #expect(QuotedPrintable.normalizedBody("a\r\nb\rc\nd") == "a\nb\nc\nd\n")
        #expect(QuotedPrintable.normalizedBody("a\r\n\r\n") == "a\n\n")
        #expect(QuotedPrintable.normalizedBody("") == "\n")
        #expect(QuotedPrintable.normalizedBody("Xã hội".decomposedStringWithCanonicalMapping) == "Xã hội\n")
    }

    @Test("Lines are at most 76 characters and soft breaks never split a character's =XX triplets")
    func lineLengths() throws {
        let body = String(repeating: "Nguyễn Thị Hường ghi nhận kết quả ", count: 20) + "\n"
            + String(repeating: "ệ", count: 200) + "\n" + String(repeating: "x", count: 300)
        let lines = bodyLines(try Fixtures.message(body: body))
        #expect(lines.count > 10)
        for line in lines {
            #expect(line.utf8.count <= 76, "too long: \(line)")
            // Each line, soft break removed, decodes on its own to valid UTF-8.
            let content = line.hasSuffix("=") ? String(line.dropLast()) : line
            let bytes = ReceivedMail.decodeQuotedPrintable(Array(content.utf8))
            #expect(String(validating: bytes, as: UTF8.self) != nil, "splits a character: \(line)")
        }
        #expect(lines.contains { $0.hasSuffix("=") })
    }

    @Test("A line that is just '.', a line starting 'From ' and trailing spaces are encoded")
    func unsafeStarts() throws {
        let lines = bodyLines(try Fixtures.message(body: "a\n.\n..x\nFrom me\nFromage\ntrailing \nt\t"))
        #expect(lines == ["a", "=2E", "=2E.x", "=46rom me", "Fromage", "trailing=20", "t=09"])
    }

    @Test("'=' and control characters are escaped; ASCII text stays readable")
    func escapes() throws {
        let lines = bodyLines(try Fixtures.message(body: "1+1=2\u{7}\u{0} ok"))
        #expect(lines == ["1+1=3D2=07=00 ok"])
    }

    @Test("Encoding then decoding gives the normalized body back, byte for byte")
    func roundTrip() throws {
        let bodies = [
            Fixtures.body, "", "\n\n\n", "x", String(repeating: "=", count: 100), String(repeating: " ", count: 80),
            String(repeating: "a", count: 75) + "ệ", String(repeating: "a", count: 74) + " \nb",
            "Tiếng Việt có dấu: " + HeaderEncodingTests.vowels.decomposedStringWithCanonicalMapping,
        ]
        for body in bodies {
            let message = try Fixtures.message(body: body)
            let received = try ReceivedMail(message.rendered())
            #expect(received.text == message.renderedBody)
            #expect(message.renderedBody == QuotedPrintable.normalizedBody(body))
            #expect(bodyLines(message).allSatisfy { $0.utf8.count <= 76 })
        }
    }
}
