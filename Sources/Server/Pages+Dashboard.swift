import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The dashboard: who is late, this month unit by unit (worst first, for a
/// phone), and the year's grid of units × months. Every cell links to the
/// unit's tasks of that month. An officer sees their own unit only.
extension Pages {
    struct Dashboard {
        var year: Int
        var months: [Month]
        var rows: [Row]
        var daysLeft: Int
        var nextDue: String
        var current: String
        var thisMonth: [Cell]
        var late: [LateUnit]
        var noneLate: Bool
    }

    struct Month { var label: String; var old: Bool }
    struct Row { var unit: String; var name: String; var cells: [Cell] }
    struct Cell {
        var name: String
        var state: String
        var label: String
        var counts: String
        var link: String
        /// More than two months back: left out on a narrow screen.
        var old: Bool
        /// Worst first: late, returned, awaiting, not yet due, approved, nothing.
        var rank: Int
    }
    /// A unit with reports past their deadline and not in, and the months.
    struct LateUnit { var name: String; var count: Int; var months: [LateMonth] }
    struct LateMonth { var label: String; var count: Int; var link: String }

    /// The grid; an officer sees their own unit only.
    func dashboard(for user: Directory.User?) throws -> Dashboard {
        let now = handler.clock.now()
        let current = Period.containing(now)
        let periods = (1...current.month).compactMap { Period(year: current.year, month: $0) }
        let units = try store.units().filter { user?.role != .officer || $0.id == user?.unit }
        var rows = units.map { Row(unit: $0.id.rawValue, name: $0.name, cells: []) }
        var late: [String: LateUnit] = [:]
        let year = try store.reportStatus(periods, now: now)
        for period in periods {
            let statuses = Dictionary((year[period] ?? []).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
            let old = current.month - period.month > 2
            for index in rows.indices {
                let link = "/nhiem-vu?don-vi=\(rows[index].unit)&ky=\(period)"
                let status = statuses[rows[index].unit]
                rows[index].cells.append(Self.cell(status, name: rows[index].name, link: link, old: old))
                if let status, status.missing > 0 {
                    late[rows[index].unit, default: LateUnit(name: rows[index].name, count: 0, months: [])].count += status.missing
                    late[rows[index].unit]?.months.append(LateMonth(label: "T\(period.month)", count: status.missing, link: link))
                }
            }
        }
        let rule = ReportingRule.standard
        let due = rule.due(for: current) > now ? rule.due(for: current) : rule.due(for: current.next)
        let days = LocalDay.containing(now).days(until: LocalDay.containing(due.addingTimeInterval(-1)))
        return Dashboard(
            year: current.year, months: periods.map { Month(label: "T\($0.month)", old: current.month - $0.month > 2) },
            rows: rows, daysLeft: days, nextDue: LocalDay.containing(due.addingTimeInterval(-1)).vietnamese,
            current: current.vietnamese,
            thisMonth: rows.compactMap(\.cells.last).filter { $0.rank < 5 }.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) },
            late: late.values.sorted { ($0.count, $1.name) > ($1.count, $0.name) }, noneLate: late.isEmpty)
    }

    /// The worst state of a unit's month: late or missing, returned, awaiting, not yet due, approved.
    static func cell(_ status: UnitMonthStatus?, name: String, link: String, old: Bool) -> Cell {
        func cell(_ state: String, _ label: String, _ rank: Int) -> Cell {
            // `late` counts the missing too: said apart, as reports that came in late.
            let counts = status.map { s in
                "\(s.approved)/\(s.tasks) đã duyệt" + (s.late > s.missing ? ", \(s.late - s.missing) nộp trễ" : "")
            } ?? ""
            return Cell(name: name, state: state, label: label, counts: rank == 5 ? "" : counts, link: link, old: old, rank: rank)
        }
        guard let s = status, s.tasks > 0 else { return cell("none", "—", 5) }
        if s.missing > 0 { return cell("late", "thiếu \(s.missing)", 0) }
        if s.returned > 0 { return cell("returned", "trả lại \(s.returned)", 1) }
        if s.submitted > 0 { return cell("submitted", "chờ duyệt \(s.submitted)", 2) }
        if s.pending > 0 { return cell("pending", "chưa đến hạn", 3) }
        return cell("approved", "đã duyệt", 4)
    }
}
