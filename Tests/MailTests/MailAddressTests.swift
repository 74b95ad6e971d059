import Foundation
import Testing

@testable import RoMail

@Suite("Email addresses")
struct MailAddressTests {
    @Test(
        "Ordinary addresses are accepted as written",
        arguments: [
            "vanhoa@nhontrach.gov.vn", "ro-test@localhost", "Nguyen.Van.A@UBND.Xa-NhonTrach.vn",
            "a+tag@x.vn", "o'brien@mail.example.org", "x@a1.b2",
        ])
    func accepted(_ text: String) throws {
        let address = try MailAddress(text)
        #expect(address.text == text)
        #expect(address.description == text)
        #expect("\(address.localPart)@\(address.domain)" == text)
    }

    @Test(
        "Unsafe or malformed addresses are refused",
        arguments: [
            "", "@", "a@", "@x.vn", "a@@x.vn", "a@b@x.vn", "a b@x.vn", "a@x .vn", "a\r\n@x.vn",
            "a@x.vn\r\nBcc: victim@x.vn", "a@x.vn\n", "a\u{0}@x.vn", "a\t@x.vn", "<a@x.vn>", "a@x.vn>",
            "(a)@x.vn", "a,b@x.vn", "a;b@x.vn", "a:b@x.vn", "\"a\"@x.vn", "a[1]@x.vn", "a\\b@x.vn",
            "Nguyễn@x.vn", "a@xã.vn", "a@x", "a@x..vn", "a@.x.vn", "a@x.vn.", "a@-x.vn", "a@x-.vn",
            "a@x_y.vn", ".a@x.vn", "a.@x.vn", "a..b@x.vn", "a@[127.0.0.1]",
        ])
    func refused(_ text: String) {
        #expect(throws: MailError.invalidAddress(text)) { try MailAddress(text) }
    }

    @Test("An address starting with '-' is refused: sendmail would read it as an option")
    func leadingDash() {
        for text in ["-oQ/tmp@x.vn", "-f@x.vn", "-bs@localhost", "-@x.vn"] {
            #expect(throws: MailError.invalidAddress(text)) { try MailAddress(text) }
        }
        #expect((try? MailAddress("a-b@x.vn")) != nil)
    }

    @Test("Length limits: 254 characters in all, 64 in the local part, 63 in a label")
    func lengths() throws {
        let label = String(repeating: "d", count: 63)
        let longest = String(repeating: "l", count: 64) + "@" + [label, label, label].joined(separator: ".") + ".vn"
        #expect(longest.count == 64 + 1 + 63 * 3 + 2 + 3)
        let ok = try MailAddress(String(repeating: "l", count: 64) + "@" + label + ".vn")
        #expect(ok.localPart.count == 64)
        #expect(throws: MailError.invalidAddress(longest)) { try MailAddress(longest) }
        let longLocal = String(repeating: "l", count: 65) + "@x.vn"
        #expect(throws: MailError.invalidAddress(longLocal)) { try MailAddress(longLocal) }
        let longLabel = "a@" + String(repeating: "d", count: 64) + ".vn"
        #expect(throws: MailError.invalidAddress(longLabel)) { try MailAddress(longLabel) }
    }

    @Test("The refusal is one Vietnamese line naming the address, control characters shown escaped")
    func message() {
        #expect(MailError.invalidAddress("x").message == "địa chỉ email 'x' không hợp lệ")
        let injected = MailError.invalidAddress("a@x.vn\r\nBcc: b@x.vn").message
        #expect(injected == "địa chỉ email 'a@x.vn\\u{D}\\u{A}Bcc: b@x.vn' không hợp lệ")
        #expect(!injected.contains("\n") && !injected.contains("\r"))
        #expect(MailError.invalidAddress("x").description == MailError.invalidAddress("x").message)
    }

    @Test("A mailbox pairs an address with an optional display name")
    func mailbox() throws {
        let named = try Mailbox("vanhoa@x.vn", displayName: "Phòng Văn hóa")
        #expect(named.address == (try MailAddress("vanhoa@x.vn")))
        #expect(named.description == "Phòng Văn hóa <vanhoa@x.vn>")
        #expect((try Mailbox("vanhoa@x.vn")).description == "vanhoa@x.vn")
        #expect(throws: MailError.invalidAddress("-x@x.vn")) { try Mailbox("-x@x.vn", displayName: "A") }
    }
}
