import Foundation

/// A value of an indicator, recorded by the unit that tracks it (or the
/// coordinator), apart from any task report: schools, the police or the health
/// station track indicators without leading a task that serves them.
public enum IndicatorEvent: Hashable, Codable, Sendable {
    case valueRecorded(ValueRecorded)

    public struct ValueRecorded: Hashable, Codable, Sendable {
        public var plan: String
        public var indicator: String
        public var period: Period
        public var value: Double
        public var note: String?
        public var by: Login
        public var at: Date
    }

    public var typeName: String { "IndicatorValueRecorded" }

    public static func streamID(plan: PlanID, indicator: String) -> String { "indicator-\(plan)/\(indicator)" }
}

public enum IndicatorDecider {
    /// Records `value` for `period`. The same value again for the same period decides nothing.
    public static func decideRecord(
        _ value: Double, period: Period, note: String?, indicator: Indicator, plan: PlanID, actor: Actor, now: Date,
        recorded: [IndicatorEvent]
    ) throws(Rejection) -> [IndicatorEvent] {
        guard actor.isOfficer(of: indicator.trackedBy) || [.coordinator, .leader].contains(actor.role) else {
            if actor.role == .officer { throw .notTrackingUnitOfficer(indicator: indicator.id, unit: indicator.trackedBy) }
            throw .notPermitted(action: "ghi giá trị chỉ tiêu", role: actor.role)
        }
        guard period <= Period.containing(now) else { throw .periodInFuture(period) }
        let last = recorded.last { if case .valueRecorded(let e) = $0 { e.period == period } else { false } }
        if case .valueRecorded(let e)? = last, e.value == value, e.note == note { return [] }
        return [.valueRecorded(.init(
            plan: plan.rawValue, indicator: indicator.id, period: period, value: value, note: note, by: actor.login, at: now))]
    }
}
