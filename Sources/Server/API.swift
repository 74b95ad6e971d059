import Foundation
import Hummingbird
import HummingbirdAuth
import Crypto
import HummingbirdBcrypt
import RoDomain
import RoEventStore
import RoHandlers

/// The JSON API: the same reads and actions as the pages, for programs,
/// described by `/api/openapi.yaml`. Each request carries the user's login and
/// password (HTTP Basic, over HTTPS in production); no cookies, so no CSRF.
/// Answers use the names of `ro … --json`; errors are `{"error": "…"}`.
struct API {
    let handler: CommandHandler
    let throttle: SignInThrottle
    let evidence: EvidenceStore

    func add(to router: Router<WebContext>) {
        router.get("/api/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Templates"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw WebError(status: .internalServerError, message: "thiếu tài liệu OpenAPI") }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let api = router.group("/api").add(middleware: BasicUser(handler: handler, throttle: throttle))
        addReads(to: api)
        addWrites(to: api)
    }

    /// The signed-in user of an API call (BasicUser put them there).
    static func user(_ context: WebContext) throws -> Directory.User {
        guard let user = context.identity else { throw WebError(status: .unauthorized, message: "chưa đăng nhập") }
        return user
    }

    /// A month from the query; the current month when absent (an empty one is not absent).
    static func period(_ text: String?, now: Date) throws -> Period {
        guard let text else { return Period.containing(now) }
        return try month(text)
    }

    /// A month a write names; it must be given.
    static func month(_ text: String) throws -> Period {
        do { return try Period.parse(text) } catch { throw WebError(status: .badRequest, message: error.message) }
    }

    static func task(_ text: String?) throws -> TaskID {
        do { return try TaskID.parse(text ?? "") } catch { throw WebError(status: .badRequest, message: error.message) }
    }
}

/// A JSON body with the names of `ro … --json`.
struct JSON<Value: Encodable>: ResponseGenerator {
    var value: Value
    init(_ value: Value) { self.value = value }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONOutput.encoder(pretty: false).encode(value))))
    }
}

/// The API's user, from HTTP Basic credentials checked against the bcrypt hash.
struct BasicUser: RouterMiddleware {
    let handler: CommandHandler
    let throttle: SignInThrottle
    let passwords = VerifiedPasswords()

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard let basic = request.headers.basic else {
            var response = try ErrorPages.json(.unauthorized, "cần tên đăng nhập và mật khẩu (HTTP Basic)")
            response.headers[.wwwAuthenticate] = #"Basic realm="ro", charset="UTF-8""#
            return response
        }
        let now = handler.clock.now()
        if throttle.wait(basic.username, now: now) != nil {
            return try ErrorPages.json(.tooManyRequests, "sai quá nhiều lần; thử lại sau")
        }
        let directory = try handler.directory()
        guard let user = directory.users[Login(unchecked: basic.username)],
            let hash = directory.passwords[user.login], passwords.verify(user.login, basic.password, hash: hash, now: now)
        else {
            throttle.failed(basic.username, now: now)
            return try ErrorPages.json(.unauthorized, "tên đăng nhập hoặc mật khẩu không đúng")
        }
        guard directory.deactivated[user.login] == nil else {
            return try ErrorPages.json(.forbidden, "tài khoản đã bị khóa")
        }
        var context = context
        context.identity = user
        return try await next(request, context)
    }
}

/// Passwords that passed bcrypt lately, kept for a few minutes as an HMAC
/// under a key that lives in memory only, so a program calling the API often
/// pays bcrypt once, not on every call. A wrong password, or a password hash
/// changed since (`ro user password`), goes to bcrypt again.
final class VerifiedPasswords: @unchecked Sendable {
    static let lifetime: TimeInterval = 5 * 60
    private let key = SymmetricKey(size: .bits256)
    private let lock = NSLock()
    private var verified: [Login: (hash: String, digest: Data, until: Date)] = [:]

    func verify(_ login: Login, _ password: String, hash: String, now: Date) -> Bool {
        let digest = Data(HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: key))
        let known = lock.withLock {
            verified[login].map { $0.hash == hash && $0.digest == digest && now < $0.until } ?? false
        }
        if known { return true }
        guard Bcrypt.verify(password, hash: hash) else { return false }
        lock.withLock { verified[login] = (hash, digest, now.addingTimeInterval(Self.lifetime)) }
        return true
    }
}
