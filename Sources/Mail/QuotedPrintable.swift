import Foundation

/// The body's text and its quoted-printable encoding (RFC 2045 §6.7).
enum QuotedPrintable {
    /// The longest encoded line, soft-break `=` included.
    static let lineLimit = 76

    /// The body as it is sent: NFC, every CRLF or lone CR made LF, and ending
    /// with one line break (added when missing).
    static func normalizedBody(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                afterCR = true
                continue
            }
            if !(scalar == "\n" && afterCR) { out.append(scalar) }
            afterCR = false
        }
        if out.last != "\n" { out.append("\n") }
        return String(out)
    }

    /// Encodes `text` (already normalized, LF line breaks) as quoted-printable
    /// lines ending in LF.
    ///
    /// Each Unicode scalar is one unit: its `=XX` triplets are never split by a
    /// soft line break. Space and tab at the end of a line, `=`, every byte
    /// outside printable ASCII, a `.` at the start of a line (SMTP's end of data)
    /// and the `F` of a line starting `From ` (mbox) are encoded.
    static func encode(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        var out = ""
        for line in lines {
            encodeLine(Array(line.unicodeScalars), into: &out)
            out += "\n"
        }
        return out
    }

    private static func encodeLine(_ scalars: [Unicode.Scalar], into out: inout String) {
        var width = 0
        for (index, scalar) in scalars.enumerated() {
            let isLast = index == scalars.count - 1
            var unit = literalOrEncoded(scalar, isLast: isLast)
            if width + unit.count > (isLast ? lineLimit : lineLimit - 1) {
                out += "=\n"
                width = 0
            }
            if width == 0 && startsUnsafe(scalars[index...]) { unit = escaped(scalar) }
            out += unit
            width += unit.count
        }
    }

    /// Whether an output line starting here would be read as SMTP's end of data
    /// (`.`) or as an mbox separator (`From `).
    private static func startsUnsafe(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = rest.first else { return false }
        return first == "." || (first == "F" && rest.prefix(5).map(Character.init) == Array("From "))
    }

    private static func literalOrEncoded(_ scalar: Unicode.Scalar, isLast: Bool) -> String {
        switch scalar.value {
        case 32, 9: isLast ? escaped(scalar) : String(scalar)
        case 61: escaped(scalar)
        case 33...126: String(scalar)
        default: escaped(scalar)
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        var out = ""
        for byte in String(scalar).utf8 {
            out += "="
            out += byte < 16 ? "0" : ""
            out += String(byte, radix: 16, uppercase: true)
        }
        return out
    }
}
