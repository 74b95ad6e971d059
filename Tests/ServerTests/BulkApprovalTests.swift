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

/// Approving a unit's whole month in one click, each report at the revision shown.
@Suite struct BulkApprovalTests {
    let web: WebTests
    let second = TaskID(unchecked: "KH07-2")

    /// A second task of the same unit with its November report.
    init() throws {
        web = try WebTests()
        let handler = web.temporary.handler(at: web.now)
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        _ = try handler.execute(.assign(Fixture.assignment), on: second, context: by(Fixture.leader))
        _ = try handler.execute(.accept(note: nil), on: second, context: by(Fixture.officer))
        _ = try handler.execute(
            .report(.init(period: Period(year: 2026, month: 11)!, summary: "Đã lập danh sách")), on: second, context: by(Fixture.officer))
    }

    func approvals() throws -> Int {
        try [Fixture.task, second].flatMap { try web.temporary.store.events(of: TaskEvent.streamID($0)) }
            .filter { $0.type == "ReportApproved" }.count
    }

    @Test func theQueueOffersTheWholeMonthAndApprovesEachReport() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (_, queue) = try await WebTests.get(client, "/duyet", cookie)
            #expect(queue.contains("Duyệt tất cả 2 báo cáo của Phòng Văn hóa – Xã hội tháng 11/2026"))
            let token = try #require(WebTests.csrf(queue))
            let response = try await client.execute(
                uri: "/duyet-ca-thang", method: .post, headers: WebTests.formHeaders.merging(cookie),
                body: WebTests.form(["csrf": token, "period": "11/2026", "items": "\(Fixture.task)|1,\(second)|1"]))
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("Đã duyệt 2 báo cáo"))
            #expect(try approvals() == 2)
        }
    }

    @Test func aReportThatChangedIsNamedAndNotApproved() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (_, queue) = try await WebTests.get(client, "/duyet", cookie)
            let token = try #require(WebTests.csrf(queue))
            let response = try await client.execute(
                uri: "/duyet-ca-thang", method: .post, headers: WebTests.formHeaders.merging(cookie),
                body: WebTests.form(["csrf": token, "period": "2026-11", "items": "\(Fixture.task)|1,\(second)|2"]))
            #expect(response.status == .conflict)
            let page = String(buffer: response.body)
            #expect(page.contains("Đã duyệt 1 báo cáo: \(Fixture.task)") && page.contains("Không duyệt: \(second)"))
            #expect(try approvals() == 1)
        }
    }
}
