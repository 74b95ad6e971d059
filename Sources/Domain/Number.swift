import Foundation

/// Numbers people type, read the same way by the command line, the pages and
/// the API: a decimal comma or point (`81,5`, `81.5`), a whole number in a range.
public enum Number {
    /// A finite decimal number.
    public static func decimal(_ raw: String, field: String) throws(InputError) -> Double {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw .malformedNumber(field: field, value: raw)
        }
        return value
    }

    /// A whole number within `range`.
    public static func whole(_ raw: String, field: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let number = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw .malformedNumber(field: field, value: raw)
        }
        guard range.contains(number) else {
            throw .outOfRange(field: field, value: raw, range: "\(range.lowerBound)–\(range.upperBound)")
        }
        return number
    }
}
