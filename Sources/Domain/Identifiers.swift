import Foundation

/// An identifier typed by a person: a task id, a unit id or a login.
///
/// Identifiers are short, ASCII and free of spaces so that they can be typed at a
/// terminal, put in a URL and named in an email without quoting.
public protocol Identifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible where RawValue == String {
    /// The name of the field, in Vietnamese, used in error messages.
    static var fieldName: String { get }
    init(unchecked: String)
}

extension Identifier {
    public init?(rawValue: String) {
        guard (try? Self.parse(rawValue)) != nil else { return nil }
        self.init(unchecked: rawValue)
    }

    /// Reads an identifier, or throws an ``InputError`` naming what is wrong.
    public static func parse(_ text: String) throws(InputError) -> Self {
        guard !text.isEmpty else { throw .empty(field: fieldName) }
        guard text.count <= 64 else { throw .tooLong(field: fieldName, limit: 64) }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./".unicodeScalars.contains(scalar))
        }
        guard allowed, let first = text.unicodeScalars.first,
            first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { throw .malformedIdentifier(field: fieldName, value: text) }
        return Self(unchecked: text)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(unchecked: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A task of a plan, such as `KH07-II.3`.
public struct TaskID: Identifier {
    public static let fieldName = "mã nhiệm vụ"
    public let rawValue: String
    public init(unchecked: String) { rawValue = unchecked }
}

/// A unit of the commune (phòng, ban, trạm, trường, thôn), such as `vhxh`.
public struct UnitID: Identifier {
    public static let fieldName = "mã đơn vị"
    public let rawValue: String
    public init(unchecked: String) { rawValue = unchecked }
}

/// The sign-in name of a user, such as `lan.vhxh`.
public struct Login: Identifier {
    public static let fieldName = "tên đăng nhập"
    public let rawValue: String
    public init(unchecked: String) { rawValue = unchecked }

    /// The actor of events the system records by itself (store creation, scheduler).
    public static let system = Login(unchecked: "system")
}
