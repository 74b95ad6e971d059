import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import RoDomain
import RoHandlers

/// Signing in with a password (bcrypt), throttled; signing out.
struct SignIn {
    let pages: Pages
    let handler: CommandHandler
    let throttle: SignInThrottle

    func add(to router: Router<WebContext>) {
        router.get("/dang-nhap") { _, _ in try pages.render("sign-in", Pages.Model(title: "Đăng nhập")) }
        router.post("/dang-nhap") { request, context in try await signIn(request, context) }
        router.post("/dang-xuat") { request, context in
            let form = try await Forms.read(request)
            _ = try context.session(posting: form["csrf"])
            context.sessions.clearSession()
            return Response.redirect(to: "/dang-nhap", type: .found)
        }
    }

    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await Forms.read(request)
        let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        let now = handler.clock.now()
        if let wait = throttle.wait(login, now: now) {
            var model = Pages.Model(title: "Đăng nhập")
            model.error = "Sai quá nhiều lần. Thử lại sau \(Int(wait / 60) + 1) phút."
            return try pages.render("sign-in", model, status: .tooManyRequests).response(from: request, context: context)
        }
        let directory = try handler.directory()
        let user = directory.users[Login(unchecked: login)]
        let hash = user.flatMap { directory.passwords[$0.login] }
        guard let user, let hash, Bcrypt.verify(password, hash: hash) else {
            throttle.failed(login, now: now)
            var model = Pages.Model(title: "Đăng nhập")
            model.error = "Tên đăng nhập hoặc mật khẩu không đúng."
            return try pages.render("sign-in", model, status: .unauthorized).response(from: request, context: context)
        }
        throttle.succeeded(login)
        guard directory.deactivated[user.login] == nil else {
            var model = Pages.Model(title: "Đăng nhập")
            model.error = "Tài khoản này đã bị khóa. Hãy liên hệ người quản trị."
            return try pages.render("sign-in", model, status: .forbidden).response(from: request, context: context)
        }
        context.sessions.createSession(WebSession(login: user.login.rawValue, csrf: EventToken.make()))
        return Response.redirect(to: "/", type: .found)
    }
}

/// Failed sign-ins per login: after five within a quarter of an hour, the
/// login waits out the rest of that quarter.
final class SignInThrottle: @unchecked Sendable {
    static let allowed = 5
    static let window: TimeInterval = 15 * 60
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]

    func wait(_ login: String, now: Date) -> TimeInterval? {
        lock.withLock {
            let recent = (failures[login] ?? []).filter { now.timeIntervalSince($0) < Self.window }
            failures[login] = recent
            guard recent.count >= Self.allowed, let first = recent.first else { return nil }
            return Self.window - now.timeIntervalSince(first)
        }
    }

    func failed(_ login: String, now: Date) { lock.withLock { failures[login, default: []].append(now) } }
    func succeeded(_ login: String) { lock.withLock { failures[login] = nil } }
}

/// Random tokens for sessions' CSRF checks.
enum EventToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
