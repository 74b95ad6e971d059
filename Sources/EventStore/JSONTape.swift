/// A JSON text parsed into a flat list of nodes in document order (a "tape"):
/// each container knows where its subtree ends, so a reader skips a member
/// without looking into it. Strings and numbers stay as byte ranges of the
/// text, read only when a value is asked for. Strict RFC 8259: anything else
/// is a ``Malformed`` error.
///
/// Hand-written because event payloads are decoded on every replay and every
/// history read, and Foundation's decoder (a dictionary per object, a coding
/// path per value) was the largest cost there; no JSON library is in the
/// package list. ``PayloadDecoder`` reads the tape through `Decodable`.
struct JSONTape {
    enum Kind: UInt8 { case object, array, string, escapedString, number, `true`, `false`, null }

    struct Node {
        var kind: Kind
        /// For strings, the bytes between the quotes; for numbers, the number.
        var start: Int
        var end: Int
        /// The index of the first node after this one's subtree.
        var next: Int
    }

    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "malformed JSON at byte \(offset)" }
    }

    private(set) var nodes: [Node] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) {
        nodes.reserveCapacity(bytes.count / 8)
        var index = 0
        try parseValue(bytes, &index, depth: 0)
        skipSpace(bytes, &index)
        guard index == bytes.count else { throw Malformed(offset: index) }
    }

    private func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 10 || bytes[index] == 13 || bytes[index] == 9 {
            index += 1
        }
    }

    private mutating func parseValue(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, depth: Int) throws(Malformed) {
        skipSpace(bytes, &index)
        guard index < bytes.count, depth < 512 else { throw Malformed(offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): try parseContainer(bytes, &index, depth: depth, object: true)
        case UInt8(ascii: "["): try parseContainer(bytes, &index, depth: depth, object: false)
        case UInt8(ascii: "\""): try parseString(bytes, &index)
        case UInt8(ascii: "t"): try literal("true", .true, bytes, &index)
        case UInt8(ascii: "f"): try literal("false", .false, bytes, &index)
        case UInt8(ascii: "n"): try literal("null", .null, bytes, &index)
        default: try parseNumber(bytes, &index)
        }
    }

    private mutating func parseContainer(
        _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, depth: Int, object: Bool
    ) throws(Malformed) {
        let me = nodes.count
        nodes.append(Node(kind: object ? .object : .array, start: index, end: index, next: 0))
        index += 1
        let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        skipSpace(bytes, &index)
        if index < bytes.count, bytes[index] == close {
            index += 1
        } else {
            while true {
                if object {
                    skipSpace(bytes, &index)
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Malformed(offset: index) }
                    try parseString(bytes, &index)
                    skipSpace(bytes, &index)
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Malformed(offset: index) }
                    index += 1
                }
                try parseValue(bytes, &index, depth: depth + 1)
                skipSpace(bytes, &index)
                guard index < bytes.count else { throw Malformed(offset: index) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == close {
                    index += 1
                    break
                } else {
                    throw Malformed(offset: index)
                }
            }
        }
        nodes[me].end = index
        nodes[me].next = nodes.count
    }

    private mutating func parseString(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(Malformed) {
        index += 1
        let start = index
        var escaped = false
        while true {
            guard index < bytes.count else { throw Malformed(offset: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20 else { throw Malformed(offset: index) }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { throw Malformed(offset: index) }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count, (1...4).allSatisfy({ Self.hexValue(bytes[index + $0]) != nil }) else {
                        throw Malformed(offset: index)
                    }
                    index += 4
                default: throw Malformed(offset: index)
                }
            }
            index += 1
        }
        nodes.append(Node(kind: escaped ? .escapedString : .string, start: start, end: index, next: nodes.count + 1))
        index += 1
    }

    private mutating func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(Malformed) {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            return index - from
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integer = index
        guard digits() > 0, bytes[integer] != 48 || index == integer + 1 else { throw Malformed(offset: start) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw Malformed(offset: index) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw Malformed(offset: index) }
        }
        nodes.append(Node(kind: .number, start: start, end: index, next: nodes.count + 1))
    }

    private mutating func literal(
        _ word: StaticString, _ kind: Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int
    ) throws(Malformed) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
        else { throw Malformed(offset: index) }
        nodes.append(Node(kind: kind, start: index, end: index + count, next: nodes.count + 1))
        index += count
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: UInt32(byte - 48)
        case 65...70: UInt32(byte - 55)
        case 97...102: UInt32(byte - 87)
        default: nil
        }
    }

    /// The text of a string node, escapes resolved; `nil` for an escape that
    /// names no character (a lone surrogate).
    static func string(_ node: Node, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let slice = UnsafeBufferPointer(rebasing: bytes[node.start..<node.end])
        guard node.kind == .escapedString else { return String(decoding: slice, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll(keepingCapacity: true)
        }
        func hex4(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 << 4 | hexValue(slice[at + $1])! } }
        while index < slice.count {
            guard slice[index] == UInt8(ascii: "\\") else {
                utf8.append(slice[index])
                index += 1
                continue
            }
            let escape = slice[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): utf8.append(8)
            case UInt8(ascii: "f"): utf8.append(12)
            case UInt8(ascii: "n"): utf8.append(10)
            case UInt8(ascii: "r"): utf8.append(13)
            case UInt8(ascii: "t"): utf8.append(9)
            case UInt8(ascii: "u"):
                var value = hex4(index)
                index += 4
                if (0xD800..<0xDC00).contains(value), index + 6 <= slice.count, slice[index] == UInt8(ascii: "\\"),
                    slice[index + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                flush()
                scalars.append(scalar)
            default: utf8.append(escape)
            }
        }
        flush()
        return String(scalars)
    }
}
