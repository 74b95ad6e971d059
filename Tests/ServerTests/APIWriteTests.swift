import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@testable import RoServer

/// The API's reads and writes beyond approving: a report with evidence, the
/// task actions, a unit's month at once, the same names as `ro --json`, and
/// faults that name their field.
@Suite struct APIWriteTests {
    let web: WebTests
    init() throws { web = try WebTests(reported: false) }

    func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as login: Login, _ body: String? = nil
    ) async throws -> (HTTPResponse.Status, Any?) {
        let response = try await client.execute(
            uri: uri, method: method, headers: APITests.basic(login), body: body.map(APITests.json))
        return (response.status, try? JSONSerialization.jsonObject(with: Data(buffer: response.body)))
    }

    static func error(_ json: Any?) -> String { (json as? [String: Any])?["error"] as? String ?? "" }

    @Test func anOfficerReportsWithEvidenceAndTheSameCommandIdAppendsNothing() async throws {
        let bytes = Data("Biên bản hội nghị".utf8)
        let body = """
            {"task":"KH07-1","period":"2026-11","summary":"Đã tổ chức 2 hội nghị","percent_done":40,
             "output":"Biên bản","command_id":"tinh-2026-11-kh07-1",
             "evidence":[{"name":"biên bản.txt","content_base64":"\(bytes.base64EncodedString())"}]}
            """
        try await web.app().test(.router) { client in
            let (status, json) = try await call(client, .post, "/api/report", as: Fixture.officer, body)
            #expect(status == .ok, "\(String(describing: json))")
            let written = try #require(json as? [String: Any])
            #expect(written["command_id"] as? String == "tinh-2026-11-kh07-1" && written["repeated"] as? Bool == false)
            let count = try web.temporary.store.lastPosition()
            let (again, repeated) = try await call(client, .post, "/api/report", as: Fixture.officer, body)
            #expect(again == .ok && (repeated as? [String: Any])?["repeated"] as? Bool == true)
            #expect(try web.temporary.store.lastPosition() == count)

            let last = try #require(try web.temporary.store.events(of: TaskEvent.streamID(Fixture.task)).last)
            guard case .reportSubmitted(let e) = try EventCoding.taskEvent(last) else { Issue.record("not a report"); return }
            #expect(e.evidence?.first?.name == "biên bản.txt" && e.evidence?.first?.size == bytes.count)
            #expect(EvidenceStore(beside: web.temporary.path).get(e.evidence?.first?.sha256 ?? "") == bytes)
            #expect(last.metadata.source == .web && e.percentDone == 40)

            // The task and its history read as `ro task show --json` and `ro history --json` do.
            let (_, task) = try await call(client, .get, "/api/task?id=KH07-1", as: Fixture.auditor)
            let reports = try #require((task as? [String: Any])?["reports"] as? [[String: Any]])
            #expect(reports.first?["submitted_at"] as? String == "2026-11-12T02:00:00.000Z")
            let (_, history) = try await call(client, .get, "/api/history?task=KH07-1", as: Fixture.leader)
            let entries = try #require(history as? [[String: Any]])
            #expect(entries.map { $0["type"] as? String } == ["TaskAssigned", "TaskAccepted", "ReportSubmitted"])
            #expect(entries.last?["source"] as? String == "web" && entries.last?["actor_name"] as? String == "Trần Thị Lan")
        }
    }

    @Test func aRefusedReportKeepsNoFile() async throws {
        let body = #"{"task":"KH07-1","period":"2026-11","summary":"x","evidence":[{"name":"a.txt","content_base64":"eA=="}]}"#
        try await web.app().test(.router) { client in
            let (status, json) = try await call(client, .post, "/api/report", as: Fixture.otherOfficer, body)
            #expect(status == .forbidden, "\(String(describing: json))")
            let (bad, fault) = try await call(
                client, .post, "/api/report", as: Fixture.officer,
                #"{"task":"KH07-1","period":"2026-11","summary":"x","evidence":[{"name":"a.txt","content_base64":"%%"}]}"#)
            #expect(bad == .badRequest && Self.error(fault) == "trường 'evidence[0].content_base64' không phải base64")
            #expect(!FileManager.default.fileExists(atPath: web.temporary.path + ".evidence"))
        }
    }

    @Test func theTaskActionsGoThroughTheHandler() async throws {
        try await web.app().test(.router) { client in
            let (requested, _) = try await call(
                client, .post, "/api/extension-request", as: Fixture.officer,
                #"{"task":"KH07-1","due":"2027-01-31","reason":"Chờ kinh phí"}"#)
            #expect(requested == .ok)
            let (refused, fault) = try await call(
                client, .post, "/api/extension-grant", as: Fixture.officer, #"{"task":"KH07-1"}"#)
            #expect(refused == .forbidden && Self.error(fault) == "vai trò cán bộ đơn vị không được gia hạn")
            let (granted, _) = try await call(client, .post, "/api/extension-grant", as: Fixture.leader, #"{"task":"KH07-1"}"#)
            #expect(granted == .ok)
            let (_, task) = try await call(client, .get, "/api/task?id=KH07-1", as: Fixture.officer)
            #expect((task as? [String: Any])?["due"] as? String == "2027-01-31T17:00:00.000Z")
            #expect((task as? [String: Any])?["original_due"] as? String == "2026-12-31T17:00:00.000Z")
            let (noReason, missing) = try await call(client, .post, "/api/cancel", as: Fixture.leader, #"{"task":"KH07-1"}"#)
            #expect(noReason == .badRequest && Self.error(missing).contains("lý do"))
        }
    }

    @Test func anOfficerReadsTheirUnitOnlyAndTheQueueIsNotTheirs() async throws {
        try await web.app().test(.router) { client in
            let (_, own) = try await call(client, .get, "/api/tasks", as: Fixture.otherOfficer)
            #expect((own as? [[String: Any]])?.isEmpty == true, "vp leads no task")
            let (forbidden, _) = try await call(client, .get, "/api/tasks?unit=vhxh", as: Fixture.otherOfficer)
            #expect(forbidden == .forbidden)
            #expect(try await call(client, .get, "/api/task?id=KH07-1", as: Fixture.otherOfficer).0 == .forbidden)
            #expect(try await call(client, .get, "/api/history?task=KH07-1", as: Fixture.otherOfficer).0 == .forbidden)
            #expect(try await call(client, .get, "/api/queue", as: Fixture.officer).0 == .forbidden)
            let (_, all) = try await call(client, .get, "/api/tasks?period=2026-11", as: Fixture.auditor)
            let row = try #require((all as? [[String: Any]])?.first)
            #expect(row["id"] as? String == "KH07-1" && (row["period_report"] as? [String: Any])?["state"] as? String == "pending")
            #expect(try await call(client, .get, "/api/task?id=khong-co", as: Fixture.auditor).0 == .notFound)
            #expect(try await call(client, .get, "/api/tasks?status=bay", as: Fixture.auditor).0 == .badRequest)
        }
    }

    @Test func aUnitsMonthIsApprovedAtOnceAndAChangedReportIsNamed() async throws {
        let handler = web.temporary.handler(at: web.now)
        let second = TaskID(unchecked: "KH07-9")
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        var assignment = Fixture.assignment
        assignment.title = "Lập danh sách hộ chưa có tài khoản định danh"
        _ = try await handler.execute(.assign(assignment), on: second, context: by(Fixture.leader))
        for task in [Fixture.task, second] {
            _ = try await handler.execute(.report(.init(period: Period(year: 2026, month: 11)!, summary: "Xong")), on: task, context: by(Fixture.officer))
        }
        try await web.app().test(.router) { client in
            let (_, queue) = try await call(client, .get, "/api/queue", as: Fixture.leader)
            #expect((queue as? [[String: Any]])?.map { $0["task"] as? String } == ["KH07-1", "KH07-9"])
            let (status, json) = try await call(
                client, .post, "/api/approve-month", as: Fixture.leader,
                #"{"period":"2026-11","items":[{"task":"KH07-1","revision":1},{"task":"KH07-9","revision":2}]}"#)
            #expect(status == .ok)
            let result = try #require(json as? [String: Any])
            #expect((result["approved"] as? [Any])?.count == 1)
            let refused = try #require((result["refused"] as? [[String: Any]])?.first)
            #expect(refused["task"] as? String == "KH07-9" && (refused["error"] as? String)?.contains("lần") == true)
        }
    }

    @Test func faultsNameTheirFieldAndNothingIsWritten() async throws {
        try await web.app().test(.router) { client in
            let before = try web.temporary.store.lastPosition()
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/api/approve", #"{"period":"2026-11"}"#, .badRequest, "thiếu trường 'task'"),
                ("/api/approve", #"{"task":"KH07-1","period":"2026-11","revision":"một"}"#, .badRequest, "trường 'revision' sai kiểu"),
                ("/api/report", #"{"task":"KH07-1","period":"2026-11","summary":"x","percent_done":150}"#, .badRequest, "0–100"),
                ("/api/report", #"{"task":"KH07-1","period":"2026-11","summary":"x","indicators":{"CT01":"nhiều"}}"#, .badRequest, "trường 'indicators.CT01' sai kiểu"),
                ("/api/accept", "[1]", .badRequest, "JSON gửi lên phải là một đối tượng"),
                ("/api/extension-request", #"{"task":"KH07-1","due":"31/1/2027","reason":"x"}"#, .badRequest, "hạn mới"),
                ("/api/accept", #"{"task":"khong-co"}"#, .notFound, "không có nhiệm vụ"),
            ]
            for (uri, body, status, message) in cases {
                let (got, json) = try await call(client, .post, uri, as: Fixture.leader, body)
                #expect(got == status, "\(uri) \(body)")
                #expect(Self.error(json).contains(message), "\(uri) \(body): \(Self.error(json))")
            }
            let plain = try await client.execute(
                uri: "/api/accept", method: .post, headers: APITests.basic(Fixture.officer).replacing(.contentType, "text/plain"),
                body: APITests.json(#"{"task":"KH07-1"}"#))
            #expect(plain.status == .unsupportedMediaType)
            #expect(try web.temporary.store.lastPosition() == before)
        }
    }
}

extension HTTPFields {
    func replacing(_ name: HTTPField.Name, _ value: String) -> HTTPFields {
        var fields = self
        fields[name] = value
        return fields
    }
}
