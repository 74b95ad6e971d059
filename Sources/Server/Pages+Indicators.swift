import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The plans' indicators for a year: the target, the latest value, the
/// progress, and a bar chart of value against target drawn on the server.
extension Pages {
    struct IndicatorLine {
        var plan: String
        var id: String
        var name: String
        var trackedBy: String
        var target: String
        var latest: String
        var period: String
        var progress: String
        /// The CSS class of the progress (met, on-track, behind, none).
        var style: String
    }

    struct IndicatorsPage {
        var year: Int
        var previous: Int
        var next: Int
        var scope: String?
        var lines: [IndicatorLine]
        var empty: Bool
        /// The chart as SVG markup, already escaped; `nil` when no indicator has a bar.
        var chart: String?
        /// How many indicators are listed without a bar; `nil` for none.
        var unchartedCount: Int?
    }

    func indicatorsPage(_ request: Request, _ context: WebContext) throws -> HTML {
        let now = handler.clock.now()
        let year = try Self.year(request.uri.queryParameters.get("nam"), now: now)
        let units = Dictionary(try store.units().map { ($0.id.rawValue, $0.name) }, uniquingKeysWith: { a, _ in a })
        let scope = Self.scope(context)
        let rows: [IndicatorStatus] = switch scope {
        case .all: try store.indicatorStatus(plan: nil, year: year, unit: nil, now: now)
        case .unit(let unit): try store.indicatorStatus(plan: nil, year: year, unit: unit, now: now)
        case .nothing: []
        }
        var plans: [String: Plan] = [:]
        for id in Set(rows.map(\.plan)) { plans[id] = try store.plan(PlanID(unchecked: id))?.plan }
        var bars: [SVGChart.Bar] = []
        let lines = rows.map { row in
            let indicator = plans[row.plan]?.indicators.first { $0.id == row.id }
            if let indicator, let bar = Self.bar(row, indicator) { bars.append(bar) }
            return IndicatorLine(
                plan: row.plan, id: row.id, name: row.name, trackedBy: units[row.trackedBy] ?? row.trackedBy,
                target: row.target ?? "—", latest: Self.valueText(row) ?? "chưa có số liệu",
                period: row.latestPeriod.flatMap { try? Period.parse($0) }?.vietnamese ?? "",
                progress: row.progress.vietnamese, style: Self.style(row.progress))
        }
        let chart = bars.isEmpty ? nil : SVGChart(title: "Tiến độ chỉ tiêu năm \(year): giá trị mới nhất so với mục tiêu", bars: bars).render()
        let scopeText: String? = switch scope {
        case .all: nil
        case .unit(let unit): "Chỉ gồm các chỉ tiêu do \(units[unit.rawValue] ?? unit.rawValue) theo dõi."
        case .nothing: "Tài khoản cán bộ chưa gắn với đơn vị nào."
        }
        let page = IndicatorsPage(
            year: year, previous: year - 1, next: year + 1, scope: scopeText, lines: lines, empty: lines.isEmpty,
            chart: chart, unchartedCount: lines.count > bars.count ? lines.count - bars.count : nil)
        return try render("indicators", model("Tiến độ thực hiện chỉ tiêu năm \(year)", context, content: page))
    }

    /// The year asked for (`nam=YYYY`), or the year of `now`.
    static func year(_ text: String?, now: Date) throws -> Int {
        guard let text, !text.isEmpty else { return Period.containing(now).year }
        guard text.count == 4, text.utf8.allSatisfy({ (48...57).contains($0) }), let year = Int(text),
            (2000...2100).contains(year)
        else {
            throw WebError(status: .badRequest, message: "năm '\(text)' không đúng: cần bốn chữ số từ 2000 đến 2100, ví dụ 2026")
        }
        return year
    }

    /// A bar for a percent or count indicator with a target in numbers; none for the others.
    static func bar(_ row: IndicatorStatus, _ indicator: Indicator) -> SVGChart.Bar? {
        guard let target = indicator.target(for: row.year), target.comparator != .qualitative else { return nil }
        let top = target.upper ?? target.value
        let scale: Double
        switch row.measure {
        case .percent: scale = max(100, top)
        case .count: scale = top
        case .rank, .index: return nil
        }
        guard scale > 0 else { return nil }
        let value = valueText(row) ?? "chưa có số liệu"
        let period = row.latestPeriod.flatMap { try? Period.parse($0) }.map { " (tháng \($0.vietnamese))" } ?? ""
        return SVGChart.Bar(
            label: row.id,
            title: "\(row.id) — \(row.name): mới nhất \(value)\(period); mục tiêu \(target.text); \(row.progress.vietnamese)",
            value: row.latest, scale: scale, target: target.value,
            caption: "\(value) / mục tiêu \(target.text)", style: style(row.progress))
    }

    /// The latest value with its unit: "60%", "12 mô hình".
    static func valueText(_ row: IndicatorStatus) -> String? {
        guard let latest = row.latest else { return nil }
        let number = decimal(latest)
        guard let label = row.unitLabel, !label.isEmpty else { return number }
        return label == "%" ? "\(number)%" : "\(number) \(label)"
    }

    /// A number as Vietnamese writes it: at most two decimals, after a comma.
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }

    static func style(_ progress: IndicatorProgress) -> String {
        switch progress {
        case .met: "met"
        case .onTrack: "on-track"
        case .behind: "behind"
        case .noTarget, .qualitative: "none"
        }
    }
}
