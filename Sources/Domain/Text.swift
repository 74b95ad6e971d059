import Foundation

/// Limits on the free text people type, in characters. Documented in the README.
public enum TextLimit {
    public static let name = 200
    public static let title = 500
    public static let reason = 1_000
    public static let output = 2_000
    public static let summary = 4_000
}

/// Validation of free text: trimmed, non-empty, within its limit, and free of
/// control characters (a single-line field also refuses line breaks, so a title
/// can never smuggle a header into an email).
public enum Text {
    public static func singleLine(_ raw: String, field: String, limit: Int) throws(InputError) -> String {
        let text = try multiLine(raw, field: field, limit: limit)
        guard !text.contains(where: \.isNewline) else { throw .multipleLines(field: field) }
        return text
    }

    public static func multiLine(_ raw: String, field: String, limit: Int) throws(InputError) -> String {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty(field: field) }
        guard text.count <= limit else { throw .tooLong(field: field, limit: limit) }
        let control = text.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t"
        }
        guard !control else { throw .controlCharacter(field: field) }
        return text
    }

    /// Validation of an optional text: `nil` or blank gives `nil`.
    public static func optional(
        _ raw: String?, field: String, limit: Int, singleLine: Bool = false
    ) throws(InputError) -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return singleLine
            ? try Text.singleLine(raw, field: field, limit: limit)
            : try multiLine(raw, field: field, limit: limit)
    }
}

/// Email addresses, checked enough to refuse what would break a mail header or a
/// sendmail command line: one `@`, no spaces or control characters, not starting with `-`.
public enum Email {
    public static func parse(_ raw: String) throws(InputError) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let bad = text.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0 == " " || "<>,;\"()[]\\".unicodeScalars.contains($0)
        }
        guard text.count <= 254, !bad, !text.hasPrefix("-"), parts.count == 2, !parts[0].isEmpty,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { throw .malformedEmail(value: raw) }
        return text
    }
}
