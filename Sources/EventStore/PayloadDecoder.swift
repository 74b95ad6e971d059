import Foundation
import RoDomain

/// Decodes stored JSON (event payloads, task states) through `Decodable`, over
/// a ``JSONTape``: an object's member is found by comparing key bytes along
/// its few members, no dictionary or coding path is built, and instants are
/// ``Timestamp`` text as ``EventCoding`` writes them.
///
/// It answers only when it is sure: on any failure (malformed text, a missing
/// key, a type mismatch) it throws ``Unsure`` and ``EventCoding`` asks
/// Foundation's `JSONDecoder`, whose result and error messages stay the
/// reference. `PayloadDecoderTests` holds the two to the same values.
enum PayloadDecoder {
    struct Unsure: Error {}

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var text = text
        return try text.withUTF8 { bytes in
            let tape = try JSONTape(bytes)
            return try Reader(tape: tape, bytes: bytes, node: 0).value(T.self)
        }
    }

    /// One node of the tape, as `Decoder`. Lives only inside ``decode(_:from:)``
    /// (it holds the text's bytes).
    struct Reader: Decoder {
        let tape: JSONTape
        let bytes: UnsafeBufferPointer<UInt8>
        let node: Int
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        var kind: JSONTape.Kind { tape.nodes[node].kind }

        func at(_ node: Int) -> Reader { Reader(tape: tape, bytes: bytes, node: node) }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard kind == .object else { throw Unsure() }
            return KeyedDecodingContainer(Keyed<Key>(reader: self))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard kind == .array else { throw Unsure() }
            return Unkeyed(reader: self, current: node + 1)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(reader: self) }

        // MARK: Values

        func value<T: Decodable>(_ type: T.Type) throws -> T {
            if T.self == Date.self {
                guard let date = Timestamp.parse(try string()) else { throw Unsure() }
                return date as! T
            }
            return try T(from: self)
        }

        func string() throws -> String {
            let n = tape.nodes[node]
            guard n.kind == .string || n.kind == .escapedString, let text = JSONTape.string(n, bytes) else { throw Unsure() }
            return text
        }

        func bool() throws -> Bool {
            switch kind {
            case .true: true
            case .false: false
            default: throw Unsure()
            }
        }

        /// An integer written without fraction or exponent, that fits `T`.
        func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let n = tape.nodes[node]
            guard n.kind == .number else { throw Unsure() }
            var index = n.start
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            var value: T = 0
            while index < n.end {
                let digit = bytes[index]
                guard (48...57).contains(digit) else { throw Unsure() }
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = negative
                    ? times.subtractingReportingOverflow(T(digit - 48)) : times.addingReportingOverflow(T(digit - 48))
                guard !o1, !o2 else { throw Unsure() }
                value = next
                index += 1
            }
            return value
        }

        func double() throws -> Double {
            let n = tape.nodes[node]
            guard n.kind == .number,
                let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[n.start..<n.end]), as: UTF8.self))
            else { throw Unsure() }
            return value
        }

        /// Whether a string node's bytes are exactly `key`'s.
        func isKey(_ node: Int, _ key: String) -> Bool {
            let n = tape.nodes[node]
            guard n.kind == .string else { return false }
            var key = key
            return key.withUTF8 { wanted in
                wanted.count == n.end - n.start && memcmp(wanted.baseAddress!, bytes.baseAddress! + n.start, wanted.count) == 0
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let reader: Reader
        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] {
            var keys: [Key] = []
            var member = reader.node + 1
            while member < reader.tape.nodes[reader.node].next {
                if let text = JSONTape.string(reader.tape.nodes[member], reader.bytes), let key = Key(stringValue: text) {
                    keys.append(key)
                }
                member = reader.tape.nodes[member + 1].next
            }
            return keys
        }

        /// The value node of `key`; duplicates are left to Foundation.
        func find(_ key: Key) -> Int? {
            let name = key.stringValue
            var member = reader.node + 1
            while member < reader.tape.nodes[reader.node].next {
                if reader.isKey(member, name) { return member + 1 }
                member = reader.tape.nodes[member + 1].next
            }
            return nil
        }

        func reader(_ key: Key) throws -> Reader {
            guard let node = find(key) else { throw Unsure() }
            return reader.at(node)
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { try reader(key).kind == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader(key).bool() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader(key).string() }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader(key).double() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader(key).integer(Int.self) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader(key).integer(Int64.self) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader(key).integer(Int8.self) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader(key).integer(Int16.self) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader(key).integer(Int32.self) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader(key).integer(UInt.self) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader(key).integer(UInt8.self) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader(key).integer(UInt16.self) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader(key).integer(UInt32.self) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader(key).integer(UInt64.self) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader(key).double()) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader(key).value(T.self) }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let node = find(key), reader.tape.nodes[node].kind != .null else { return nil }
            return try reader.at(node).value(T.self)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try reader(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try reader(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw Unsure() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Unsure() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let reader: Reader
        var current: Int
        var codingPath: [any CodingKey] { [] }
        var currentIndex = 0
        var count: Int? {
            var count = 0
            var element = reader.node + 1
            while element < reader.tape.nodes[reader.node].next {
                count += 1
                element = reader.tape.nodes[element].next
            }
            return count
        }
        var isAtEnd: Bool { current >= reader.tape.nodes[reader.node].next }

        init(reader: Reader, current: Int) {
            self.reader = reader
            self.current = current
        }

        mutating func next() throws -> Reader {
            guard !isAtEnd else { throw Unsure() }
            defer {
                current = reader.tape.nodes[current].next
                currentIndex += 1
            }
            return reader.at(current)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, reader.tape.nodes[current].kind == .null else { return false }
            _ = try next()
            return true
        }

        mutating func decode(_ type: String.Type) throws -> String { try next().string() }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
        mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(Int.self) }
        mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try next().integer(Int8.self) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try next().integer(Int16.self) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try next().integer(Int32.self) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try next().integer(UInt.self) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next().integer(UInt8.self) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next().integer(UInt16.self) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next().integer(UInt32.self) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next().integer(UInt64.self) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try next().integer(Int64.self) }
        mutating func decode(_ type: Float.Type) throws -> Float { Float(try next().double()) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().value(T.self) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { throw Unsure() }
    }

    struct Single: SingleValueDecodingContainer {
        let reader: Reader
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { reader.kind == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try reader.bool() }
        func decode(_ type: String.Type) throws -> String { try reader.string() }
        func decode(_ type: Double.Type) throws -> Double { try reader.double() }
        func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self) }
        func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self) }
        func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self) }
        func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self) }
        func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self) }
        func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self) }
        func decode(_ type: Float.Type) throws -> Float { Float(try reader.double()) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.value(T.self) }
    }
}
