import Foundation
import Hummingbird
import HummingbirdAuth
import RoDomain
import RoHandlers

/// What a signed-in browser carries: who, and the token its forms must send back.
public struct WebSession: Codable, Sendable {
    public var login: String
    /// The CSRF token of every form drawn for this session.
    public var csrf: String
}

/// The request context of every route: the session, and the user it belongs to.
public typealias WebContext = BasicSessionRequestContext<WebSession, Directory.User>

/// What the web front needs, passed in: the command handler (the store and the
/// clock; tests give theirs), and whether cookies are for HTTPS only.
public struct WebDependencies: Sendable {
    public var handler: CommandHandler
    /// Where report evidence is kept, by content.
    public var evidence: EvidenceStore
    public var secureCookies: Bool

    public init(handler: CommandHandler, evidence: EvidenceStore, secureCookies: Bool) {
        self.handler = handler
        self.evidence = evidence
        self.secureCookies = secureCookies
    }
}

/// A page or an error a route answers with, in Vietnamese.
struct WebError: Error {
    var status: HTTPResponse.Status
    var message: String
}

extension WebContext {
    /// The session a form was posted in, if the form carries that session's
    /// CSRF token; a form without it (forged, or drawn for another session) is refused.
    func session(posting token: String?) throws -> WebSession {
        guard let session = sessions.session, let token, token == session.csrf else {
            throw WebError(status: .forbidden, message: "biểu mẫu đã cũ hoặc không hợp lệ; hãy tải lại trang")
        }
        return session
    }
}

extension WebError {
    /// Reads input, a fault becoming a 400 with its one Vietnamese line.
    static func reading<T>(_ body: () throws(InputError) -> T) throws(WebError) -> T {
        do { return try body() } catch { throw WebError(status: .badRequest, message: error.message) }
    }
}
