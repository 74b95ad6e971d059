import Foundation
import Testing

@testable import RoMail

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Sendmail transport with a fake sendmail program")
struct SendmailTests {
    let sender = try! MailAddress("bounces@nhontrach.gov.vn")

    func transport(_ fake: FakeSendmail, retries: Int = 2, sleeps: SleepRecorder = SleepRecorder(), timeout: Duration = .seconds(20))
        -> Sendmail
    {
        Sendmail(
            program: fake.program, envelopeSender: sender, timeout: timeout, retries: retries, backoff: .seconds(2),
            sleep: sleeps.sleep)
    }

    @Test("Arguments are exactly -i -f SENDER -- ADDRESS…, and the message arrives whole on stdin")
    func argumentsAndInput() async throws {
        let fake = try FakeSendmail(exitStatus: 0)
        defer { fake.remove() }
        let message = try MailMessage(
            from: Mailbox("ro@nhontrach.gov.vn", displayName: Fixtures.commune),
            to: [Mailbox("vanhoa@nhontrach.gov.vn", displayName: Fixtures.unit), Mailbox("kinhte@nhontrach.gov.vn")],
            subject: Fixtures.subject, body: Fixtures.body, date: Fixtures.date, messageID: "a1@ro.nhontrach.gov.vn")
        let outcome = await transport(fake).send(message)
        #expect(outcome == .accepted)
        #expect(fake.calls == 1)
        #expect(
            fake.arguments(ofCall: 1)
                == ["-i", "-f", "bounces@nhontrach.gov.vn", "--", "vanhoa@nhontrach.gov.vn", "kinhte@nhontrach.gov.vn"])
        #expect(fake.input(ofCall: 1) == message.rendered())
    }

    @Test("Exit 75 is retried with doubling backoff, then reported as temporary with what the program said")
    func temporaryRetried() async throws {
        let fake = try FakeSendmail(exitStatus: 75, stderr: "451 4.3.0 hàng đợi đầy\nthêm dòng")
        defer { fake.remove() }
        let sleeps = SleepRecorder()
        let outcome = await transport(fake, sleeps: sleeps).send(try Fixtures.message())
        #expect(outcome == .temporaryFailure(status: 75, detail: "451 4.3.0 hàng đợi đầy / thêm dòng"))
        #expect(fake.calls == 3)
        #expect(sleeps.waits == [.seconds(2), .seconds(4)])
        #expect(outcome.description == "gửi thư lỗi tạm thời (mã 75): 451 4.3.0 hàng đợi đầy / thêm dòng; có thể gửi lại sau")
    }

    @Test("A temporary failure followed by success is accepted")
    func temporaryThenAccepted() async throws {
        let fake = try FakeSendmail(exitStatus: 0, exitStatusOfCall: [1: 71])
        defer { fake.remove() }
        let sleeps = SleepRecorder()
        let outcome = await transport(fake, sleeps: sleeps).send(try Fixtures.message())
        #expect(outcome == .accepted)
        #expect(fake.calls == 2)
        #expect(sleeps.waits == [.seconds(2)])
        #expect(fake.input(ofCall: 2) == fake.input(ofCall: 1))
    }

    @Test("Exit 67 (EX_NOUSER) is permanent at once", arguments: [Int32(67), 1, 64, 69, 78])
    func permanent(_ status: Int32) async throws {
        let fake = try FakeSendmail(exitStatus: status, stderr: "550 5.1.1 không có người nhận này")
        defer { fake.remove() }
        let sleeps = SleepRecorder()
        let outcome = await transport(fake, sleeps: sleeps).send(try Fixtures.message())
        #expect(outcome == .permanentFailure(status: status, detail: "550 5.1.1 không có người nhận này"))
        #expect(fake.calls == 1)
        #expect(sleeps.waits.isEmpty)
        #expect(outcome.description == "gửi thư thất bại (mã \(status)): 550 5.1.1 không có người nhận này")
    }

    @Test("A missing or non-executable program is permanent, naming the path")
    func missingProgram() async throws {
        let sleeps = SleepRecorder()
        let missing = Sendmail(program: "/nonexistent/ro/sendmail", envelopeSender: sender, sleep: sleeps.sleep)
        let outcome = await missing.send(try Fixtures.message())
        #expect(outcome == .permanentFailure(status: nil, detail: "không tìm thấy chương trình gửi thư '/nonexistent/ro/sendmail'"))
        #expect(outcome.description == "gửi thư thất bại: không tìm thấy chương trình gửi thư '/nonexistent/ro/sendmail'")

        let fake = try FakeSendmail(exitStatus: 0)
        defer { fake.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: fake.program)
        let notExecutable = await transport(fake, sleeps: sleeps).send(try Fixtures.message())
        guard case .permanentFailure(nil, let detail) = notExecutable else {
            Issue.record("expected a permanent failure, got \(notExecutable)")
            return
        }
        #expect(detail.contains(fake.program))
        #expect(fake.calls == 0)
        #expect(sleeps.waits.isEmpty)
    }

    @Test("A file the system cannot run is permanent; one it cannot run just now (busy) is temporary")
    func cannotStart() async throws {
        let fake = try FakeSendmail(exitStatus: 0)
        defer { fake.remove() }
        let sleeps = SleepRecorder()
        let garbage = fake.directory.appendingPathComponent("garbage").path
        try Data([0x7F, 0x45, 0x4C, 0x46, 1, 2, 3]).write(to: URL(fileURLWithPath: garbage))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: garbage)
        let notAProgram = await Sendmail(program: garbage, envelopeSender: sender, sleep: sleeps.sleep)
            .send(try Fixtures.message())
        guard case .permanentFailure(nil, let detail) = notAProgram else {
            Issue.record("expected a permanent failure, got \(notAProgram)")
            return
        }
        #expect(detail.hasPrefix("không chạy được chương trình gửi thư '\(garbage)'"))
        #expect(sleeps.waits.isEmpty)

        // Open for writing (here, by this process): exec fails with ETXTBSY.
        let writing = try #require(FileHandle(forWritingAtPath: fake.program))
        defer { try? writing.close() }
        let busy = await transport(fake, retries: 1, sleeps: sleeps).send(try Fixtures.message())
        guard case .temporaryFailure(71, let busyDetail) = busy else {
            Issue.record("expected a temporary failure, got \(busy)")
            return
        }
        #expect(busyDetail.hasPrefix("không chạy được chương trình gửi thư '\(fake.program)'"))
        #expect(sleeps.waits == [.seconds(2)])
        #expect(fake.calls == 0)
    }

    @Test("A program that hangs is killed at the timeout, and that is temporary")
    func timeout() async throws {
        let fake = try FakeSendmail(script: "#!/bin/bash\necho $$ > '$DIR/pid'\nexec sleep 30\n")
        defer { fake.remove() }
        let outcome = await transport(fake, retries: 0, timeout: .milliseconds(500)).send(try Fixtures.message())
        #expect(outcome == .temporaryFailure(status: 128 + SIGKILL, detail: "\(fake.program) chạy quá 0,5 giây nên đã bị dừng"))
        let pidText = try String(contentsOf: fake.directory.appendingPathComponent("pid"), encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the hanging program is still there")
    }

    @Test("A script's own children die with it at the timeout")
    func timeoutKillsGroup() async throws {
        let fake = try FakeSendmail(script: "#!/bin/bash\nbash -c 'echo $$ > \"$DIR/child\"; exec sleep 30'\n")
        defer { fake.remove() }
        let outcome = await transport(fake, retries: 0, timeout: .milliseconds(500)).send(try Fixtures.message())
        #expect(outcome.isTemporaryFailure)
        let pidText = try String(contentsOf: fake.directory.appendingPathComponent("child"), encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The grandchild is not ours to reap: wait until it is gone or a zombie.
        let deadline = ContinuousClock.now + .seconds(5)
        while isRunning(pid), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!isRunning(pid), "the script's child \(pid) survived the timeout")
    }

    /// Whether process `pid` exists and is not a zombie.
    func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }

    @Test("A program that leaves a daemon behind (as an MTA's delivery process) is done when it exits")
    func daemonLeftBehind() async throws {
        let fake = try FakeSendmail(
            script: "#!/bin/bash\ncat > /dev/null\nsetsid sleep 600 < /dev/null > /dev/null 2>&1 &\necho $! > '$DIR/daemon'\nexit 0\n")
        defer { fake.remove() }
        let outcome = await transport(fake, retries: 0).send(try Fixtures.message())
        let text = try String(contentsOf: fake.directory.appendingPathComponent("daemon"), encoding: .utf8)
        let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The send is over and the daemon still runs: the send did not wait for it.
        let daemonAlive = kill(pid, 0) == 0
        kill(pid, SIGKILL)
        #expect(outcome == .accepted)
        #expect(daemonAlive, "the send waited for the daemon to end")
    }

    @Test("A program killed by a signal is a temporary failure")
    func killedBySignal() async throws {
        let fake = try FakeSendmail(script: "#!/bin/bash\ncat > /dev/null\nkill -KILL $$\n")
        defer { fake.remove() }
        let outcome = await transport(fake, retries: 0).send(try Fixtures.message())
        #expect(outcome == .temporaryFailure(status: 128 + SIGKILL, detail: "\(fake.program) bị dừng bởi tín hiệu \(SIGKILL)"))
    }

    @Test("A program that exits without reading a large message neither kills us (SIGPIPE) nor counts as accepted")
    func exitsWithoutReading() async throws {
        let fake = try FakeSendmail(script: "#!/bin/bash\nexit 0\n")
        defer { fake.remove() }
        let body = String(repeating: "Dòng nội dung dài để vượt quá bộ đệm của ống dẫn. ", count: 40_000)
        let outcome = await transport(fake, retries: 0).send(try Fixtures.message(body: body))
        #expect(outcome.isTemporaryFailure)
        #expect(!outcome.isAccepted)
    }

    @Test("A program that writes a lot to stderr before reading does not deadlock")
    func chattyProgram() async throws {
        let fake = try FakeSendmail(script: "#!/bin/bash\nhead -c 1000000 /dev/zero | tr '\\0' x >&2\ncat > '$DIR/in'\nexit 0\n")
        defer { fake.remove() }
        let message = try Fixtures.message(body: String(repeating: "nội dung ", count: 20_000))
        let outcome = await transport(fake, retries: 0).send(message)
        #expect(outcome == .accepted)
        #expect(try Data(contentsOf: fake.directory.appendingPathComponent("in")) == message.rendered())
    }

    @Test("Cancelling the sending task stops the program and retries no more")
    func cancellation() async throws {
        let fake = try FakeSendmail(script: "#!/bin/bash\necho call >> '$DIR/calls'\nexec sleep 600\n")
        defer { fake.remove() }
        // Only the cancellation can end it: the timeout is far beyond the test.
        let sendmail = transport(fake, retries: 5, timeout: .seconds(600))
        let message = try Fixtures.message()
        let started = ContinuousClock.now
        let task = Task { await sendmail.send(message) }
        // Cancel once the program runs.
        while fake.calls == 0, ContinuousClock.now - started < .seconds(120) {
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        let outcome = await task.value
        #expect(outcome.isTemporaryFailure)
        #expect(fake.calls == 1)
    }
}
