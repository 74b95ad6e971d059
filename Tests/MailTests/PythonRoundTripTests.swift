import Foundation
import Testing

@testable import RoMail

/// Rendered messages read back by Python's `email` package: an independent
/// reader must find exactly the texts that went in.
@Suite("Round trip through Python's email package")
struct PythonRoundTripTests {
    static let cases: [(subject: String, fromName: String?, toName: String?, body: String)] = [
        (Fixtures.subject, Fixtures.commune, Fixtures.unit, Fixtures.body),
        (
            Array(repeating: "Báo cáo kết quả thực hiện Nghị quyết 57-NQ/TW về chuyển đổi số", count: 3).joined(separator: " — "),
            "Chủ tịch UBND xã Nhơn Trạch", "Văn phòng HĐND và UBND xã - Phòng Văn hóa - Xã hội",
            String(repeating: "Dòng rất dài không có xuống dòng để kiểm tra ngắt mềm. ", count: 30)
        ),
        (
            HeaderEncodingTests.vowels.decomposedStringWithCanonicalMapping,
            "Nguyễn Thị Hường".decomposedStringWithCanonicalMapping, nil,
            "NFD: " + HeaderEncodingTests.vowels.decomposedStringWithCanonicalMapping + "\r\nCRLF\rCR\n"
        ),
        ("Monthly report", "Nguyen V. A", "\"Quoted\" \\ name, with specials", "ASCII only\n.\nFrom here\n=\n"),
        ("Nhắc việc 🇻🇳👨‍👩‍👧‍👦 q̃ — " + String(repeating: "👍🏽", count: 12), "Ro", "A\r\nBcc: x@evil.vn", "emoji 👍🏽\n"),
    ]

    @Test("Subject, From, To, Date, Message-ID and body decode exactly", arguments: 0..<cases.count)
    func roundTrip(_ index: Int) async throws {
        let (subject, fromName, toName, body) = Self.cases[index]
        let id = "\(UUID().uuidString)@ro.nhontrach.gov.vn"
        let message = try Fixtures.message(
            subject: subject, body: body, fromName: fromName, toName: toName, messageID: id)
        let parsed = try await PythonEmail.parse(message.rendered())

        #expect(parsed.defects == [])
        #expect(parsed.subject == subject.precomposedStringWithCanonicalMapping)
        #expect(parsed.subject == message.renderedSubject)
        #expect(parsed.from == [[fromName.map(HeaderText.singleLine) ?? "", "ro@nhontrach.gov.vn"]])
        #expect(parsed.to == [[toName.map(HeaderText.singleLine) ?? "", "vanhoa@nhontrach.gov.vn"]])
        #expect(parsed.date == "2026-11-25T07:00:00+07:00")
        #expect(parsed.timestamp == Fixtures.date.timeIntervalSince1970)
        #expect(parsed.messageID == "<\(id)>")
        #expect(parsed.body == message.renderedBody)
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.charset == "utf-8")
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("X-Ro-Reminder") == "task-42/2026-11")
    }

    @Test("The Swift reader decodes what Python decodes")
    func swiftReaderAgrees() async throws {
        for (subject, fromName, toName, body) in Self.cases {
            let message = try Fixtures.message(subject: subject, body: body, fromName: fromName, toName: toName)
            let parsed = try await PythonEmail.parse(message.rendered())
            let received = try ReceivedMail(message.rendered())
            #expect(received.header("Subject") == parsed.subject)
            #expect(received.text == parsed.body)
            #expect(received.messageID == message.messageID)
        }
    }

    @Test("Several recipients with Vietnamese names come back in order")
    func recipients() async throws {
        let names = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Ban Chỉ huy Quân sự xã", "Công an xã Nhơn Trạch"]
        let to = try names.enumerated().map { try Mailbox("donvi\($0.offset)@nhontrach.gov.vn", displayName: $0.element) }
        let message = try MailMessage(
            from: Mailbox("ro@nhontrach.gov.vn", displayName: Fixtures.commune), to: to, subject: Fixtures.subject,
            body: "x", date: Fixtures.date, messageID: "r@x.vn")
        let parsed = try await PythonEmail.parse(message.rendered())
        #expect(parsed.defects == [])
        #expect(parsed.to == names.enumerated().map { [$0.element, "donvi\($0.offset)@nhontrach.gov.vn"] })
    }

    @Test("A long name needs adjacent encoded-words: RFC 2047 readers get it exactly, Python adds spaces between them")
    func longDisplayName() async throws {
        let name = "Thường trực Hội đồng Thành phố Hồ Chí Minh (nhiệm kỳ 2026–2031)"
        let message = try Fixtures.message(fromName: name)
        let from = try #require(headerFields(message).first { $0.name == "From" }?.value)
        #expect(from.matches(of: /\?= =\?UTF-8\?B\?/).count >= 1, "expected adjacent encoded-words: \(from)")
        // RFC 2047 §6.2: the space between adjacent encoded-words is dropped.
        #expect(try ReceivedMail(message.rendered()).header("From") == name + " <ro@nhontrach.gov.vn>")
        // Python's address parser keeps one space there: words ending after a space
        // make that a double space, never a word cut in two.
        let parsed = try await PythonEmail.parse(message.rendered())
        let pythonName = try #require(parsed.from.first?.first)
        #expect(pythonName.replacing(/\ +/, with: " ") == name)
        #expect(pythonName.split(separator: " ") == name.split(separator: " "))
    }
}
