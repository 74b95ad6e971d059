import Foundation

/// An email address `local@domain` (an RFC 5322 addr-spec), checked strictly
/// enough that it is safe to put in a header and to pass to the sendmail
/// program as an argument.
///
/// Accepted:
/// - ASCII only, at most 254 characters, exactly one `@`;
/// - a local part of at most 64 characters in RFC 5322 dot-atom form: letters,
///   digits and ``!#$%&'*+-/=?^_`{|}~``, with single dots between them (no
///   whitespace, no control characters, none of `<>(),;:"[]\`), that does not
///   start with `-` (the sendmail program would read it as an option);
/// - a domain that is `localhost` or two or more dot-separated labels of
///   letters, digits and hyphens, each 1–63 characters and neither starting
///   nor ending with a hyphen.
///
/// The text is kept as given (no case folding); equality is on that text.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address, `local@domain`.
    public let text: String

    /// The part before the `@`.
    public var localPart: Substring { text[..<text.lastIndex(of: "@")!] }

    /// The part after the `@`.
    public var domain: Substring { text[text.index(after: text.lastIndex(of: "@")!)...] }

    /// Checks `text` and keeps it.
    /// - Throws: ``MailError/invalidAddress(_:)`` naming the text when it is not
    ///   an address as described above.
    public init(_ text: String) throws(MailError) {
        guard Self.isValid(text) else { throw .invalidAddress(text) }
        self.text = text
    }

    /// The address, `local@domain`.
    public var description: String { text }

    /// The characters RFC 5322 allows in an atom, besides letters and digits.
    private static let atomSpecials: Set<UInt8> = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 254, bytes.allSatisfy({ $0 > 32 && $0 < 127 }) else { return false }
        let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isValidLocalPart(Array(parts[0])) && isValidDomain(Array(parts[1]))
    }

    private static func isValidLocalPart(_ local: [UInt8]) -> Bool {
        guard !local.isEmpty, local.count <= 64, local.first != UInt8(ascii: "-") else { return false }
        let atoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy { isAlphanumeric($0) || atomSpecials.contains($0) }
        }
    }

    private static func isValidDomain(_ domain: [UInt8]) -> Bool {
        if domain.elementsEqual("localhost".utf8) { return true }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}

/// A mailbox: an address with an optional display name, as in
/// `Phòng Văn hóa - Xã hội <vanhoa@xa.gov.vn>`.
///
/// The display name is free text: any Unicode, made safe when the message is
/// rendered (see ``MailMessage``), so it never needs checking here.
public struct Mailbox: Hashable, Sendable, CustomStringConvertible {
    /// The address.
    public let address: MailAddress
    /// The name people see, or `nil` for the bare address.
    public let displayName: String?

    /// A mailbox for `address`, shown as `displayName` when one is given.
    public init(_ address: MailAddress, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// Checks `address` (see ``MailAddress/init(_:)``) and pairs it with `displayName`.
    public init(_ address: String, displayName: String? = nil) throws(MailError) {
        self.init(try MailAddress(address), displayName: displayName)
    }

    /// `Name <local@domain>`, or the bare address; for people, not for headers
    /// (``MailMessage/rendered()`` encodes names properly).
    public var description: String {
        guard let displayName, !displayName.isEmpty else { return address.text }
        return "\(displayName) <\(address.text)>"
    }
}
