import ArgumentParser
import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoMail
import RoScheduler
import ServiceLifecycle

struct Remind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhắc việc: gửi thư nhắc các việc sắp đến hạn và quá hạn, mỗi người một thư.",
        discussion: """
            Mỗi lượt: ghi ý định gửi vào kho trước khi gọi sendmail, ghi kết quả sau; chạy lại không gửi trùng,
            và gửi lại những thư lượt trước chưa gửi xong. Chạy một lượt từ cron hoặc systemd timer,
            hoặc --loop để chạy liên tục (dừng bằng SIGTERM hoặc Ctrl-C).
            Chương trình sendmail: --sendmail hoặc biến RO_SENDMAIL (mặc định /usr/sbin/sendmail).
            Địa chỉ gửi: --from hoặc biến RO_MAIL_FROM (mặc định ro@localhost).
            Mã thoát 69: không chạy được sendmail, hoặc có thư không gửi được (đã ghi nhận, xem ro reminders).
            """)

    @OptionGroup var store: StoreOptions
    @Flag(name: .long, help: "Chỉ in những thư sẽ gửi; không ghi, không gửi gì.") var dryRun = false
    @Flag(name: .long, help: "Chạy liên tục, thức dậy khi đến hạn nhắc tiếp theo.") var loop = false
    @Option(name: .long, help: "Đường dẫn chương trình sendmail.") var sendmail: String?
    @Option(name: .long, help: "Địa chỉ người gửi (cũng là địa chỉ nhận thư báo lỗi).") var from: String?
    @Flag(name: .long, help: "In kết quả dạng JSON.") var json = false

    func validate() throws {
        if dryRun && loop { throw ValidationError("--dry-run và --loop không dùng cùng nhau") }
    }

    func run() async throws {
        let database = try store.open()
        let runner = try Self.runner(
            database, clock: loop ? try store.runningClock() : try store.clock(), sendmail: sendmail, from: from,
            checkProgram: !dryRun)
        if loop {
            let service = ReminderService(runner: runner, storePath: store.path) { [json] result in
                switch result {
                case .success(let report): RemindOutput.print(report, json: json)
                case .failure(let error): FileHandle.standardError.write(Data("ro: \(describe(error))\n".utf8))
                }
            }
            let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint])
            try await group.run()
            return
        }
        let lock: RunLock?
        do { lock = try RunLock(beside: store.path) } catch { throw Failure(error.message, .storeError) }
        guard let lock else { throw Failure("một lượt nhắc việc khác đang chạy trên kho này; thử lại sau", .conflict) }
        let report: RunReport
        do { report = try await runner.run(dryRun: dryRun) } catch { throw Failure(error) }
        withExtendedLifetime(lock) {}
        RemindOutput.print(report, json: json)
        if let problem = RemindOutput.problems(report) { throw Failure(problem, .unavailable) }
    }

    /// The scheduler's runner with the configured sendmail and sender (also `ro serve`'s).
    static func runner(
        _ database: SQLiteEventStore, clock: any TimeSource, sendmail: String?, from: String?, checkProgram: Bool
    ) throws -> ReminderRunner {
        let program = sendmail ?? env("RO_SENDMAIL") ?? "/usr/sbin/sendmail"
        let address = from ?? env("RO_MAIL_FROM") ?? "ro@localhost"
        let sender: MailAddress
        do { sender = try MailAddress(address) } catch { throw Failure(error.message, .dataError) }
        if checkProgram {
            guard FileManager.default.isExecutableFile(atPath: program) else {
                throw Failure("không chạy được chương trình sendmail '\(program)' (không có tệp hoặc không có quyền chạy); chưa ghi, chưa gửi gì", .unavailable)
            }
        }
        let commune = try failing { try database.plans() }.compactMap { summary in
            try? database.plan(PlanID(unchecked: summary.id))?.plan.commune.name
        }.first
        let name = commune.map { "UBND \($0.prefix(1).lowercased() + $0.dropFirst())" } ?? "UBND xã"
        let mailer = SendmailMailer(program: program, sender: sender, displayName: "Rõ — \(name)")
        return ReminderRunner(
            store: database, mailer: mailer, clock: clock, messageDomain: String(sender.domain),
            text: ReminderText(sender: name))
    }
}

private func env(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
}

private func describe(_ error: any Error) -> String {
    if let error = error as? StoreError { return error.message }
    return "\(error)"
}
