import Foundation
import Hummingbird

/// Turns a refusal into a page (or, under /api/, JSON) with its status code,
/// in Vietnamese; nothing was written.
struct ErrorPages: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return try page(error.status, error.message, request, context)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? "không có trang này" : "yêu cầu không hợp lệ"
            return try page(error.status, message, request, context)
        }
    }

    /// `{"error": "…"}` with its status.
    static func json(_ status: HTTPResponse.Status, _ message: String) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(["error": message]))))
    }

    func page(_ status: HTTPResponse.Status, _ message: String, _ request: Request, _ context: WebContext) throws -> Response {
        if request.uri.path.hasPrefix("/api/") { return try Self.json(status, message) }
        var model = pages.model("Không thực hiện được", context)
        model.error = message
        return try pages.render("error", model, status: status).response(from: request, context: context)
    }
}
