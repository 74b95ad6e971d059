import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import RoDomain
import RoEventStore
import RoHandlers
import RoWorkflows
import Testing
import TestSupport

@testable import RoServer

/// The officers' report form: multipart with evidence files kept by content,
/// their SHA-256 in the event; refused for anyone but the lead unit's officers.
@Suite struct ReportFormTests {
    let web: WebTests

    init() throws {
        // The same commune, with the November report not yet sent: it is sent here.
        web = try WebTests(reported: false)
    }

    static let boundary = "----ro-test-boundary"

    static func multipart(_ fields: [(String, String)], files: [(String, String, Data)] = []) -> ByteBuffer {
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, filename, data) in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(bytes: body)
    }

    static func headers(_ cookie: String) -> HTTPFields {
        [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: cookie]
    }

    @Test func anOfficerReportsWithEvidenceAndTheHashIsInTheEvent() async throws {
        let bytes = Data("Biên bản hội nghị tuyên truyền, 12/11/2026".utf8)
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.officer))
            let (status, form) = try await WebTests.get(client, "/bao-cao?ma=\(Fixture.task.rawValue)", cookie)
            #expect(status == .ok && form.contains(#"name="period" value="2026-11""#))
            let token = try #require(WebTests.csrf(form))
            let response = try await client.execute(
                uri: "/bao-cao", method: .post, headers: Self.headers(cookie),
                body: Self.multipart(
                    [("csrf", token), ("task", Fixture.task.rawValue), ("period", "2026-11"),
                     ("summary", "Đã tổ chức 2 hội nghị; 120 lượt người tham dự"), ("percent", "40")],
                    files: [("evidence", "biên bản.pdf", bytes)]))
            #expect(response.status == .seeOther)
            let last = try #require(try web.temporary.store.events(of: TaskEvent.streamID(Fixture.task)).last)
            guard case .reportSubmitted(let e) = try EventCoding.taskEvent(last) else { Issue.record("not a report"); return }
            let file = try #require(e.evidence?.first)
            #expect(file.name == "biên bản.pdf" && file.size == bytes.count)
            #expect(e.percentDone == 40 && last.metadata.source == .web)
            let kept = EvidenceStore(beside: web.temporary.path)
            #expect(kept.get(file.sha256) == bytes)
            // The task page links the file, which downloads as it was.
            let (_, page) = try await WebTests.get(client, "/nhiem-vu?ma=\(Fixture.task.rawValue)", cookie)
            #expect(page.contains("Minh chứng: biên bản.pdf"))
            let link = "/minh-chung/\(file.sha256)?ma=\(Fixture.task.rawValue)"
            #expect(page.contains(link + "&amp;ten="))
            let download = try await client.execute(uri: link, method: .get, headers: [.cookie: cookie])
            #expect(download.status == .ok && Data(buffer: download.body) == bytes)
            #expect(download.headers[.contentDisposition]?.contains("filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n%2Epdf") == true)
            // Only through a task that has the file, and only for those who may see that task.
            let unnamed = try await client.execute(uri: "/minh-chung/\(file.sha256)", method: .get, headers: [.cookie: cookie])
            #expect(unnamed.status == .badRequest)
            let other = try #require(try await WebTests.signIn(client, Fixture.otherOfficer))
            let foreign = try await client.execute(uri: link, method: .get, headers: [.cookie: other])
            #expect(foreign.status == .forbidden)
        }
    }

    @Test func theFormSentTwiceReportsOnceAndARefusedReportKeepsNoFile() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.officer))
            let (_, form) = try await WebTests.get(client, "/bao-cao?ma=\(Fixture.task.rawValue)", cookie)
            let commandID = try #require(form.components(separatedBy: #"name="command_id" value=""#).dropFirst().first?.prefix { $0 != "\"" })
            let fields = [
                ("csrf", try #require(WebTests.csrf(form))), ("command_id", String(commandID)), ("task", Fixture.task.rawValue),
                ("period", "2026-11"), ("summary", "Đã họp triển khai"),
            ]
            let first = try await client.execute(uri: "/bao-cao", method: .post, headers: Self.headers(cookie), body: Self.multipart(fields))
            #expect(first.status == .seeOther)
            let count = try web.temporary.store.lastPosition()
            let again = try await client.execute(uri: "/bao-cao", method: .post, headers: Self.headers(cookie), body: Self.multipart(fields))
            #expect(again.status == .seeOther, "a second tap answers as the first")
            #expect(try web.temporary.store.lastPosition() == count)
            // A new form while the report awaits its decision: refused, and its file is not kept.
            let other = fields.filter { $0.0 != "command_id" }
            let refused = try await client.execute(
                uri: "/bao-cao", method: .post, headers: Self.headers(cookie),
                body: Self.multipart(other, files: [("evidence", "thêm.pdf", Data("thêm".utf8))]))
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("báo cáo kỳ 2026-11 đang chờ lãnh đạo xem xét"))
            #expect(!FileManager.default.fileExists(atPath: web.temporary.path + ".evidence"))
            #expect(try web.temporary.store.lastPosition() == count)
        }
    }

    @Test func aReturnedRevisionsEvidenceStaysListedAndDownloads() async throws {
        let bytes = Data("Danh sách tham dự".utf8)
        let handler = web.temporary.handler(at: web.now)
        let file = try EvidenceStore(beside: web.temporary.path).put(bytes, name: "danh-sach.pdf")
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        let november = Period(year: 2026, month: 11)!
        _ = try await handler.execute(.report(.init(period: november, summary: "Lần đầu", evidence: [file])), on: Fixture.task, context: by(Fixture.officer))
        _ = try await handler.execute(.returnReport(period: november, revision: 1, reason: "Thiếu"), on: Fixture.task, context: by(Fixture.leader))
        _ = try await handler.execute(.report(.init(period: november, summary: "Lần hai")), on: Fixture.task, context: by(Fixture.officer))
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let (_, page) = try await WebTests.get(client, "/nhiem-vu?ma=\(Fixture.task.rawValue)", cookie)
            #expect(page.contains("Tháng 11/2026, lần 1: <a href=\"/minh-chung/\(file.sha256)?ma=KH07-1&amp;ten="))
            let download = try await client.execute(
                uri: "/minh-chung/\(file.sha256)?ma=\(Fixture.task.rawValue)", method: .get, headers: [.cookie: cookie])
            #expect(download.status == .ok && Data(buffer: download.body) == bytes)
        }
    }

    @Test func onlyTheLeadUnitsOfficersMayReport() async throws {
        try await web.app().test(.router) { client in
            let leader = try #require(try await WebTests.signIn(client, Fixture.leader))
            #expect(try await WebTests.get(client, "/bao-cao?ma=\(Fixture.task.rawValue)", leader).0 == .forbidden)
            let other = try #require(try await WebTests.signIn(client, Fixture.otherOfficer))
            let (_, home) = try await WebTests.get(client, "/", other)
            let token = try #require(WebTests.csrf(home))
            let before = try web.temporary.store.lastPosition()
            let response = try await client.execute(
                uri: "/bao-cao", method: .post, headers: Self.headers(other),
                body: Self.multipart([("csrf", token), ("task", Fixture.task.rawValue), ("period", "2026-11"), ("summary", "x")]))
            #expect(response.status == .forbidden)
            #expect(try web.temporary.store.lastPosition() == before)
        }
    }

    @Test func aBadFieldIsRefusedAndNothingIsWritten() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.officer))
            let (_, form) = try await WebTests.get(client, "/bao-cao?ma=\(Fixture.task.rawValue)", cookie)
            let token = try #require(WebTests.csrf(form))
            let before = try web.temporary.store.lastPosition()
            for (field, value, fragment) in [("percent", "150", "0–100"), ("period", "2026-13", "kỳ báo cáo"), ("summary", "", "không được để trống")] {
                var fields = ["csrf": token, "task": Fixture.task.rawValue, "period": "2026-11", "summary": "Nội dung", "percent": "40"]
                fields[field] = value
                let response = try await client.execute(
                    uri: "/bao-cao", method: .post, headers: Self.headers(cookie), body: Self.multipart(fields.map { ($0.key, $0.value) }))
                #expect(response.status == .badRequest, "\(field)")
                #expect(String(buffer: response.body).contains(fragment), "\(field)")
            }
            let plain = try await client.execute(
                uri: "/bao-cao", method: .post, headers: [.contentType: "text/plain", .cookie: cookie], body: ByteBuffer(string: "x"))
            #expect(plain.status == .unsupportedMediaType)
            #expect(try web.temporary.store.lastPosition() == before)
        }
    }
}

/// A plan task's report form asks for the values of the indicators it serves.
@Suite struct PlanReportFormTests {
    @Test func indicatorValuesGoWithTheReport() async throws {
        let web = try WebTests(reported: false)
        let handler = web.temporary.handler(at: web.now)
        let plan = try RoWorkflows.PlanFile.read(path: Repository.path("Workflows/nhon-trach-2026.yaml"))
        _ = try handler.loadPlan(plan.plan, digest: plan.digest, context: CommandContext(login: Fixture.leader, source: .cli))
        let hung = Login(unchecked: "hung")
        func admin() -> CommandContext { CommandContext(login: Fixture.admin, source: .cli) }
        _ = try handler.addUser(.init(login: hung, name: "Đỗ Văn Hùng", role: .officer, unit: UnitID(unchecked: "hcc"), email: nil), context: admin())
        _ = try handler.setPassword(hung, hash: Bcrypt.hash(WebTests.password, cost: 4), context: admin())
        let task = TaskID(unchecked: "nt-2026/III.3.3")
        _ = try await handler.execute(.accept(note: nil), on: task, context: CommandContext(login: hung, source: .cli))
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, hung))
            let (_, form) = try await WebTests.get(client, "/bao-cao?ma=\(task)", cookie)
            #expect(form.contains(#"name="indicator.CT11""#) && form.contains(#"name="indicator.CT12""#))
            let token = try #require(WebTests.csrf(form))
            let response = try await client.execute(
                uri: "/bao-cao", method: .post, headers: ReportFormTests.headers(cookie),
                body: ReportFormTests.multipart([
                    ("csrf", token), ("task", task.rawValue), ("period", "2026-11"), ("summary", "Hồ sơ trực tuyến đạt 91,5%"),
                    ("indicator.CT11", "91,5"), ("indicator.CT12", ""),
                ]))
            #expect(response.status == .seeOther)
            let state = try #require(try web.temporary.store.task(task))
            #expect(state.reports[Period(year: 2026, month: 11)!]?.indicators == [.init(indicator: "CT11", value: 91.5)])
        }
    }
}
