import Foundation
import Hummingbird
import HummingbirdAuth
import Mustache
import RoDomain
import RoHandlers
import ServiceLifecycle

/// The web front of Rõ, used by `ro serve` and by the tests: pages for people,
/// sessions in HttpOnly cookies, every action through the CLI's handlers.
///
/// - Parameter services: further services run with the server (the scheduler).
public func buildApplication(
    _ dependencies: WebDependencies, configuration: ApplicationConfiguration = .init(), services: [any Service] = []
) async throws -> some ApplicationProtocol {
    let templates = try await MustacheLibrary(directory: Bundle.module.resourcePath! + "/Templates")
    let pages = Pages(templates: templates, handler: dependencies.handler, evidence: dependencies.evidence)
    let sessions = MemoryPersistDriver()
    let router = Router(context: WebContext.self)
    router.add(middleware: BlockingMiddleware(executor: .shared))
    router.add(middleware: ErrorPages(pages: pages))
    router.add(middleware: SessionMiddleware(
        storage: sessions,
        configuration: .init(sessionCookieParameters: .init(
            name: "ro_session", secure: dependencies.secureCookies, sameSite: .strict))))
    router.add(middleware: SessionUser(handler: dependencies.handler))
    let throttle = SignInThrottle()
    SignIn(pages: pages, handler: dependencies.handler, throttle: throttle).add(to: router)
    API(handler: dependencies.handler, throttle: throttle, evidence: dependencies.evidence).add(to: router)
    let signedIn = router.group().add(middleware: RequireSignIn())
    pages.add(to: signedIn)
    return Application(router: router, configuration: configuration, services: [sessions] + services)
}

/// Finds the user of the session, if any, for the routes after it.
struct SessionUser: RouterMiddleware {
    let handler: CommandHandler

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let session = context.sessions.session {
            let directory = try handler.directory()
            context.identity = directory.activeUser(Login(unchecked: session.login))
        }
        return try await next(request, context)
    }
}

/// Sends whoever is not signed in to the sign-in page.
struct RequireSignIn: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard context.identity != nil else {
            return Response.redirect(to: "/dang-nhap", type: .found)
        }
        return try await next(request, context)
    }
}
