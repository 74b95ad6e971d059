import Foundation
import Hummingbird
import MultipartKit

/// A `multipart/form-data` body (the report form, with its files), read with
/// MultipartKit's parser.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var data: Data
    }

    /// The whole body may hold this much: a few files of evidence.
    static let limit = 25 * 1024 * 1024

    var parts: [Part] = []

    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The files of a field, without the empty part a browser sends when none was chosen.
    func files(_ name: String) -> [Part] {
        parts.filter { $0.name == name && $0.filename?.isEmpty == false && !$0.data.isEmpty }
    }

    static func read(_ request: Request) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.components(separatedBy: "boundary=").last?.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
            !boundary.isEmpty, !type.components(separatedBy: "boundary=").dropFirst().isEmpty
        else { throw WebError(status: .unsupportedMediaType, message: "biểu mẫu phải gửi dạng multipart/form-data") }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch {
            throw WebError(status: .contentTooLarge, message: "nội dung gửi lên quá lớn (tối đa \(limit / 1024 / 1024) MB)")
        }
        var form = MultipartForm()
        var current = Part(name: "", filename: nil, data: Data())
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            guard name.lowercased() == "content-disposition" else { return }
            current.name = Self.parameter("name", in: value) ?? ""
            current.filename = Self.parameter("filename", in: value)
        }
        parser.onBody = { buffer in current.data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            form.parts.append(current)
            current = Part(name: "", filename: nil, data: Data())
        }
        do { try parser.execute(body) } catch {
            throw WebError(status: .badRequest, message: "biểu mẫu gửi lên không đọc được")
        }
        return form
    }

    /// `name="summary"` out of a Content-Disposition value.
    static func parameter(_ key: String, in value: String) -> String? {
        for piece in value.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
