import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// Publishes a working-day calendar (the year's days off and swapped days);
    /// the same calendar again appends nothing.
    public func loadCalendar(
        _ adjustments: CalendarAdjustments, digest: String, context: CommandContext
    ) throws(CommandError) -> CommandOutcome {
        try perform(step(
            stream: CalendarEvent.streamID, fingerprint: ["calendar", adjustments], context: context,
            fold: { events in try events.map(EventCoding.calendarEvent) }, evolve: { $0 + [$1] },
            decide: { state, actor, _, now throws(Rejection) in
                try CalendarEvent.decidePublish(adjustments, digest: digest, actor: actor, now: now, state: state)
            },
            encode: EventCoding.encode))
    }
}
