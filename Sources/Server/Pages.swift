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
        /// Officers have no approval queue.
        var canSeeQueue = false
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
            csrf: context.sessions.session?.csrf, content: content,
            canSeeQueue: context.identity.map { $0.role != .officer } ?? false)
    }

    var store: SQLiteEventStore { handler.store }

    func add(to group: RouterGroup<WebContext>) {
        group.get("/") { _, context in
            try render("dashboard", model("Tình hình báo cáo", context, content: try dashboard(for: context.identity)))
        }
        group.get("/duyet") { request, context in try queuePage(request, context) }
        group.post("/duyet") { request, context in try await decide(request, context, approve: true) }
        group.post("/tra-lai") { request, context in try await decide(request, context, approve: false) }
        group.post("/duyet-ca-thang") { request, context in try await decideAll(request, context) }
        group.get("/nhiem-vu") { request, context in try taskPage(request, context) }
        group.post("/nhiem-vu/thao-tac") { request, context in try await taskAction(request, context) }
        group.get("/bao-cao") { request, context in try reportForm(request, context) }
        group.post("/bao-cao") { request, context in try await submitReport(request, context) }
        group.get("/minh-chung/{sha256}") { request, context in try evidenceFile(request, context) }
        group.get("/bao-cao-tong-hop") { request, context in try consolidatedPage(request, context) }
        group.get("/bao-cao-tong-hop.csv") { request, context in try consolidatedCSV(request, context) }
        group.get("/chi-tieu") { request, context in try indicatorsPage(request, context) }
    }
}
