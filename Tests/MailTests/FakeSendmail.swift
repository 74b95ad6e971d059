import Foundation
import RoMail

/// A stand-in for the sendmail program: a bash script in a temporary folder
/// that records each call (its arguments, NUL-separated, and its standard
/// input), then does what the test asks.
struct FakeSendmail {
    let directory: URL
    var program: String { directory.appendingPathComponent("sendmail").path }

    /// A script that records the call, runs `then` (bash), and exits with
    /// `exitStatus`; `exitStatusOfCall` overrides it for given call numbers (1-based).
    init(exitStatus: Int32, stderr: String = "", exitStatusOfCall: [Int: Int32] = [:], then: String = "") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ro-fake-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let overrides = exitStatusOfCall.sorted { $0.key < $1.key }
            .map { "if [ \"$call\" = \($0.key) ]; then status=\($0.value); fi" }
            .joined(separator: "\n")
        try Self.write(
            script: """
                #!/bin/bash
                dir='\(directory.path)'
                echo call >> "$dir/calls"
                call=$(wc -l < "$dir/calls")
                printf '%s\\0' "$@" > "$dir/argv.$call"
                cat > "$dir/stdin.$call"
                printf '%s' '\(stderr)' >&2
                \(then)
                status=\(exitStatus)
                \(overrides)
                exit $status
                """, to: program)
    }

    /// A script of the test's own (its first line must be the `#!` line).
    init(script: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ro-fake-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.write(script: script.replacingOccurrences(of: "$DIR", with: directory.path), to: program)
    }

    /// Writes the script through `install(1)`, a child process: were this
    /// process to hold the file open for writing while a parallel test spawns a
    /// program, that child would inherit the descriptor for a moment and running
    /// the script could fail with ETXTBSY ("Text file busy").
    private static func write(script: String, to path: String) throws {
        let source = path + ".src"
        try Data(script.utf8).write(to: URL(fileURLWithPath: source))
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/usr/bin/install")
        install.arguments = ["-m", "755", source, path]
        try install.run()
        install.waitUntilExit()
        guard install.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// How many times the script ran.
    var calls: Int {
        let text = (try? String(contentsOf: directory.appendingPathComponent("calls"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").count
    }

    /// The arguments of call `number` (1-based).
    func arguments(ofCall number: Int) -> [String]? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("argv.\(number)")) else { return nil }
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The standard input of call `number` (1-based).
    func input(ofCall number: Int) -> Data? {
        try? Data(contentsOf: directory.appendingPathComponent("stdin.\(number)"))
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Records the waits a transport asks for, instead of waiting.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var waits: [Duration] { lock.withLock { recorded } }

    var sleep: @Sendable (Duration) async -> Void {
        { duration in self.lock.withLock { self.recorded.append(duration) } }
    }
}

/// Messages the tests share.
enum Fixtures {
    static let commune = "Ủy ban nhân dân xã Nhơn Trạch"
    static let unit = "Phòng Văn hóa - Xã hội"
    static let subject = "Nhắc việc: báo cáo tháng 11/2026 — Phòng Văn hóa - Xã hội"
    static let body = """
        Kính gửi Phòng Văn hóa - Xã hội,

        Nhiệm vụ "Chuyển đổi số trong quản lý hồ sơ" cần báo cáo tháng 11/2026 trước ngày 20.
        Hạn chót: 00:00 ngày 20/11/2026 (giờ Việt Nam).
        .
        From đây là dòng bắt đầu bằng From.
        Trân trọng,
        Hệ thống Rõ
        """

    /// 2026-11-25 07:00:00 +0700 (00:00:00 UTC).
    static let date = Date(timeIntervalSince1970: 1_795_564_800)

    static func message(
        subject: String = subject, body: String = body, fromName: String? = commune, toName: String? = unit,
        to address: String = "vanhoa@nhontrach.gov.vn", messageID: String = "\(UUID().uuidString)@ro.nhontrach.gov.vn",
        extraHeaders: [(name: String, value: String)] = [("X-Ro-Reminder", "task-42/2026-11")]
    ) throws -> MailMessage {
        try MailMessage(
            from: Mailbox("ro@nhontrach.gov.vn", displayName: fromName),
            to: [Mailbox(address, displayName: toName)],
            subject: subject, body: body, date: date, messageID: messageID, extraHeaders: extraHeaders)
    }
}
