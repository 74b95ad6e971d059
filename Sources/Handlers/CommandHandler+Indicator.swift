import Foundation
import RoDomain
import RoEventStore

extension CommandHandler {
    /// Records a value of a plan's indicator for a month, on the indicator's own stream.
    public func recordIndicator(
        _ value: Double, plan: PlanID, indicator id: String, period: Period, note: String?, context: CommandContext
    ) throws(CommandError) -> CommandOutcome {
        let directory = try directory()
        let actor = try resolve(context.login, in: directory)
        guard let published = try self.plan(plan).plan else { throw .rejected(.unknownPlan(plan.rawValue)) }
        guard let indicator = published.indicators.first(where: { $0.id == id }) else {
            throw .rejected(.unknownIndicator(id))
        }
        let now = clock.now()
        return try run(
            stream: IndicatorEvent.streamID(plan: plan, indicator: id),
            fingerprint: ["indicator", plan.rawValue, id, period.description, value, note], context: context,
            actor: actor,
            fold: { events throws(StoreError) in try events.map(EventCoding.indicatorEvent) },
            decide: { recorded throws(Rejection) in
                try IndicatorDecider.decideRecord(
                    value, period: period, note: note, indicator: indicator, plan: plan, actor: actor, now: now,
                    recorded: recorded)
            },
            encode: EventCoding.encode)
    }
}
