import Foundation

/// Header text: single-line sanitizing, RFC 2047 encoded-words, display-name
/// phrases and folding of header lines to 78 characters.
enum HeaderText {
    /// The longest header line written, without its line ending (RFC 5322 §2.1.1).
    static let lineLimit = 78
    /// The longest encoded-word (RFC 2047 §2).
    static let encodedWordLimit = 75
    private static let wordPrefix = "=?UTF-8?B?"
    private static let wordSuffix = "?="

    /// `text` as one line: NFC, control characters and line or paragraph
    /// separators (CR and LF among them) replaced by spaces, runs of spaces made
    /// one, and no space at either end.
    static func singleLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let isBreak: Bool
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: isBreak = true
            default: isBreak = scalar == " "
            }
            if isBreak {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` is printable ASCII only (space included).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 32 && $0 < 127 }
    }

    /// Whether `text` can be written as it is in an unstructured header: printable
    /// ASCII, nothing a decoder could take for an encoded-word, and no word too long
    /// to fold.
    static func isPlainSafe(_ text: String, longestWord: Int) -> Bool {
        isPrintableASCII(text) && !text.contains("=?")
            && text.split(separator: " ").allSatisfy { $0.utf8.count <= longestWord }
    }

    /// `text` as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), separated by spaces.
    ///
    /// Each word holds whole grapheme clusters (a cluster too long for a word is
    /// split between Unicode scalars), so no word ever splits a UTF-8 sequence and
    /// each decodes on its own. A word ends right after a space where one is near,
    /// so a reader that wrongly keeps the space between two words shows at worst
    /// a double space, not a word cut in two. The first word is at most
    /// `firstLimit` characters long (so it fits after the header's name), the
    /// others at most 75.
    static func encodedWords(_ text: String, firstLimit: Int = encodedWordLimit) -> String {
        // A first word too short to hold a 4-byte character goes whole onto the
        // next line instead (the fold moves it there).
        let first = firstLimit < 20 ? encodedWordLimit : min(firstLimit, encodedWordLimit)
        func capacity(_ word: Int) -> Int {
            ((word == 0 ? first : encodedWordLimit) - wordPrefix.count - wordSuffix.count) / 4 * 3
        }
        var units: [(bytes: [UInt8], isSpace: Bool)] = []
        for character in text {
            if character.utf8.count <= min(capacity(0), capacity(1)) {
                units.append((Array(character.utf8), character == " "))
            } else {
                units += character.unicodeScalars.map { (Array(String($0).utf8), false) }
            }
        }
        var words: [String] = []
        var start = 0
        while start < units.count {
            let room = capacity(words.count)
            var end = start
            var size = 0
            while end < units.count, size + units[end].bytes.count <= room {
                size += units[end].bytes.count
                end += 1
            }
            if end < units.count, let space = (start..<end).last(where: { units[$0].isSpace }),
                units[start...space].reduce(0, { $0 + $1.bytes.count }) >= room / 2
            {
                end = space + 1
            }
            words.append(wordPrefix + Data(units[start..<end].flatMap(\.bytes)).base64EncodedString() + wordSuffix)
            start = end
        }
        return words.joined(separator: " ")
    }

    /// A display name as an RFC 5322 phrase, or `nil` when the name is empty once
    /// made single-line.
    ///
    /// Atoms stay as they are; other printable ASCII becomes a quoted string.
    /// Anything else is written word by word: words that are plain atoms stay
    /// plain, and each run of other words becomes encoded-words (the first at
    /// most `firstLimit` characters). Plain words between runs keep encoded-words
    /// apart where possible, because readers disagree about the space between two
    /// adjacent encoded-words (RFC 2047 drops it; Python's address parser keeps
    /// one).
    static func phrase(_ name: String, firstLimit: Int) -> String? {
        let name = singleLine(name)
        guard !name.isEmpty else { return nil }
        if isPlainSafe(name, longestWord: 60) {
            if name.utf8.allSatisfy({ $0 == 32 || isAtomText($0) }) { return name }
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            quoted += "\""
            if quoted.utf8.count <= 60 { return quoted }
        }
        var tokens: [String] = []
        var run: [Substring] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            tokens.append(encodedWords(run.joined(separator: " "), firstLimit: tokens.isEmpty ? firstLimit : encodedWordLimit))
            run = []
        }
        for word in name.split(separator: " ") {
            if word.utf8.count <= 60, !word.contains("=?"), word.utf8.allSatisfy(isAtomText) {
                flushRun()
                tokens.append(String(word))
            } else {
                run.append(word)
            }
        }
        flushRun()
        return tokens.joined(separator: " ")
    }

    /// The mailbox as written in From or To: `phrase <address>` or the bare address.
    static func mailbox(_ mailbox: Mailbox, firstLimit: Int) -> String {
        guard let name = mailbox.displayName, let phrase = phrase(name, firstLimit: firstLimit) else {
            return mailbox.address.text
        }
        return "\(phrase) <\(mailbox.address.text)>"
    }

    /// Folds an unfolded ASCII header line `Name: value` to lines of at most 78
    /// characters, breaking before a space that is followed by something other
    /// than a space (so no continuation line is blank). A stretch with no such
    /// space (a very long address) stays on one longer line.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > lineLimit, let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return line }
        let space = UInt8(ascii: " ")
        let breaks = bytes.indices.filter { i in
            i > colon + 1 && bytes[i] == space && i + 1 < bytes.count && bytes[i + 1] != space
        }
        var out: [UInt8] = []
        var start = 0
        while bytes.count - start > lineLimit {
            let fitting = breaks.last { $0 > start && $0 - start <= lineLimit }
            guard let cut = fitting ?? breaks.first(where: { $0 > start }) else { break }
            out += bytes[start..<cut]
            out.append(UInt8(ascii: "\n"))
            start = cut
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 5322 atext: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtomText(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
            || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}
