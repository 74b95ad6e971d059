import Foundation

/// When a temporarily refused message is tried again: 5 minutes after the
/// first failure, then three times longer each time, at most 6 hours apart,
/// and not after a day: then it has failed.
public enum RetryPolicy {
    public static let first: TimeInterval = 5 * 60
    public static let longest: TimeInterval = 6 * 3600
    public static let giveUpAfter: TimeInterval = 24 * 3600

    /// The next try after failed attempt number `attempt` (1 for the first),
    /// or nil when it is time to give up.
    public static func retryAt(afterAttempt attempt: Int, intendedAt: Date, now: Date) -> Date? {
        let wait = min(first * pow(3, Double(max(attempt - 1, 0))), longest)
        let next = now.addingTimeInterval(wait)
        return next.timeIntervalSince(intendedAt) > giveUpAfter ? nil : next
    }
}
