import Foundation
import Hummingbird

/// Reading HTML forms (`application/x-www-form-urlencoded`), with a size limit.
enum Forms {
    /// Larger bodies are refused (413) before they are read.
    static let limit = 64 * 1024

    static func read(_ request: Request) async throws -> [String: String] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw WebError(status: .contentTooLarge, message: "nội dung gửi lên quá lớn (tối đa \(limit / 1024) KB)")
        }
        let text = String(buffer: buffer)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let key = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else {
                throw WebError(status: .badRequest, message: "biểu mẫu gửi lên không đọc được")
            }
            fields[key] = value
        }
        return fields
    }
}

/// An HTML page.
struct HTML: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var text: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
