import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdBcrypt
import RoDomain
import RoEventStore
import RoHandlers

/// The JSON API: the same actions as the pages, for programs, described by
/// `/api/openapi.yaml`. Each request carries the user's login and password
/// (HTTP Basic, over HTTPS in production); no cookies, so no CSRF.
struct API {
    let handler: CommandHandler
    let throttle: SignInThrottle

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
        api.get("/status") { request, context in
            let period = try Self.period(request.uri.queryParameters.get("period"), now: handler.clock.now())
            return JSON(try handler.store.reportStatus(period, now: handler.clock.now()).filter { status in
                context.identity?.role != .officer || status.unit == context.identity?.unit?.rawValue
            })
        }
        api.post("/approve") { request, context in
            let body = try await Self.decode(Decision.self, request, context)
            return try execute(.approve(period: try Self.period(body.period), revision: body.revision, note: body.note), body.task, context)
        }
        api.post("/return") { request, context in
            let body = try await Self.decode(Decision.self, request, context)
            guard let reason = body.reason, !reason.isEmpty else { throw WebError(status: .badRequest, message: "thiếu lý do trả lại") }
            return try execute(.returnReport(period: try Self.period(body.period), revision: body.revision, reason: reason), body.task, context)
        }
    }

    struct Decision: Decodable {
        var task: String
        var period: String
        var revision: Int?
        var note: String?
        var reason: String?
    }

    struct Written: Encodable {
        var positions: [Int64]
        var types: [String]
    }

    func execute(_ command: TaskCommand, _ task: String, _ context: WebContext) throws -> JSON<Written> {
        guard let user = context.identity else { throw WebError(status: .unauthorized, message: "chưa đăng nhập") }
        let id: TaskID
        do { id = try TaskID.parse(task) } catch { throw WebError(status: .badRequest, message: error.message) }
        do {
            let outcome = try handler.execute(command, on: id, context: CommandContext(login: user.login, source: .web))
            return JSON(Written(positions: outcome.events.map(\.position), types: outcome.events.map(\.type)))
        } catch {
            throw WebError(status: Pages.status(error), message: error.message)
        }
    }

    static func period(_ text: String?, now: Date = .distantPast) throws -> Period {
        guard let text else { return Period.containing(now) }
        do { return try Period.parse(text) } catch { throw WebError(status: .badRequest, message: error.message) }
    }

    static func decode<T: Decodable>(_: T.Type, _ request: Request, _ context: WebContext) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: Forms.limit) } catch {
            throw WebError(status: .contentTooLarge, message: "nội dung gửi lên quá lớn")
        }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: buffer)) } catch {
            throw WebError(status: .badRequest, message: "JSON gửi lên không đọc được: \(error)")
        }
    }
}

/// A JSON body with snake_case keys, as the CLI's `--json`.
struct JSON<Value: Encodable>: ResponseGenerator {
    var value: Value
    init(_ value: Value) { self.value = value }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// The API's user, from HTTP Basic credentials checked against the bcrypt hash.
struct BasicUser: RouterMiddleware {
    let handler: CommandHandler
    let throttle: SignInThrottle

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
            let hash = directory.passwords[user.login], Bcrypt.verify(basic.password, hash: hash)
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
