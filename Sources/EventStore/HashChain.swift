import Crypto
import Foundation
import RoDomain

/// The hash chain over all events: each event's hash is
/// `SHA-256(previous hash ‖ canonical bytes of the event)`, the first event's
/// previous hash being 32 zero bytes. Changing any stored byte of any event, or
/// removing or reordering one, breaks the chain from that position on.
public enum HashChain {
    public static let genesis = Data(repeating: 0, count: 32)

    /// The canonical bytes of an event: every stored field but the two hashes,
    /// each written as `name=LENGTH:VALUE;` (a missing value as `name!;`), in a
    /// fixed order. Unambiguous, and independent of any JSON or SQLite formatting.
    public static func canonicalBytes(_ event: RecordedEvent) -> Data {
        let m = event.metadata
        let fields: [(String, String?)] = [
            ("position", String(event.position)),
            ("stream", event.streamID),
            ("version", String(event.version)),
            ("type", event.type),
            ("schema", String(event.schemaVersion)),
            ("payload", event.payload),
            ("event_id", event.eventID),
            ("command_id", m.commandID),
            ("actor", m.actor.login.rawValue),
            ("role", m.actor.role.rawValue),
            ("unit", m.actor.unit?.rawValue),
            ("correlation", m.correlationID),
            ("causation", m.causationID),
            ("recorded_at", Timestamp.format(m.recordedAt)),
            ("source", m.source.rawValue),
            ("clock", m.simulatedClock ? "simulated" : "system"),
        ]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512 + event.payload.utf8.count)
        for (name, value) in fields {
            bytes.append(contentsOf: name.utf8)
            if let value {
                bytes.append(UInt8(ascii: "="))
                bytes.append(contentsOf: String(value.utf8.count).utf8)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(contentsOf: value.utf8)
            } else {
                bytes.append(UInt8(ascii: "!"))
            }
            bytes.append(UInt8(ascii: ";"))
        }
        return Data(bytes)
    }

    public static func hash(previous: Data, event: RecordedEvent) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonicalBytes(event))
        return Data(hasher.finalize())
    }

    /// A hex digest of arbitrary bytes: command fingerprints.
    public static func fingerprint(_ bytes: Data) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lower-case hex of bytes. (`String(format: "%02x")` per byte cost as much
    /// as the rest of a command's fingerprint.)
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// The first place the chain does not hold, as `ro verify` reports it.
public struct ChainBreak: Hashable, Sendable, Error {
    public enum Kind: String, Sendable {
        /// A position is missing, or out of order.
        case gap
        /// The stored previous hash is not the hash of the event before.
        case link
        /// The event's bytes do not give its stored hash: it was changed.
        case content
        /// A stream's versions do not run 1, 2, 3…
        case streamVersion
        /// The row could not be read at all.
        case unreadable
    }

    public var position: Int64
    public var kind: Kind

    public init(position: Int64, kind: Kind) {
        self.position = position
        self.kind = kind
    }

    public var message: String {
        switch kind {
        case .gap: "chuỗi băm đứt tại vị trí \(position): thiếu hoặc sai thứ tự sự kiện"
        case .link: "chuỗi băm đứt tại vị trí \(position): mã băm trước không khớp"
        case .content: "chuỗi băm đứt tại vị trí \(position): nội dung sự kiện đã bị thay đổi"
        case .streamVersion: "chuỗi băm đứt tại vị trí \(position): phiên bản luồng không liên tục"
        case .unreadable: "chuỗi băm đứt tại vị trí \(position): không đọc được sự kiện"
        }
    }
}
