import Foundation
import GRDB
import RoDomain

/// A published plan as `ro plan list` shows it.
public struct PlanSummary: Hashable, Codable, Sendable {
    public var id: String
    public var revision: Int
    public var number: String
    public var title: String
    public var publishedAt: Date
    public var tasks: Int
    public var indicators: Int
}

/// An indicator's latest value against its target: a row of `ro indicators`.
public struct IndicatorStatus: Hashable, Codable, Sendable {
    public var plan: String
    public var id: String
    public var name: String
    public var measure: Indicator.Measure
    public var unitLabel: String?
    public var trackedBy: String
    public var year: Int
    public var target: String?
    public var latest: Double?
    public var latestPeriod: String?
    public var reportedBy: String?
    public var progress: IndicatorProgress
}

extension SQLiteEventStore {
    public func plans() throws(StoreError) -> [PlanSummary] {
        try catchUp()
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT plan_id, revision, number, title, published_at, plan FROM plan_view ORDER BY plan_id")
                .map { row in
                    let plan = try EventCoding.sharedDecoder.decode(Plan.self, from: Data((row[5] as String).utf8))
                    return PlanSummary(
                        id: row[0], revision: row[1], number: row[2], title: row[3],
                        publishedAt: Timestamp.parse(row[4]) ?? Date(timeIntervalSince1970: 0),
                        tasks: plan.tasks.count, indicators: plan.indicators.count)
                }
        }
    }

    /// The plan in force and its revision, or `nil` if no plan has that id.
    public func plan(_ id: PlanID) throws(StoreError) -> (plan: Plan, revision: Int)? {
        try catchUp()
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT plan, revision FROM plan_view WHERE plan_id = ?", arguments: [id.rawValue])
            else { return nil }
            return (try EventCoding.sharedDecoder.decode(Plan.self, from: Data((row[0] as String).utf8)), row[1])
        }
    }

    /// Every indicator of every plan (or of one), with the latest value reported
    /// for a period of `year`, judged against that year's target at `now`.
    public func indicatorStatus(plan: PlanID?, year: Int, unit: UnitID?, now: Date) throws(StoreError) -> [IndicatorStatus] {
        let plans = try plans().filter { plan == nil || $0.id == plan?.rawValue }
        var result: [IndicatorStatus] = []
        for summary in plans {
            guard let (plan, _) = try self.plan(PlanID(unchecked: summary.id)) else { continue }
            for indicator in plan.indicators where unit == nil || indicator.trackedBy == unit {
                let latest = try read { db in
                    try Row.fetchOne(
                        db,
                        sql: """
                            SELECT value, period, reported_by FROM indicator_values
                            WHERE plan_id = ? AND indicator_id = ? AND period LIKE ?
                            ORDER BY period DESC, position DESC LIMIT 1
                            """,
                        arguments: [plan.id.rawValue, indicator.id, "\(year)-%"])
                }
                let value: Double? = latest?[0]
                result.append(IndicatorStatus(
                    plan: plan.id.rawValue, id: indicator.id, name: indicator.name, measure: indicator.measure,
                    unitLabel: indicator.unitLabel, trackedBy: indicator.trackedBy.rawValue, year: year,
                    target: indicator.target(for: year)?.text, latest: value, latestPeriod: latest?[1],
                    reportedBy: latest?[2],
                    progress: IndicatorProgress.assess(indicator, latest: value, year: year, at: now)))
            }
        }
        return result
    }
}
