import Foundation
import RoDomain

/// Where commands get their time. Injected: nothing in Rõ reads the wall clock
/// but ``SystemTime``.
public protocol TimeSource: Sendable {
    /// The current instant, at millisecond precision.
    func now() -> Date
    /// Whether the time is set by hand (RO_NOW) rather than read from the system;
    /// recorded on every event.
    var isSimulated: Bool { get }
}

/// The system's clock.
public struct SystemTime: TimeSource {
    public init() {}
    public func now() -> Date { Timestamp.truncated(Date()) }
    public var isSimulated: Bool { false }
}

/// A clock set to one instant: RO_NOW for simulations, and tests.
public struct SetTime: TimeSource {
    public let instant: Date
    public init(_ instant: Date) { self.instant = Timestamp.truncated(instant) }
    public func now() -> Date { instant }
    public var isSimulated: Bool { true }
}

/// A clock set to an instant that then runs: RO_NOW for a long-running
/// simulation (`ro remind --loop`), where a clock that stood still would never
/// reach the next reminder.
public struct RunningTime: TimeSource {
    public let start: Date
    private let startUptime: TimeInterval
    public init(from start: Date) {
        self.start = start
        startUptime = ProcessInfo.processInfo.systemUptime
    }
    public func now() -> Date {
        Timestamp.truncated(start.addingTimeInterval(ProcessInfo.processInfo.systemUptime - startUptime))
    }
    public var isSimulated: Bool { true }
}
