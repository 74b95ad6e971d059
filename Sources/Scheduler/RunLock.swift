#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Makes sure one scheduler pass runs at a time on a store: an exclusive
/// `flock` on a file beside it (`STORE.remind-lock`). The kernel releases the
/// lock when the process ends, however it ends, so a killed pass never leaves
/// a stale lock behind; the next pass retries what it left unfinished.
public final class RunLock: Sendable {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock, or returns nil when another pass holds it.
    public init?(beside storePath: String) throws(RunLockError) {
        path = storePath + ".remind-lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RunLockError(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            if busy { return nil }
            throw RunLockError(path: path, reason: reason)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public struct RunLockError: Error, Sendable {
    public var path: String
    public var reason: String
    public var message: String { "không khóa được tệp '\(path)': \(reason)" }
}
