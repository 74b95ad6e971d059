import Foundation
import RoMail
import Testing

/// The real MTA's test mailbox: exim4 delivers every address `@….ro.test` to
/// /var/mail/ro-test (Tools/mta/install-mta.sh sets it up). Tests running at
/// once share the mailbox, so each test sends from its own domain
/// (`RUN.ro.test`), and its messages are those whose Message-ID ends in it.
struct TestMailbox {
    static let path = "/var/mail/ro-test"
    static let sendmail = "/usr/sbin/sendmail"

    /// This test's own domain: its sender, its recipients and its Message-IDs.
    let domain = "r\(UUID().uuidString.prefix(8).lowercased()).ro.test"

    func address(_ local: String) -> String { "\(local)@\(domain)" }

    static func requireMTA(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: sendmail),
            "no MTA at \(sendmail): run Tools/install-deps.sh (installs exim4)", sourceLocation: sourceLocation)
    }

    /// The messages of this test that have arrived so far.
    func messages() throws -> [ReceivedMail] {
        guard FileManager.default.fileExists(atPath: Self.path) else { return [] }
        return try MailboxReader.messages(inMbox: Self.path).compactMap { data in
            let mail = try ReceivedMail(data)
            return mail.messageID?.hasSuffix("@\(domain)") == true ? mail : nil
        }
    }

    /// Waits until `count` messages of this test have arrived (exim delivers in a
    /// process of its own, a moment after sendmail returns), or 30 s pass.
    func waitFor(_ count: Int) async throws -> [ReceivedMail] {
        var found = try messages()
        for _ in 0..<300 where found.count < count {
            try await Task.sleep(for: .milliseconds(100))
            found = try messages()
        }
        return found
    }
}
