import Foundation

/// The working-day calendar in force, kept as events on the stream `calendar`:
/// the operator loads the calendar file each year when the government announces
/// its days off; every reminder records the calendar version it used, and the
/// history keeps every version, so a replay gives the same answer.
public enum CalendarEvent: Hashable, Sendable {
    case published(Published)

    public static let streamID = "calendar"

    public var typeName: String {
        switch self {
        case .published: "CalendarPublished"
        }
    }

    public struct Published: Hashable, Codable, Sendable {
        public var adjustments: CalendarAdjustments
        /// The calendar's version: rules and adjustments (see ``WorkingCalendar/version``).
        public var version: String
        /// SHA-256 of the file it was read from.
        public var digest: String
        public var by: Login
        public var at: Date

        public init(adjustments: CalendarAdjustments, version: String, digest: String, by: Login, at: Date) {
            self.adjustments = adjustments
            self.version = version
            self.digest = digest
            self.by = by
            self.at = at
        }
    }

    /// The calendar the events leave in force: the default rules when none was loaded.
    public static func current(_ events: some Sequence<CalendarEvent>) -> WorkingCalendar {
        var adjustments = CalendarAdjustments.none
        for case .published(let e) in events { adjustments = e.adjustments }
        return WorkingCalendar(adjustments: adjustments)
    }

    /// Publishes a calendar unless the same one is in force already.
    public static func decidePublish(
        _ adjustments: CalendarAdjustments, digest: String, actor: Actor, now: Date, state: [CalendarEvent]
    ) throws(Rejection) -> [CalendarEvent] {
        guard actor.role == .admin else { throw .notPermitted(action: "nạp lịch làm việc", role: actor.role) }
        if case .published(let last)? = state.last, last.adjustments == adjustments { return [] }
        let version = WorkingCalendar(adjustments: adjustments).version
        return [.published(Published(adjustments: adjustments, version: version, digest: digest, by: actor.login, at: now))]
    }
}
