import Foundation
import Hummingbird

/// A table as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte order mark,
/// so Excel reads Vietnamese intact; CRLF line ends; a field with a comma,
/// quote, CR or LF is quoted, its quotes doubled; a field a spreadsheet would
/// read as a formula is prefixed with an apostrophe.
enum CSV {
    /// The UTF-8 byte order mark.
    static let bom = "\u{FEFF}"

    /// The characters that make a spreadsheet read a cell as a formula (or, for
    /// tab and CR, that some spreadsheets strip before doing so).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The whole file: the BOM, then each row on its own CRLF-terminated line.
    static func document(_ rows: [[String]]) -> String {
        bom + rows.map(line).joined()
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, defused then quoted where RFC 4180 asks.
    static func field(_ value: String) -> String {
        var text = value
        // Scalars, not Characters: "\r\n" is one Character in Swift.
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) { text = "'" + text }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A CSV file the browser saves under `filename`.
struct CSVFile: ResponseGenerator {
    var filename: String
    var text: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(filename)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
