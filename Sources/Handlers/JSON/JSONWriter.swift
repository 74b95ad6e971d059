import Foundation
import RoDomain

/// A value that writes its own JSON, byte for byte what ``JSONOutput``'s
/// encoder makes of it.
public protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter)
}

/// JSON appended to one buffer, in the exact layout of ``JSONOutput/encoder(pretty:)``
/// (sorted snake_case keys, two-space indent, `" : "`, escapes as Foundation's).
///
/// Written by hand for the read models printed by the thousand: Foundation's
/// encoder boxes every field in a tree before writing and took 40% of
/// `ro task list --json` over 10,000 tasks. Each ``JSONWritable`` names its
/// keys in sorted order itself; `JSONWriterTests` holds the two outputs identical.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// For each open container: whether it has a member yet.
    private var open: [Bool] = []

    public init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4_096)
    }

    /// The whole text of `value`.
    public static func text(of value: some JSONWritable, pretty: Bool) -> String {
        var writer = JSONWriter(pretty: pretty)
        value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: Containers

    public mutating func object(_ body: (inout JSONWriter) -> Void) { container("{", "}", body) }
    public mutating func array(_ body: (inout JSONWriter) -> Void) { container("[", "]", body) }

    public mutating func array<T>(_ elements: [T], _ write: (inout JSONWriter, T) -> Void) {
        array { json in
            for element in elements {
                json.element()
                write(&json, element)
            }
        }
    }

    private mutating func container(_ start: Character, _ end: Character, _ body: (inout JSONWriter) -> Void) {
        bytes.append(start.asciiValue!)
        open.append(false)
        body(&self)
        let filled = open.removeLast()
        if pretty {
            bytes.append(10)
            if !filled { bytes.append(10) }
            indent()
        }
        bytes.append(end.asciiValue!)
    }

    /// Starts the next element of an array.
    public mutating func element() {
        separate()
    }

    /// Starts the member `key` of an object; keys must come in sorted order.
    public mutating func key(_ key: String) {
        separate()
        string(key)
        if pretty { bytes.append(contentsOf: [32, 58, 32]) } else { bytes.append(58) }
    }

    private mutating func separate() {
        if open[open.count - 1] { bytes.append(44) }
        open[open.count - 1] = true
        if pretty {
            bytes.append(10)
            indent()
        }
    }

    private mutating func indent() {
        for _ in 0..<open.count { bytes.append(contentsOf: [32, 32]) }
    }

    // MARK: Values

    public mutating func string(_ text: String) {
        bytes.append(34)
        for byte in text.utf8 {
            switch byte {
            case 34: bytes.append(contentsOf: [92, 34])
            case 92: bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, 110])
            case 13: bytes.append(contentsOf: [92, 114])
            case 9: bytes.append(contentsOf: [92, 116])
            case 8: bytes.append(contentsOf: [92, 98])
            case 12: bytes.append(contentsOf: [92, 102])
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(34)
    }

    public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    /// An instant, as ``JSONOutput`` writes it.
    public mutating func date(_ value: Date) { string(Timestamp.format(value)) }

    /// The member `key` if `value` has one: left out otherwise, as the encoder does.
    public mutating func key<T>(_ key: String, _ value: T?, _ write: (inout JSONWriter, T) -> Void) {
        guard let value else { return }
        self.key(key)
        write(&self, value)
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.array(self) { json, element in element.write(to: &json) }
    }
}
