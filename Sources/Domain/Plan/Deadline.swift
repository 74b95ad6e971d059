import Foundation

/// When a task must deliver, in the kinds the plans use. Written in a plan as
/// Vietnamese text (see ``DeadlineText``) and resolved to concrete due instants,
/// in the commune's time zone, by ``deliverables(horizon:)``.
public indirect enum Deadline: Hashable, Codable, Sendable {
    /// "30/9/2025": by the end of that day.
    case date(year: Int, month: Int, day: Int)
    /// "Tháng 7/2025", "Tháng 7,8/2025": by the end of the last month named.
    case months(year: Int, months: [Int])
    /// "Năm 2025": by the end of the year.
    case year(Int)
    /// "Giai đoạn 2025-2026": by the end of the last year.
    case years(from: Int, to: Int)
    /// "Hàng năm": one deliverable each year of the plan's horizon, by the end of that year.
    case annually
    /// "Thường xuyên": no end; monthly reports only.
    case ongoing
    /// "Khi có văn bản của cấp trên": no deadline until a document sets one (`ro trigger`).
    case onInstruction
    /// "Tháng 7/2025, duy trì hàng năm": the first deliverable, then the same one
    /// again every later year of the horizon, by the same day of the year.
    case thenAnnually(Deadline)

    /// One thing due: a key that names it (`2025`, `2025-07`, `2025-09-30`,
    /// `2025-2026`) and the instant it is due by.
    public struct Deliverable: Hashable, Codable, Sendable {
        public var key: String
        public var due: Date

        public init(key: String, due: Date) {
            self.key = key
            self.due = due
        }
    }

    /// The deliverables within a plan's horizon (its years, inclusive), in order.
    public func deliverables(horizon: ClosedRange<Int>) -> [Deliverable] {
        switch self {
        case .date(let year, let month, let day):
            return [Deliverable(key: String(format: "%04d-%02d-%02d", year, month, day), due: Self.endOfDay(year, month, day))]
        case .months(let year, let months):
            let last = months.max() ?? 12
            return [Deliverable(key: String(format: "%04d-%02d", year, last), due: Self.endOfMonth(year, last))]
        case .year(let year):
            return [Deliverable(key: String(year), due: Self.endOfMonth(year, 12))]
        case .years(let from, let to):
            return [Deliverable(key: "\(from)-\(to)", due: Self.endOfMonth(to, 12))]
        case .annually:
            return horizon.map { Deliverable(key: String($0), due: Self.endOfMonth($0, 12)) }
        case .ongoing, .onInstruction:
            return []
        case .thenAnnually(let first):
            let firsts = first.deliverables(horizon: horizon)
            guard let firstYear = first.lastYear else { return firsts }
            return firsts + horizon.filter { $0 > firstYear }.map(first.shifted(to:))
        }
    }

    /// The last year this deadline names, if it names one.
    public var lastYear: Int? {
        switch self {
        case .date(let year, _, _), .months(let year, _), .year(let year): year
        case .years(_, let to): to
        case .thenAnnually(let first): first.lastYear
        case .annually, .ongoing, .onInstruction: nil
        }
    }

    /// The years this deadline names, to check them against the plan's horizon.
    public var namedYears: [Int] {
        switch self {
        case .date(let year, _, _), .months(let year, _), .year(let year): [year]
        case .years(let from, let to): [from, to]
        case .thenAnnually(let first): first.namedYears
        case .annually, .ongoing, .onInstruction: []
        }
    }

    /// The same deliverable in another year (for "duy trì hàng năm").
    func shifted(to year: Int) -> Deliverable {
        switch self {
        case .date(_, let month, let day):
            let day = min(day, Self.daysIn(year, month))
            return Deliverable(key: String(format: "%04d-%02d-%02d", year, month, day), due: Self.endOfDay(year, month, day))
        case .months(_, let months):
            let last = months.max() ?? 12
            return Deliverable(key: String(format: "%04d-%02d", year, last), due: Self.endOfMonth(year, last))
        default:
            return Deliverable(key: String(year), due: Self.endOfMonth(year, 12))
        }
    }

    static func endOfDay(_ year: Int, _ month: Int, _ day: Int) -> Date {
        CommuneTime.calendar.date(byAdding: .day, value: 1, to: CommuneTime.startOfDay(year: year, month: month, day: day)!)!
    }

    static func endOfMonth(_ year: Int, _ month: Int) -> Date {
        Period(year: year, month: month)!.next.start
    }

    static func daysIn(_ year: Int, _ month: Int) -> Int {
        CommuneTime.calendar.range(of: .day, in: .month, for: Period(year: year, month: month)!.start)!.count
    }
}
