import Foundation
import Hummingbird

/// A JSON request body. Read strictly: a field the API does not know, or a
/// null, is refused with its name, not ignored, so that a misspelt `note`
/// never vanishes silently.
protocol RequestBody: Decodable {
    /// The fields an object may have, by where it sits: `""` the body itself,
    /// `"evidence[]"` each item of its `evidence`. Objects not named here
    /// (the `indicators` map) may have any keys.
    static var fields: [String: Set<String>] { get }
}

extension API {
    struct DecisionBody: RequestBody {
        var task: String
        var period: String
        var revision: Int?
        var note: String?
        var reason: String?
        var commandId: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case task, period, revision, note, reason, commandId = "command_id" }
        static let fields = ["": Set(CodingKeys.allCases.map(\.rawValue))]
    }

    struct ReportBody: RequestBody {
        struct File: Decodable {
            var name: String
            var contentBase64: String
            enum CodingKeys: String, CodingKey, CaseIterable { case name, contentBase64 = "content_base64" }
        }
        var task: String
        var period: String
        var summary: String
        var percentDone: Int?
        var indicators: [String: Double]?
        var output: String?
        var evidence: [File]?
        var commandId: String?
        enum CodingKeys: String, CodingKey, CaseIterable {
            case task, period, summary, percentDone = "percent_done", indicators, output, evidence, commandId = "command_id"
        }
        static let fields = [
            "": Set(CodingKeys.allCases.map(\.rawValue)), "evidence[]": Set(File.CodingKeys.allCases.map(\.rawValue)),
        ]
    }

    struct MonthBody: RequestBody {
        struct Item: Decodable {
            var task: String
            var revision: Int
            enum CodingKeys: String, CodingKey, CaseIterable { case task, revision }
        }
        var period: String
        var items: [Item]
        var commandId: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case period, items, commandId = "command_id" }
        static let fields = ["": Set(CodingKeys.allCases.map(\.rawValue)), "items[]": Set(Item.CodingKeys.allCases.map(\.rawValue))]
    }

    /// The body of a task action; which fields it takes is the action's (``TaskAction/fields``).
    struct ActionBody: Decodable {
        var task: String
        var note: String?
        var reason: String?
        var due: String?
        var output: String?
        var to: String?
        var commandId: String?
        enum CodingKeys: String, CodingKey { case task, note, reason, due, output, to, commandId = "command_id" }
    }

    /// A JSON body of at most `limit` bytes, read into `T`; a fault names the field.
    static func decode<T: Decodable>(
        _: T.Type, _ request: Request, fields: [String: Set<String>], limit: Int = Forms.limit
    ) async throws -> T {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            throw WebError(status: .unsupportedMediaType, message: "nội dung phải gửi dạng application/json")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw WebError(status: .contentTooLarge, message: "nội dung gửi lên quá lớn (tối đa \(limit / 1024) KB)")
        }
        let data = Data(buffer: buffer)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw WebError(status: .badRequest, message: "JSON gửi lên không đọc được")
        }
        guard object is [String: Any] else { throw WebError(status: .badRequest, message: "JSON gửi lên phải là một đối tượng") }
        if let fault = fault(in: object, shape: "", path: "", fields) { throw WebError(status: .badRequest, message: fault) }
        // No key strategy: the bodies name their snake_case keys, and indicator ids stay as sent.
        do { return try JSONDecoder().decode(T.self, from: data) } catch let error as DecodingError {
            throw WebError(status: .badRequest, message: describe(error))
        } catch {
            throw WebError(status: .badRequest, message: "JSON gửi lên không đọc được")
        }
    }

    static func decode<T: RequestBody>(_ type: T.Type, _ request: Request, limit: Int = Forms.limit) async throws -> T {
        try await decode(type, request, fields: T.fields, limit: limit)
    }

    /// The first null or unknown field in `value`, named by its path (`evidence[0].name`).
    static func fault(in value: Any, shape: String, path: String, _ fields: [String: Set<String>]) -> String? {
        if value is NSNull { return "trường '\(path)' không được là null" }
        if let object = value as? [String: Any] {
            let allowed = fields[shape]
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let allowed, !allowed.contains(key) { return "không có trường '\(child)'" }
                let inner = shape.isEmpty ? key : "\(shape).\(key)"
                if let fault = fault(in: object[key]!, shape: inner, path: child, fields) { return fault }
            }
        } else if let array = value as? [Any] {
            for (index, item) in array.enumerated() {
                if let fault = fault(in: item, shape: shape + "[]", path: "\(path)[\(index)]", fields) { return fault }
            }
        }
        return nil
    }

    /// A decoding fault in one line, naming the field as the document does.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let names = (keys + (last.map { [$0] } ?? [])).map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            return names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context): return "thiếu trường '\(path(context.codingPath, key))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return context.codingPath.isEmpty ? "JSON gửi lên phải là một đối tượng" : "trường '\(path(context.codingPath))' sai kiểu"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "JSON gửi lên không đọc được" : "trường '\(path(context.codingPath))' không đọc được"
        @unknown default: return "JSON gửi lên không đọc được"
        }
    }
}
