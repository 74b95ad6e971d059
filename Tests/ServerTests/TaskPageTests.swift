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

/// A task's page offers each person what the rules let them do now, and
/// nothing else; each action goes through the handler as that person.
@Suite struct TaskPageTests {
    let web: WebTests
    init() throws { web = try WebTests() }

    var taskURI: String { "/nhiem-vu?ma=\(Fixture.task.rawValue)" }

    /// The `action` values of the task page's forms.
    static func actions(_ page: String) -> [String] {
        page.components(separatedBy: #"name="action" value=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The command id of the form of `action`.
    static func commandID(_ page: String, action: String) -> String? {
        guard let form = page.components(separatedBy: "<form").first(where: { $0.contains(#"name="action" value="\#(action)""#) }),
            let range = form.range(of: #"name="command_id" value=""#)
        else { return nil }
        return String(form[range.upperBound...].prefix { $0 != "\"" })
    }

    func post(_ client: some TestClientProtocol, _ cookie: String, _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: "/nhiem-vu/thao-tac", method: .post, headers: WebTests.formHeaders.merging(cookie), body: WebTests.form(fields))
    }

    func events() throws -> [RecordedEvent] { try web.temporary.store.events(of: TaskEvent.streamID(Fixture.task)) }

    @Test func theOfficerRequestsAnExtensionOnceEvenIfTheFormIsSentTwice() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.officer))
            let (status, page) = try await WebTests.get(client, taskURI, cookie)
            #expect(status == .ok)
            // Accepted already: the officer may report, ask for more time, report completion.
            #expect(Self.actions(page) == ["extension-request", "complete"])
            // The November report awaits a decision: nothing to report this month until then.
            #expect(!page.contains(#"href="/bao-cao?ma=KH07-1""#))
            #expect(page.contains("Phòng Văn hóa – Xã hội (vhxh)") && page.contains("hết ngày 31/12/2026"))
            let fields = [
                "csrf": try #require(WebTests.csrf(page)), "task": Fixture.task.rawValue, "action": "extension-request",
                "command_id": try #require(Self.commandID(page, action: "extension-request")),
                "due": "2027-01-31", "reason": "Chờ kinh phí năm sau",
            ]
            let first = try await post(client, cookie, fields)
            #expect(first.status == .seeOther && first.headers[.location] == taskURI + "&xong=extension-request")
            let count = try events().count
            let again = try await post(client, cookie, fields)
            #expect(again.status == .seeOther, "the same form again answers as the first time")
            #expect(try events().count == count)
            let last = try #require(try events().last)
            #expect(last.type == "ExtensionRequested" && last.metadata.source == .web && last.metadata.actor.login == Fixture.officer)
            let (_, after) = try await WebTests.get(client, taskURI + "&xong=extension-request", cookie)
            #expect(after.contains("Đã gửi đề nghị gia hạn."))
            #expect(after.contains("đến hết ngày 31/01/2027 — Chờ kinh phí năm sau"))
            #expect(!Self.actions(after).contains("extension-request"), "one request at a time")
        }
    }

    @Test func theLeaderGrantsTheExtensionAndApprovesFromTheTaskPage() async throws {
        _ = try await web.temporary.handler(at: web.now).execute(
            .requestExtension(due: try CommuneTime.deadline(fromDate: "2027-01-31", field: "hạn"), reason: "Chờ kinh phí"),
            on: Fixture.task, context: CommandContext(login: Fixture.officer, source: .cli))
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (_, page) = try await WebTests.get(client, taskURI, cookie)
            #expect(Self.actions(page).filter { !["approve", "return"].contains($0) }
                == ["reassign", "extension-grant", "extension-deny", "cancel"])
            let token = try #require(WebTests.csrf(page))
            let granted = try await post(client, cookie, [
                "csrf": token, "task": Fixture.task.rawValue, "action": "extension-grant", "due": "", "note": "Đồng ý",
            ])
            #expect(granted.status == .seeOther)
            let (_, after) = try await WebTests.get(client, taskURI, cookie)
            #expect(after.contains("hết ngày 31/01/2027") && after.contains("(hạn ban đầu 31/12/2026)"))
            // The November report awaits: approve it here, and come back here.
            let approve = try await client.execute(
                uri: "/duyet", method: .post, headers: WebTests.formHeaders.merging(cookie),
                body: WebTests.form([
                    "csrf": token, "task": Fixture.task.rawValue, "period": "11/2026", "revision": "1", "back": taskURI,
                ]))
            #expect(approve.status == .seeOther && approve.headers[.location] == taskURI + "&xong=approve")
            #expect(try events().last?.type == "ReportApproved")
        }
    }

    @Test func anAuditorSeesEverythingAndMayDoNothing() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let (status, page) = try await WebTests.get(client, taskURI, cookie)
            #expect(status == .ok && Self.actions(page).isEmpty)
            #expect(page.contains("Báo cáo kỳ 2026-11 lần 1, 40%: Đã tổ chức 2 hội nghị tuyên truyền"))
            let before = try web.temporary.store.lastPosition()
            let refused = try await post(client, cookie, [
                "csrf": try #require(WebTests.csrf(page)), "task": Fixture.task.rawValue, "action": "cancel", "reason": "Thử",
            ])
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("vai trò kiểm tra không được"))
            #expect(try web.temporary.store.lastPosition() == before)
        }
    }

    @Test func badActionsAreRefusedAndNothingIsWritten() async throws {
        try await web.app().test(.router) { client in
            let leader = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (_, page) = try await WebTests.get(client, taskURI, leader)
            let token = try #require(WebTests.csrf(page))
            let before = try web.temporary.store.lastPosition()
            let cases: [([String: String], HTTPResponse.Status, String)] = [
                (["action": "cancel", "reason": "  "], .badRequest, "lý do"),
                (["action": "bay-len"], .badRequest, "không rõ việc cần làm"),
                (["action": "cancel", "reason": "x", "csrf": "sai"], .forbidden, "biểu mẫu đã cũ"),
                (["action": "cancel", "reason": "x", "task": "khong-co"], .notFound, "không có nhiệm vụ"),
                (["action": "reassign", "to": "vhxh"], .conflict, "vhxh"),
                (["action": "confirm"], .conflict, "xác nhận hoàn thành"),
                (["action": "cancel", "reason": "x", "command_id": "có dấu"], .badRequest, "mã lệnh"),
            ]
            for (fields, status, fragment) in cases {
                let response = try await post(client, leader, ["csrf": token, "task": Fixture.task.rawValue].merging(fields) { $1 })
                #expect(response.status == status, "\(fields)")
                #expect(String(buffer: response.body).contains(fragment), "\(fields): \(String(buffer: response.body))")
            }
            #expect(try web.temporary.store.lastPosition() == before)
            let other = try #require(try await WebTests.signIn(client, Fixture.otherOfficer))
            #expect(try await WebTests.get(client, taskURI, other).0 == .forbidden)
        }
    }
}
