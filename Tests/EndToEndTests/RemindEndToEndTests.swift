import Foundation
import RoMail
import Testing

/// `ro remind` against a real MTA (exim4 from Debian, delivering to a local
/// mailbox): what arrives, restarts in the middle of a pass, and bad input.
@Suite("ro remind end to end: a real MTA, restarts and bad input")
struct RemindEndToEndTests {
    let r: RoRunner
    let box = TestMailbox()

    /// One unit, its officer with an address, a leader; a task assigned on
    /// Thursday 5 November 2026 and accepted. Its November report's first
    /// notice falls on Friday the 13th at 07:00.
    init() throws {
        try TestMailbox.requireMTA()
        r = try RoRunner()
        r.now = "2026-11-05T09:00:00+07:00"
        for step in [
            ["init", "--admin", "quantri", "--name", "Quản Trị"],
            ["unit", "add", "vhxh", "--name", "Phòng Văn hóa – Xã hội", "--as", "quantri"],
            ["user", "add", "chutich", "--name", "Nguyễn Văn An", "--role", "leader", "--as", "quantri"],
            ["user", "add", "lan", "--name", "Trần Thị Lan", "--role", "officer", "--unit", "vhxh",
             "--email", box.address("lan"), "--as", "quantri"],
            ["assign", "KH-1", "--title", "Tuyên truyền Nghị quyết 57-NQ/TW về chuyển đổi số", "--lead", "vhxh",
             "--due", "2026-12-31", "--as", "chutich"],
            ["accept", "KH-1", "--as", "lan"],
        ] { try r.expectSuccess(step) }
    }

    /// `ro remind` with the real sendmail (or `sendmail`), from this test's domain.
    @discardableResult
    func remind(_ arguments: [String] = [], sendmail: String = TestMailbox.sendmail) throws -> RoRunner.Result {
        try r.run(["remind"] + arguments, environment: ["RO_SENDMAIL": sendmail, "RO_MAIL_FROM": box.address("ro")])
    }

    /// A stand-in for sendmail: a shell script in the test's folder.
    func script(_ name: String, _ body: String) throws -> String {
        let path = r.folder.appendingPathComponent(name).path
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func statuses() throws -> [String] { try r.jsonArray(["reminders", "--json"]).compactMap { $0["status"] as? String } }

    @Test func aReminderArrivesThroughTheMTAAndReadsExactly() async throws {
        r.now = "2026-11-13T07:30:00+07:00"
        let pass = try remind()
        #expect(pass.status == 0, "\(pass.stderr)")
        #expect(pass.stdout.contains("MTA đã nhận: \(box.address("lan"))"))
        let mail = try #require(try await box.waitFor(1).first)
        #expect(ReceivedMail.decodeWords(mail.header("Subject") ?? "") == "[Rõ] Nhắc việc: 1 việc cần làm")
        #expect(ReceivedMail.decodeWords(mail.header("To") ?? "") == "Trần Thị Lan <\(box.address("lan"))>")
        #expect(ReceivedMail.decodeWords(mail.header("From") ?? "") == "Rõ — UBND xã <\(box.address("ro"))>")
        #expect(mail.header("Date") == "Fri, 13 Nov 2026 07:30:00 +0700")
        #expect(mail.header("Auto-Submitted") == "auto-generated")
        #expect(mail.header("X-Auto-Response-Suppress") == "All")
        #expect(mail.text.contains("Kính gửi Trần Thị Lan,"))
        #expect(mail.text.contains("1. Tuyên truyền Nghị quyết 57-NQ/TW về chuyển đổi số"))
        #expect(mail.text.contains("Việc cần làm: Báo cáo tháng 11/2026"))
        #expect(mail.text.contains("Hạn: hết ngày 19/11/2026"))
        #expect(mail.text.contains("Tình trạng: còn 6 ngày"))
        // Recorded as accepted by the MTA, under the Message-ID that arrived.
        let log = try r.jsonArray(["reminders", "--json"])
        #expect(log.map { $0["status"] as? String } == ["accepted"])
        #expect(log.first?["message_id"] as? String == mail.messageID)
        // Again: nothing more is sent.
        let again = try remind()
        #expect(again.status == 0 && again.stdout.contains("Không có thư nào cần gửi"))
        try await Task.sleep(for: .seconds(1))
        #expect(try box.messages().count == 1)
    }

    @Test func aKilledSendmailIsTriedAgainLaterAndTheMessageArrivesOnce() async throws {
        r.now = "2026-11-13T07:30:00+07:00"
        let killed = try remind(sendmail: try script("killed-sendmail", "kill -9 $$"))
        #expect(killed.status == 69)
        #expect(killed.stderr.contains("1 thư tạm lỗi sẽ gửi lại"), "\(killed.stderr)")
        let deferred = try r.jsonArray(["reminders", "--status", "deferred", "--json"])
        #expect(deferred.count == 1 && deferred.first?["retry_at"] as? String == "2026-11-13T00:35:00.000Z")
        // Before the retry time, nothing; after it, the same message through the real MTA.
        r.now = "2026-11-13T07:33:00+07:00"
        #expect(try remind().stdout.contains("Không có thư nào cần gửi"))
        r.now = "2026-11-13T07:40:00+07:00"
        #expect(try remind().status == 0)
        let mails = try await box.waitFor(1)
        try await Task.sleep(for: .seconds(1))
        #expect(try box.messages().count == 1)
        #expect(mails.first?.messageID == deferred.first?["message_id"] as? String)
        #expect(try statuses() == ["accepted"])
    }

    @Test func aPassKilledBetweenIntentAndOutcomeSendsOnceAfterTheRestart() async throws {
        r.now = "2026-11-13T07:30:00+07:00"
        let pidFile = r.folder.appendingPathComponent("sendmail.pid").path
        // Hangs well past ro's 60 s timeout, so ro is surely still sending when it is killed.
        let hanging = try script("hanging-sendmail", "echo $$ > '\(pidFile)'\nexec sleep 600")
        let process = Process()
        process.executableURL = RoRunner.binary
        process.arguments = ["remind"]
        process.environment = ProcessInfo.processInfo.environment.merging([
            "RO_DB": r.db, "RO_NOW": r.now, "RO_SENDMAIL": hanging, "RO_MAIL_FROM": box.address("ro"),
        ]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // sendmail runs only after the intent is recorded: wait for it, then kill both.
        let deadline = Date().addingTimeInterval(50)
        while !FileManager.default.fileExists(atPath: pidFile), Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let pid = try #require(Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        kill(process.processIdentifier, SIGKILL)
        kill(pid, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try statuses() == ["intended"])
        // The restart sends what was intended, once, with the same Message-ID.
        r.now = "2026-11-13T07:45:00+07:00"
        let restart = try remind()
        #expect(restart.status == 0, "\(restart.stderr)")
        let mails = try await box.waitFor(1)
        #expect(mails.first?.messageID == (try r.jsonArray(["reminders", "--json"]).first?["message_id"] as? String))
        #expect(try statuses() == ["accepted"])
        #expect(try remind().stdout.contains("Không có thư nào cần gửi"))
        try await Task.sleep(for: .seconds(1))
        #expect(try box.messages().count == 1)
    }

    @Test func aMissingSendmailIsRefusedBeforeAnythingIsRecorded() throws {
        r.now = "2026-11-13T07:30:00+07:00"
        try r.expectRefusal(
            ["remind"], 69, "không chạy được chương trình sendmail '/nonexistent/sendmail'",
            environment: ["RO_SENDMAIL": "/nonexistent/sendmail", "RO_MAIL_FROM": box.address("ro")])
        // A failing one is recorded and shown, not lost.
        let failing = try remind(sendmail: try script("failing-sendmail", "echo 'no such user' >&2\nexit 67"))
        #expect(failing.status == 69)
        #expect(failing.stdout.contains("không gửi được") && failing.stdout.contains("no such user"))
        let failed = try r.jsonArray(["reminders", "--status", "failed", "--json"])
        #expect(failed.first?["exit_status"] as? Int == 67)
    }

    @Test func aUnitWithoutAnAddressIsReportedAndTheOthersAreStillMailed() async throws {
        for step in [
            ["unit", "add", "ap1", "--name", "Ấp 1", "--as", "quantri"],
            ["user", "add", "tu", "--name", "Võ Văn Tư", "--role", "officer", "--unit", "ap1", "--as", "quantri"],
            ["assign", "KH-2", "--title", "Thành lập Tổ công nghệ số cộng đồng", "--lead", "ap1", "--due", "2026-12-31",
             "--as", "chutich"],
            ["accept", "KH-2", "--as", "tu"],
        ] { try r.expectSuccess(step) }
        r.now = "2026-11-13T07:30:00+07:00"
        let pass = try remind()
        #expect(pass.status == 69)
        #expect(pass.stdout.contains("không có địa chỉ: đơn vị Ấp 1 không có địa chỉ email"))
        #expect(pass.stderr.contains("1 nhóm việc không có địa chỉ"))
        #expect(try await box.waitFor(1).count == 1)
        let unreachable = try r.jsonArray(["reminders", "--status", "unreachable", "--unit", "ap1", "--json"])
        #expect(unreachable.first?["notices"] as? [String] == ["KH-2|report:2026-11|before:5"])
        // Recorded once: the next pass does not report it again.
        #expect(try remind().status == 0)
    }

    @Test func anAddressThatIsNotAnAddressFailsAloneAndNeverBecomesAnOption() async throws {
        try r.expectRefusal(
            ["user", "add", "x", "--name", "X", "--role", "officer", "--unit", "vhxh", "--email=-oQ/tmp@xa.vn",
             "--as", "quantri"], 65, "không hợp lệ")
        try r.expectSuccess([
            "user", "add", "binh", "--name", "Lê Bình", "--role", "officer", "--unit", "vhxh", "--email", "binh@xã.vn",
            "--as", "quantri",
        ])
        r.now = "2026-11-13T07:30:00+07:00"
        let pass = try remind()
        #expect(pass.status == 69)
        #expect(pass.stdout.contains("địa chỉ email 'binh@xã.vn' không hợp lệ"), "\(pass.stdout)")
        #expect(try await box.waitFor(1).count == 1)
        #expect(Set(try statuses()) == ["accepted", "failed"])
    }

    @Test func theLoopWakesAtTheNextNoticeAndStopsOnSIGTERM() async throws {
        let out = r.folder.appendingPathComponent("loop.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let process = Process()
        process.executableURL = RoRunner.binary
        process.arguments = ["remind", "--loop"]
        // Two seconds before the first notice of the month.
        process.environment = ProcessInfo.processInfo.environment.merging([
            "RO_DB": r.db, "RO_NOW": "2026-11-13T06:59:58+07:00", "RO_SENDMAIL": TestMailbox.sendmail,
            "RO_MAIL_FROM": box.address("ro"),
        ]) { $1 }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let mails = try await box.waitFor(1)
        process.terminate()
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(mails.count == 1)
        let printed = try String(contentsOf: out, encoding: .utf8)
        #expect(printed.contains("Không có thư nào cần gửi"))
        #expect(printed.contains("Lần nhắc tiếp theo: 2026-11-13 07:00."))
        #expect(printed.contains("MTA đã nhận: \(box.address("lan"))"))
    }
}
