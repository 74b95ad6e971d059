import Foundation

/// Reads a deadline as the plans write it ("Thời gian hoàn thành"), in Vietnamese.
///
/// | written | read as |
/// |---|---|
/// | `30/9/2025`, `Ngày 30/9/2025`, `Trước ngày 30/9/2025` | ``Deadline/date(year:month:day:)`` |
/// | `Tháng 7/2025`, `Tháng 7,8/2025`, `Tháng 7-9/2025` | ``Deadline/months(year:months:)`` |
/// | `Quý III/2025` | the quarter's three months |
/// | `Năm 2025`, `Trong năm 2025`, `Đến năm 2030` | ``Deadline/year(_:)`` |
/// | `Giai đoạn 2025-2026`, `2026 – 2030` | ``Deadline/years(from:to:)`` |
/// | `Hàng năm`, `Hằng năm` | ``Deadline/annually`` |
/// | `Thường xuyên` | ``Deadline/ongoing`` |
/// | any text naming `cấp trên` (`Khi có văn bản của cấp trên`, `Triển khai theo hướng dẫn của cấp trên`) | ``Deadline/onInstruction`` |
/// | `<one of the dated kinds>, duy trì hàng năm` | ``Deadline/thenAnnually(_:)`` |
///
/// Anything else is refused: a deadline is never guessed.
public enum DeadlineText {
    public struct Unreadable: Error, Equatable, Sendable {
        public var text: String
        public var message: String { "thời hạn '\(text)' không đọc được" }
    }

    public static func parse(_ raw: String) throws(Unreadable) -> Deadline {
        let text = normalize(raw)
        guard !text.isEmpty else { throw Unreadable(text: raw) }
        for marker in [", duy trì hàng năm", ", duy trì hằng năm", " và duy trì hàng năm", " và duy trì hằng năm",
                       "; duy trì hàng năm", "; duy trì hằng năm"] where text.hasSuffix(marker) {
            let first = try dated(String(text.dropLast(marker.count)), raw)
            return .thenAnnually(first)
        }
        switch text {
        case "hàng năm", "hằng năm": return .annually
        case "thường xuyên", "thường xuyên, liên tục": return .ongoing
        default: break
        }
        if text.contains("cấp trên") { return .onInstruction }
        return try dated(text, raw)
    }

    /// The kinds that name a date: a day, months, a quarter, a year, a period.
    static func dated(_ text: String, _ raw: String) throws(Unreadable) -> Deadline {
        var rest = text
        for prefix in ["trước ngày ", "ngày ", "tháng ", "quý ", "trong năm ", "đến năm ", "năm ", "giai đoạn ", "trước "] {
            if rest.hasPrefix(prefix) {
                let word = prefix
                rest = String(rest.dropFirst(word.count))
                return try kind(word.trimmingCharacters(in: .whitespaces), rest, raw)
            }
        }
        return try kind("", rest, raw)
    }

    static func kind(_ word: String, _ rest: String, _ raw: String) throws(Unreadable) -> Deadline {
        let fail = Unreadable(text: raw)
        switch word {
        case "tháng":
            let parts = rest.split(separator: "/").map(String.init)
            guard parts.count == 2, let year = year(parts[1]) else { throw fail }
            let months = try monthList(parts[0], raw)
            return .months(year: year, months: months)
        case "quý":
            let parts = rest.split(separator: "/").map(String.init)
            let quarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
            guard parts.count == 2, let q = quarters[parts[0]], let year = year(parts[1]) else { throw fail }
            return .months(year: year, months: [q * 3 - 2, q * 3 - 1, q * 3])
        case "năm", "trong năm", "đến năm":
            guard let year = year(rest) else { throw fail }
            return .year(year)
        case "giai đoạn":
            guard let (from, to) = span(rest) else { throw fail }
            return .years(from: from, to: to)
        default:
            if let (from, to) = span(rest) { return .years(from: from, to: to) }
            if let year = year(rest) { return .year(year) }
            let parts = rest.split(separator: "/").map(String.init)
            guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = year(parts[2]),
                CommuneTime.startOfDay(year: year, month: month, day: day) != nil
            else { throw fail }
            return .date(year: year, month: month, day: day)
        }
    }

    /// "7", "7,8", "7, 8", "7-9" (a range), "07".
    static func monthList(_ text: String, _ raw: String) throws(Unreadable) -> [Int] {
        let compact = text.replacingOccurrences(of: " ", with: "")
        var months: [Int] = []
        if compact.contains("-") {
            let ends = compact.split(separator: "-").compactMap { Int($0) }
            guard ends.count == 2, ends[0] < ends[1] else { throw Unreadable(text: raw) }
            months = Array(ends[0]...ends[1])
        } else {
            months = compact.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard months.count == compact.split(separator: ",", omittingEmptySubsequences: false).count else {
                throw Unreadable(text: raw)
            }
        }
        guard !months.isEmpty, months.allSatisfy((1...12).contains), months == months.sorted() else {
            throw Unreadable(text: raw)
        }
        return months
    }

    static func year(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count == 4, trimmed.allSatisfy(\.isASCII), let year = Int(trimmed), (2000...2100).contains(year)
        else { return nil }
        return year
    }

    static func span(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let from = year(parts[0]), let to = year(parts[1]), from < to else { return nil }
        return (from, to)
    }

    /// Lower case, composed diacritics, one space between words, dashes as "-".
    static func normalize(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: " - ", with: "-")
            .trimmingCharacters(in: CharacterSet(charactersIn: " ."))
    }
}
