import Foundation
import Hummingbird
import Mustache
import RoDomain
import RoEventStore
import RoHandlers

/// The pages: templates loaded once, models made from the read models.
struct Pages: Sendable {
    let templates: MustacheLibrary
    let handler: CommandHandler
    let evidence: EvidenceStore

    /// What every page shows: its title, the user, the CSRF token, a message.
    struct Model {
        var title: String
        var user: String?
        var role: String?
        var csrf: String?
        var error: String?
        var notice: String?
        var content: Any?
    }

    func render(_ template: String, _ model: Model, status: HTTPResponse.Status = .ok) throws -> HTML {
        guard let text = templates.render(model, withTemplate: template) else {
            throw WebError(status: .internalServerError, message: "thiếu mẫu trang \(template)")
        }
        return HTML(status: status, text: text)
    }

    func model(_ title: String, _ context: WebContext, content: Any? = nil) -> Model {
        Model(
            title: title, user: context.identity?.name, role: context.identity?.role.vietnamese,
            csrf: context.sessions.session?.csrf, content: content)
    }

    var store: SQLiteEventStore { handler.store }

    func add(to group: RouterGroup<WebContext>) {
        group.get("/") { _, context in
            try render("dashboard", model("Tình hình báo cáo", context, content: try dashboard(for: context.identity)))
        }
        group.get("/duyet") { _, context in try queuePage(context) }
        group.post("/duyet") { request, context in try await decide(request, context, approve: true) }
        group.post("/tra-lai") { request, context in try await decide(request, context, approve: false) }
        group.post("/duyet-ca-thang") { request, context in try await decideAll(request, context) }
        group.get("/nhiem-vu") { request, context in try taskPage(request, context) }
        group.get("/bao-cao") { request, context in try reportForm(request, context) }
        group.post("/bao-cao") { request, context in try await submitReport(request, context) }
        group.get("/minh-chung/{sha256}") { request, context in try evidenceFile(request, context) }
        group.get("/bao-cao-tong-hop") { request, context in try consolidatedPage(request, context) }
        group.get("/bao-cao-tong-hop.csv") { request, context in try consolidatedCSV(request, context) }
        group.get("/chi-tieu") { request, context in try indicatorsPage(request, context) }
    }

    // MARK: Dashboard

    struct Cell { var state: String; var label: String; var counts: String }
    struct Row { var unit: String; var name: String; var cells: [Cell] }
    struct Dashboard { var year: Int; var months: [String]; var rows: [Row]; var daysLeft: Int; var nextDue: String }

    /// The grid; an officer sees their own unit only.
    func dashboard(for user: Directory.User?) throws -> Dashboard {
        let now = handler.clock.now()
        let current = Period.containing(now)
        let periods = (1...current.month).compactMap { Period(year: current.year, month: $0) }
        let units = try store.units().filter { user?.role != .officer || $0.id == user?.unit }
        // Every unit, a cell for every month: "—" where it owed nothing that month.
        let none = Cell(state: "none", label: "—", counts: "")
        var cells: [String: [Cell]] = [:]
        for period in periods {
            let statuses = Dictionary(try store.reportStatus(period, now: now).map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
            for unit in units { cells[unit.id.rawValue, default: []].append(statuses[unit.id.rawValue].map(Self.cell) ?? none) }
        }
        let rows = units.map { Row(unit: $0.id.rawValue, name: $0.name, cells: cells[$0.id.rawValue] ?? []) }
        let rule = ReportingRule.standard
        let due = rule.due(for: current) > now ? rule.due(for: current) : rule.due(for: current.next)
        let days = LocalDay.containing(now).days(until: LocalDay.containing(due.addingTimeInterval(-1)))
        return Dashboard(
            year: current.year, months: periods.map { "T\($0.month)" }, rows: rows, daysLeft: days,
            nextDue: LocalDay.containing(due.addingTimeInterval(-1)).vietnamese)
    }

    /// The worst state of a unit's month: late or missing, returned, awaiting, not yet due, approved.
    static func cell(_ s: UnitMonthStatus) -> Cell {
        let counts = "\(s.approved)/\(s.tasks) duyệt"
        if s.tasks == 0 { return Cell(state: "none", label: "—", counts: "") }
        if s.missing > 0 { return Cell(state: "late", label: "thiếu \(s.missing)", counts: counts) }
        if s.returned > 0 { return Cell(state: "returned", label: "trả lại \(s.returned)", counts: counts) }
        if s.submitted > 0 { return Cell(state: "submitted", label: "chờ duyệt \(s.submitted)", counts: counts) }
        if s.pending > 0 { return Cell(state: "pending", label: "chưa đến hạn", counts: counts) }
        return Cell(state: "approved", label: "đã duyệt", counts: counts)
    }
}
