import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// Records a value of a plan's indicator for a month, on the indicator's own stream.
    public func recordIndicator(
        _ value: Double, plan: PlanID, indicator id: String, period: Period, note: String?, context: CommandContext
    ) throws(CommandError) -> CommandOutcome {
        _ = try resolve(context.login, in: try directory())
        guard let published = try self.plan(plan).plan else { throw .rejected(.unknownPlan(plan.rawValue)) }
        guard let indicator = published.indicators.first(where: { $0.id == id }) else {
            throw .rejected(.unknownIndicator(id))
        }
        return try perform(step(
            stream: IndicatorEvent.streamID(plan: plan, indicator: id),
            fingerprint: ["indicator", plan.rawValue, id, period.description, value, note], context: context,
            fold: { events in try events.map(EventCoding.indicatorEvent) }, evolve: { $0 + [$1] },
            decide: { recorded, actor, _, now throws(Rejection) in
                try IndicatorDecider.decideRecord(
                    value, period: period, note: note, indicator: indicator, plan: plan, actor: actor, now: now,
                    recorded: recorded)
            },
            encode: EventCoding.encode))
    }
}
