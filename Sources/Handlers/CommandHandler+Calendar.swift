import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// Publishes a working-day calendar (the year's days off and swapped days);
    /// the same calendar again appends nothing.
    public func loadCalendar(
        _ adjustments: CalendarAdjustments, digest: String, context: CommandContext
    ) throws(CommandError) -> CommandOutcome {
        let actor = try resolve(context.login, in: try directory())
        let now = clock.now()
        return try run(
            stream: CalendarEvent.streamID, fingerprint: ["calendar", adjustments], context: context, actor: actor,
            fold: { events throws(StoreError) in try events.map(EventCoding.calendarEvent) },
            decide: { state throws(Rejection) in
                try CalendarEvent.decidePublish(adjustments, digest: digest, actor: actor, now: now, state: state)
            },
            encode: EventCoding.encode)
    }
}
