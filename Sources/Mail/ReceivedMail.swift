import Foundation

/// A received message read back for tests: its header fields unfolded, RFC 2047
/// encoded-words decoded, and its body decoded from quoted-printable or base64.
///
/// Enough for the single-part UTF-8 text messages this module writes and what
/// the MTA adds to them; not a general MIME parser.
public struct ReceivedMail: Sendable {
    /// The header fields in order, each unfolded, its value as written
    /// (encoded-words not decoded, leading whitespace removed).
    public let fields: [(name: String, value: String)]
    /// The body's bytes as written (still transfer-encoded).
    public let rawBody: Data

    /// Splits `data` into header fields and body (at the first empty line).
    /// - Throws: ``MailError/unreadable(what:reason:)`` when the header is not
    ///   UTF-8 or a line is neither a field nor a continuation.
    public init(_ data: Data) throws(MailError) {
        let bytes = Array(data)
        var headerEnd = bytes.count
        var bodyStart = bytes.count
        var index = 0
        while index < bytes.count {
            let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[index..<lineEnd]
            if line.isEmpty || line.elementsEqual([UInt8(ascii: "\r")]) {
                headerEnd = index
                bodyStart = min(lineEnd + 1, bytes.count)
                break
            }
            index = lineEnd + 1
        }
        guard let header = String(validating: bytes[0..<headerEnd], as: UTF8.self) else {
            throw .unreadable(what: "thư", reason: "phần đầu thư không phải UTF-8")
        }
        var fields: [(name: String, value: String)] = []
        for line in header.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.first == " " || line.first == "\t" {
                guard !fields.isEmpty else { throw .unreadable(what: "thư", reason: "dòng nối đầu tiên: \(line)") }
                fields[fields.count - 1].value += line
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            } else {
                throw .unreadable(what: "thư", reason: "dòng đầu thư không đọc được: \(line)")
            }
        }
        self.fields = fields.map { ($0.name, String($0.value.drop { $0 == " " || $0 == "\t" })) }
        rawBody = Data(bytes[bodyStart...])
    }

    /// The decoded value of the first field named `name` (without case), or `nil`.
    public func header(_ name: String) -> String? {
        headers(name).first
    }

    /// The decoded values of every field named `name` (without case), in order.
    public func headers(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map { Self.decodeWords($0.value) }
    }

    /// The Message-ID without its angle brackets.
    public var messageID: String? {
        header("Message-ID").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")) }
    }

    /// The body as text: decoded by its Content-Transfer-Encoding (quoted-printable,
    /// base64, or as it is), read as UTF-8, line breaks LF.
    public var text: String {
        let encoding = header("Content-Transfer-Encoding")?.lowercased().trimmingCharacters(in: .whitespaces)
        let bytes: Data
        switch encoding {
        case "quoted-printable": bytes = Self.decodeQuotedPrintable(Array(rawBody))
        case "base64": bytes = Data(base64Encoded: rawBody, options: .ignoreUnknownCharacters) ?? rawBody
        default: bytes = rawBody
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// `value` with its RFC 2047 encoded-words (UTF-8 or US-ASCII, B or Q)
    /// decoded; the whitespace between two adjacent encoded-words is dropped.
    public static func decodeWords(_ value: String) -> String {
        let pattern = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/
        var out = ""
        var rest = value[...]
        var afterWord = false
        while let match = rest.firstMatch(of: pattern) {
            let gap = rest[..<match.range.lowerBound]
            let charset = match.1.lowercased().split(separator: "*").first.map(String.init) ?? ""
            let decoded: Data? =
                ["utf-8", "us-ascii"].contains(charset)
                ? (match.2.lowercased() == "b"
                    ? Data(base64Encoded: String(match.3))
                    : decodeQuotedPrintable(Array(match.3.utf8), underscoreIsSpace: true))
                : nil
            if !(afterWord && gap.allSatisfy(\.isWhitespace)) { out += gap }
            if let decoded, let text = String(validating: decoded, as: UTF8.self) {
                out += text
                afterWord = true
            } else {
                out += match.0
                afterWord = false
            }
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }

    /// Quoted-printable bytes decoded: soft breaks removed, `=XX` read.
    static func decodeQuotedPrintable(_ bytes: [UInt8], underscoreIsSpace: Bool = false) -> Data {
        var out = Data()
        var i = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 65...70: byte - 55
            case 97...102: byte - 87
            default: nil
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "=") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") {
                    i += 2
                    continue
                }
                if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\r"), bytes[i + 2] == UInt8(ascii: "\n") {
                    i += 3
                    continue
                }
                if i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
            }
            out.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? UInt8(ascii: " ") : byte)
            i += 1
        }
        return out
    }
}
