import Foundation
import Testing

@testable import RoDomain

/// Decider tests in the Equinox style:
///
/// ```swift
/// Scenario.given(Past.assigned())
///     .when(.accept(note: nil), by: Fx.officer, at: Fx.midNov)
///     .then([Past.accepted(at: Fx.midNov)])
///     .again.then([])
/// ```
///
/// GIVEN the events already in the stream, WHEN a command with its context
/// (actor, instant, known units, reporting rule), THEN the events decided, or
/// the typed ``Rejection``. `again` runs the same command on the state after the
/// decided events, to check that a retry is idempotent.
struct Scenario {
    var history: [TaskEvent]

    static func given(_ events: TaskEvent...) -> Scenario { Scenario(history: events) }
    static func given(_ events: [TaskEvent]) -> Scenario { Scenario(history: events) }

    /// The state the history folds to.
    var state: TaskState { TaskState.fold(history) }

    func when(
        _ command: TaskCommand, by actor: Actor, at now: Date, units: Set<UnitID> = Fx.units
    ) -> Decision {
        Decision(scenario: self, command: command, context: DecisionContext(actor: actor, now: now, units: units))
    }
}

/// One command about to be decided against a scenario's history.
struct Decision {
    var scenario: Scenario
    var command: TaskCommand
    var context: DecisionContext

    func decide() throws(Rejection) -> [TaskEvent] {
        try TaskDecider.decide(command, context, scenario.state)
    }

    /// THEN exactly these events. Returns the outcome, from which the same command
    /// can run `again` on the state the events leave.
    @discardableResult
    func then(_ expected: [TaskEvent], sourceLocation: SourceLocation = #_sourceLocation) -> Outcome {
        do {
            let events = try decide()
            #expect(events == expected, sourceLocation: sourceLocation)
            return Outcome(decision: self, events: events)
        } catch {
            Issue.record("expected \(expected), got rejection \(error)", sourceLocation: sourceLocation)
            return Outcome(decision: self, events: [])
        }
    }

    /// THEN this rejection, and no event.
    func then(rejects expected: Rejection, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: expected, sourceLocation: sourceLocation) { try decide() }
    }

    /// THEN some events, examined by `check` (for outcomes easier to test by a field).
    @discardableResult
    func thenEvents(
        sourceLocation: SourceLocation = #_sourceLocation, _ check: ([TaskEvent]) -> Void
    ) -> Outcome {
        do {
            let events = try decide()
            check(events)
            return Outcome(decision: self, events: events)
        } catch {
            Issue.record("expected events, got rejection \(error)", sourceLocation: sourceLocation)
            return Outcome(decision: self, events: [])
        }
    }
}

/// What a decision produced, and the world after it.
struct Outcome {
    var decision: Decision
    var events: [TaskEvent]

    /// The history after the decided events.
    var scenario: Scenario { Scenario(history: decision.scenario.history + events) }

    /// The state after the decided events.
    var state: TaskState { scenario.state }

    /// The same command, with the same context, on the state after the decided events.
    var again: Decision {
        Decision(scenario: scenario, command: decision.command, context: decision.context)
    }

    /// Another command on the state after the decided events.
    func when(
        _ command: TaskCommand, by actor: Actor, at now: Date, units: Set<UnitID> = Fx.units
    ) -> Decision {
        scenario.when(command, by: actor, at: now, units: units)
    }
}
