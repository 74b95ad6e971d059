import ArgumentParser
import Foundation
import Hummingbird
import RoDomain
import RoHandlers
import RoMail
import RoScheduler
import RoServer
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy trang web của Rõ (đăng nhập, tình hình báo cáo, duyệt báo cáo) cùng bộ nhắc việc.",
        discussion: """
            Dừng bằng SIGTERM hoặc Ctrl-C. Bộ nhắc việc chạy trong cùng tiến trình như ro remind --loop
            (--no-scheduler để tắt); cấu hình thư như ro remind (RO_SENDMAIL, RO_MAIL_FROM).
            """)

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Địa chỉ lắng nghe.") var host = "127.0.0.1"
    @Option(name: .long, help: "Cổng.") var port = 8080
    @Flag(name: .long, help: "Không chạy bộ nhắc việc trong tiến trình này.") var noScheduler = false
    @Flag(name: .long, help: "Cookie chỉ gửi qua HTTPS (bật khi chạy sau một proxy HTTPS).") var secureCookies = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("cổng \(port) nằm ngoài khoảng 1–65535") }
    }

    func run() async throws {
        let handler = try store.handler()
        var services: [any Service] = []
        if !noScheduler {
            let runner = try Remind.runner(
                handler.store, clock: try store.runningClock(), sendmail: nil, from: nil, checkProgram: true)
            services.append(ReminderService(runner: runner, storePath: store.path) { result in
                if case .failure(let error) = result { FileHandle.standardError.write(Data("ro: \(error)\n".utf8)) }
            })
        }
        let app = try await buildApplication(
            WebDependencies(handler: handler, evidence: EvidenceStore(beside: store.path), secureCookies: secureCookies),
            configuration: .init(address: .hostname(host, port: port), serverName: "ro"), services: services)
        try await app.runService()
    }
}
