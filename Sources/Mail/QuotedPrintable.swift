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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        for line in lines {
            encodeLine(Array(line.unicodeScalars), into: &out)
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One line, a scalar at a time, as bytes (a digest's body is thousands of
    /// scalars: building a string for each one cost more than the rest of a send).
    private static func encodeLine(_ scalars: [Unicode.Scalar], into out: inout [UInt8]) {
        var width = 0
        for (index, scalar) in scalars.enumerated() {
            let isLast = index == scalars.count - 1
            var literal = isLiteral(scalar, isLast: isLast)
            let encodedWidth = 3 * UTF8.width(scalar)
            if width + (literal ? 1 : encodedWidth) > (isLast ? lineLimit : lineLimit - 1) {
                out.append(UInt8(ascii: "="))
                out.append(UInt8(ascii: "\n"))
                width = 0
            }
            if width == 0 && startsUnsafe(scalars[index...]) { literal = false }
            if literal {
                out.append(UInt8(scalar.value))
                width += 1
            } else {
                appendEscaped(scalar, to: &out)
                width += encodedWidth
            }
        }
    }

    /// Whether an output line starting here would be read as SMTP's end of data
    /// (`.`) or as an mbox separator (`From `).
    private static func startsUnsafe(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = rest.first else { return false }
        return first == "." || (first == "F" && rest.prefix(5).elementsEqual("From ".unicodeScalars))
    }

    /// Printable ASCII other than `=` stands for itself, and so do space and tab
    /// except at the end of a line.
    private static func isLiteral(_ scalar: Unicode.Scalar, isLast: Bool) -> Bool {
        switch scalar.value {
        case 32, 9: !isLast
        case 61: false
        case 33...126: true
        default: false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `=XX` for each byte of the scalar's UTF-8.
    private static func appendEscaped(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        for byte in UTF8.encode(scalar)! {
            out.append(UInt8(ascii: "="))
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
}
