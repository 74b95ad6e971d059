import CUUID
import Foundation

/// Event ids: random (version 4) UUIDs from libuuid, in lower-case text form.
public enum EventID {
    public static func make() -> String {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var text = [CChar](repeating: 0, count: 37)
        withUnsafeMutablePointer(to: &uuid) { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: 16) { bytes in
                uuid_generate_random(bytes)
                uuid_unparse_lower(bytes, &text)
            }
        }
        return String(decoding: text.prefix(36).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
