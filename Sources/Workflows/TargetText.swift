import Foundation
import RoDomain

/// Reads an indicator's target as the plans write it: `≥ 60%`, `>60%`, `100%`,
/// `80-90%`, `> 0,77`, `Top 50 của thành phố`, `Phấn đấu top 50`, `≤ 5`,
/// `trên 90%`, `tối thiểu 01`. A number with no comparator is a floor (`≥`) for
/// percent, count and index, and a ceiling (`≤`) for a rank. Text with no number
/// ("Đạt mức cao của TP") is a qualitative target, kept as written and never
/// judged by a number.
enum TargetText {
    static func parse(_ raw: String, year: Int, measure: Indicator.Measure) -> Indicator.Target {
        var text = raw.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces)
        for lead in ["phấn đấu", "đạt", "duy trì"] where text.hasPrefix(lead + " ") {
            text = String(text.dropFirst(lead.count)).trimmingCharacters(in: .whitespaces)
        }
        let comparators: [(String, Indicator.Comparator)] = [
            ("≥", .atLeast), (">=", .atLeast), ("≤", .atMost), ("<=", .atMost), (">", .above), ("<", .below),
            ("=", .equal), ("trên", .above), ("dưới", .below), ("tối thiểu", .atLeast), ("ít nhất", .atLeast),
            ("tối đa", .atMost), ("không quá", .atMost), ("top", .top),
        ]
        var comparator: Indicator.Comparator?
        for (word, kind) in comparators where text.hasPrefix(word) {
            comparator = kind
            text = String(text.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        guard let (value, rest) = number(text) else {
            return Indicator.Target(year: year, comparator: .qualitative, value: 0, text: raw)
        }
        var after = rest.trimmingCharacters(in: .whitespaces)
        if after.hasPrefix("%") { after = String(after.dropFirst()).trimmingCharacters(in: .whitespaces) }
        if comparator == nil, after.hasPrefix("-") || after.hasPrefix("–"),
            let (upper, _) = number(String(after.dropFirst()).trimmingCharacters(in: .whitespaces)), upper > value
        {
            return Indicator.Target(year: year, comparator: .range, value: value, upper: upper, text: raw)
        }
        let fallback: Indicator.Comparator = measure == .rank ? .atMost : .atLeast
        return Indicator.Target(year: year, comparator: comparator ?? fallback, value: value, text: raw)
    }

    /// A leading number, with a decimal comma or point: "0,77", "60", "01".
    static func number(_ text: String) -> (Double, String)? {
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }
        guard let first = digits.first, first.isNumber else { return nil }
        var literal = String(digits)
        while let last = literal.last, !last.isNumber { literal.removeLast() }
        guard let value = Double(literal.replacingOccurrences(of: ",", with: ".")) else { return nil }
        return (value, String(text.dropFirst(literal.count)))
    }
}
