import Foundation

/// Hands messages to the local MTA through the sendmail program.
///
/// Each attempt runs `PROGRAM -i -f SENDER -- ADDRESS…` with Foundation's
/// `Process` (arguments as an array, never through a shell), recipients given
/// explicitly (never `-t`), the ``MailMessage/rendered()`` message on standard
/// input, and standard output and error captured for the outcome's detail.
/// `-i` keeps a line holding only `.` from ending the message; `--` keeps any
/// later argument from being read as an option.
///
/// The exit status is read as sysexits(3): 0 is ``SendOutcome/accepted``; 75
/// (EX_TEMPFAIL) and 71 (EX_OSERR), death by a signal and running past
/// ``timeout`` (the child's process group is killed with SIGKILL) are
/// temporary, and so is a program the system cannot start just now (ETXTBSY,
/// EAGAIN, …); a program that is missing, not executable or not runnable, and
/// any other status, are permanent. Temporary failures are tried again up to ``retries``
/// times within one ``send(_:)``, after ``backoff``, doubled each time.
public struct Sendmail: MailTransport {
    /// The path of the sendmail program.
    public var program: String
    /// The envelope sender (`-f`): where the MTA returns bounces.
    public var envelopeSender: MailAddress
    /// How long one attempt may run before the program is killed.
    public var timeout: Duration
    /// How many more attempts after a temporary failure (0: one attempt only).
    public var retries: Int
    /// The wait before the first retry; each later wait is twice the one before.
    public var backoff: Duration
    /// How to wait between attempts (injected so tests need not wait).
    public var sleep: @Sendable (Duration) async -> Void

    /// A transport with the given settings; the defaults are Debian's sendmail,
    /// a 60 s timeout and two retries after 2 s and 4 s.
    public init(
        program: String = "/usr/sbin/sendmail", envelopeSender: MailAddress, timeout: Duration = .seconds(60),
        retries: Int = 2, backoff: Duration = .seconds(2),
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.program = program
        self.envelopeSender = envelopeSender
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
    }

    /// The program's arguments for `message`: `-i -f SENDER -- ADDRESS…`.
    public func arguments(for message: MailMessage) -> [String] {
        ["-i", "-f", envelopeSender.text, "--"] + message.envelopeRecipients.map(\.text)
    }

    /// Sends `message`, retrying temporary failures; returns the last outcome.
    /// A cancelled task kills the running program and tries no more.
    public func send(_ message: MailMessage) async -> SendOutcome {
        var delay = backoff
        var attempt = 0
        while true {
            let outcome = await sendOnce(message)
            guard outcome.isTemporaryFailure, attempt < retries, !Task.isCancelled else { return outcome }
            await sleep(delay)
            if Task.isCancelled { return outcome }
            attempt += 1
            delay = delay * 2
        }
    }

    /// One attempt, without retrying.
    public func sendOnce(_ message: MailMessage) async -> SendOutcome {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: program, isDirectory: &isDirectory) else {
            return .permanentFailure(status: nil, detail: "không tìm thấy chương trình gửi thư '\(program)'")
        }
        guard !isDirectory.boolValue, files.isExecutableFile(atPath: program) else {
            return .permanentFailure(
                status: nil, detail: "chương trình gửi thư '\(program)' không chạy được (không phải tệp có quyền chạy)")
        }
        let result: ChildProcess.Result
        do {
            result = try await ChildProcess.run(
                executable: program, arguments: arguments(for: message), input: message.rendered(), timeout: timeout)
        } catch {
            // Could not start it: permanent when the file cannot be run at all,
            // temporary (as EX_OSERR) when the system could not start it now
            // (ETXTBSY, EAGAIN, ENOMEM, …).
            let code = Self.posixCode(of: error)
            let reason = code.map { ": " + String(cString: strerror($0)) } ?? ""
            let detail = "không chạy được chương trình gửi thư '\(program)'" + reason
            if let code, ![ENOENT, EACCES, ENOEXEC, ENOTDIR, ELOOP].contains(code) {
                return .temporaryFailure(status: 71, detail: detail)
            }
            return .permanentFailure(status: nil, detail: detail)
        }
        let said = Self.firstLines(result.output)
        switch result.ending {
        case .exited(0) where result.inputWritten:
            return .accepted
        case .exited(0):
            return .temporaryFailure(status: 0, detail: "\(program) thoát mà không đọc hết thư")
        case .exited(let status) where status == 75 || status == 71:
            return .temporaryFailure(status: status, detail: said ?? "\(program) báo lỗi tạm thời")
        case .exited(let status):
            return .permanentFailure(status: status, detail: said ?? "\(program) từ chối thư")
        case .signaled(let signal):
            return .temporaryFailure(
                status: 128 + signal, detail: "\(program) bị dừng bởi tín hiệu \(signal)" + (said.map { ": \($0)" } ?? ""))
        case .timedOut(let signal):
            return .temporaryFailure(
                status: 128 + signal, detail: "\(program) chạy quá \(Self.seconds(timeout)) giây nên đã bị dừng")
        case .cancelled(let signal):
            return .temporaryFailure(status: 128 + signal, detail: "việc gửi thư bị hủy nên \(program) đã bị dừng")
        }
    }

    /// The POSIX error number behind an error `Process.run()` threw, if any.
    static func posixCode(of error: any Error) -> Int32? {
        var current: NSError? = error as NSError
        while let nsError = current {
            if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
            current = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return nil
    }

    /// The first non-empty lines the program wrote (at most three, 300
    /// characters), joined with ` / `; `nil` when it wrote nothing.
    static func firstLines(_ output: String) -> String? {
        let lines = output.split(whereSeparator: \.isNewline)
            .map { HeaderText.singleLine(String($0)) }
            .filter { !$0.isEmpty }
            .prefix(3)
        guard !lines.isEmpty else { return nil }
        let joined = lines.joined(separator: " / ")
        return joined.count > 300 ? String(joined.prefix(300)) + "…" : joined
    }

    /// A duration in seconds for people: `60`, `0,5`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds != 0 else { return "\(seconds)" }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return String(format: "%.3g", value).replacingOccurrences(of: ".", with: ",")
    }
}
