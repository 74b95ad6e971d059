import Foundation
import Hummingbird
import RoDomain
import RoEventStore
import RoHandlers

/// The monthly consolidated report the commune sends to the province: every
/// task that reports for the month, its units, deadline, the month's result,
/// product and status; as a printable page and as CSV.
extension Pages {
    /// The columns, in the order such reports use.
    static let consolidatedColumns = [
        "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả thực hiện trong tháng",
        "Sản phẩm/minh chứng", "Tình trạng",
    ]

    struct ConsolidatedLine {
        var number: Int
        var task: String
        var code: String?
        var title: String
        var lead: String
        var coUnits: String
        var deadline: String
        var result: String
        var output: String
        var status: String
        /// The CSS class of the status cell.
        var state: String

        /// "III.1.2. Title", or the title alone for a task outside a plan.
        var heading: String { code.map { "\($0). \(title)" } ?? title }

        var fields: [String] { ["\(number)", heading, lead, coUnits, deadline, result, output, status] }
    }

    struct Consolidated {
        var title: String
        var period: String
        var key: String
        var reference: String?
        var scope: String?
        var asOf: String
        var lines: [ConsolidatedLine]
        var empty: Bool
        var previous: String
        var next: String
    }

    func consolidatedPage(_ request: Request, _ context: WebContext) throws -> HTML {
        let report = try consolidated(request, context)
        return try render("consolidated", model(report.title, context, content: report))
    }

    func consolidatedCSV(_ request: Request, _ context: WebContext) throws -> CSVFile {
        let report = try consolidated(request, context)
        return CSVFile(
            filename: "bao-cao-tong-hop-\(report.key).csv",
            text: CSV.document([Self.consolidatedColumns] + report.lines.map(\.fields)))
    }

    func consolidated(_ request: Request, _ context: WebContext) throws -> Consolidated {
        let now = handler.clock.now()
        let period = try Self.period(request.uri.queryParameters.get("ky"), now: now)
        let units = Dictionary(try store.units().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ unit: UnitID) -> String { units[unit] ?? unit.rawValue }
        let scope = Self.scope(context)
        let rows: [MonthReportRow] = switch scope {
        case .all: try store.monthReport(period, unit: nil, now: now)
        case .unit(let unit): try store.monthReport(period, unit: unit, now: now)
        case .nothing: []
        }
        let lines = rows.enumerated().map { index, row in
            let state = row.state
            let status = Self.status(row.standing.state)
            return ConsolidatedLine(
                number: index + 1, task: row.task.rawValue, code: state.code, title: state.title, lead: name(state.lead),
                coUnits: state.coUnits.map(name).joined(separator: "; "), deadline: Self.deadline(state),
                result: row.report.map(Self.result) ?? "", output: row.report?.output ?? "", status: status.text,
                state: status.style)
        }
        let (title, reference) = try heading(period)
        let scopeText: String? = switch scope {
        case .all: nil
        case .unit(let unit): "Chỉ gồm các nhiệm vụ do \(name(unit)) chủ trì."
        case .nothing: "Tài khoản cán bộ chưa gắn với đơn vị nào."
        }
        return Consolidated(
            title: title, period: period.vietnamese, key: period.description, reference: reference, scope: scopeText,
            asOf: Self.moment(now), lines: lines, empty: lines.isEmpty, previous: Self.previous(period).description,
            next: period.next.description)
    }

    /// The report's title, and the plan it reports on when there is one.
    func heading(_ period: Period) throws -> (title: String, reference: String?) {
        let plans = try store.plans()
        guard plans.count == 1, let summary = plans.first,
            let (plan, _) = try store.plan(PlanID(unchecked: summary.id))
        else {
            let what = plans.isEmpty ? "nhiệm vụ" : "các kế hoạch"
            return ("Báo cáo tổng hợp kết quả thực hiện \(what) tháng \(period.vietnamese)", nil)
        }
        let document = plan.document
        let named = document.title.hasPrefix("Kế hoạch") ? document.title : "Kế hoạch \(document.title)"
        var reference = "Ủy ban nhân dân \(plan.commune.name)"
        // A number the plan file marks as unknown is left out, not printed.
        if !document.number.hasPrefix("CHƯA RÕ") {
            reference += " — Kế hoạch số \(document.number)"
            if let day = try? LocalDay.parse(document.date, field: "ngày") { reference += " ngày \(day.vietnamese)" }
        }
        return ("Báo cáo tổng hợp kết quả thực hiện \(named) tháng \(period.vietnamese)", reference)
    }

    /// Whose rows the user may see: an officer those of their own unit, everyone else all.
    enum Scope { case all, unit(UnitID), nothing }

    static func scope(_ context: WebContext) -> Scope {
        guard let user = context.identity, user.role == .officer else { return .all }
        return user.unit.map(Scope.unit) ?? .nothing
    }

    /// The month asked for (`ky=YYYY-MM`), or the month of `now`.
    static func period(_ text: String?, now: Date) throws -> Period {
        guard let text, !text.isEmpty else { return Period.containing(now) }
        do { return try Period.parse(text) } catch {
            throw WebError(
                status: .badRequest,
                message: "kỳ báo cáo '\(text)' không đúng dạng: cần năm và tháng dạng YYYY-MM, ví dụ 2026-11")
        }
    }

    static func previous(_ period: Period) -> Period {
        period.month == 1 ? Period(year: period.year - 1, month: 12) ?? period : Period(year: period.year, month: period.month - 1)!
    }

    /// The status of the month's report, and its CSS class.
    static func status(_ state: PeriodReport.State) -> (text: String, style: String) {
        switch state {
        case .approved: ("Đã duyệt", "approved")
        case .submitted: ("Chờ duyệt", "submitted")
        case .returned: ("Bị trả lại", "returned")
        case .pending: ("Chưa báo cáo", "pending")
        case .missing: ("Quá hạn chưa báo cáo", "late")
        }
    }

    /// The deadline as the plan writes it, else the due day, else ongoing.
    static func deadline(_ state: TaskState) -> String { deadline(text: state.deadlineText, due: state.due) }

    static func deadline(text: String?, due: Date?) -> String {
        if let text, !text.isEmpty { return text }
        if let due { return LocalDay.containing(due.addingTimeInterval(-1)).vietnamese }
        return "Thường xuyên"
    }

    /// The month's summary, with the share done when the report gives it.
    static func result(_ report: TaskState.Report) -> String {
        report.percentDone.map { "\(report.summary) (tiến độ \($0)%)" } ?? report.summary
    }

    /// "09:00 ngày 12/11/2026", commune time.
    static func moment(_ instant: Date) -> String {
        let minute = CommuneTime.localMinute(instant)
        return "\(minute.suffix(5)) ngày \(LocalDay.containing(instant).vietnamese)"
    }
}
