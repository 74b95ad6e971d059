import Foundation

/// What the scheduler needs of a task's plan: the reminder rule, the years the
/// plan covers and its coordinating unit. A task assigned by hand, outside any
/// plan, follows ``standalone``.
public struct ReminderRules: Hashable, Sendable {
    public var reminders: Plan.Reminders
    public var horizon: Plan.Horizon?
    public var coordinator: UnitID?

    public init(reminders: Plan.Reminders, horizon: Plan.Horizon?, coordinator: UnitID?) {
        self.reminders = reminders
        self.horizon = horizon
        self.coordinator = coordinator
    }

    public init(_ plan: Plan) {
        self.init(reminders: plan.reminders, horizon: plan.horizon, coordinator: plan.coordinator)
    }

    /// The default rule, no horizon, the coordinator role for the coordinator rung.
    public static let standalone = ReminderRules(reminders: .standard, horizon: nil, coordinator: nil)
}
