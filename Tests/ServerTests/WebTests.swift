import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@testable import RoServer

/// The web front through its router: sign-in, roles, CSRF, the queue, a stale
/// form, and the decision landing in the task's history with the leader as actor.
@Suite struct WebTests {
    let temporary: TemporaryStore
    let now = Fixture.instant("2026-11-12T09:00:00+07:00")
    static let password = "mật-khẩu-đủ-dài"

    /// The fixture's commune, a password for the leader and the officer, and a
    /// November report submitted by the officer.
    init() throws { try self.init(reported: true) }

    init(reported: Bool) throws {
        temporary = try TemporaryStore()
        let handler = temporary.handler(at: now)
        try Fixture.seedDirectory(handler)
        let hash = Bcrypt.hash(Self.password, cost: 4)
        for login in [Fixture.leader, Fixture.officer, Fixture.otherOfficer, Fixture.auditor] {
            _ = try handler.setPassword(login, hash: hash, context: CommandContext(login: Fixture.admin, source: .cli))
        }
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        _ = try handler.execute(.assign(Fixture.assignment), on: Fixture.task, context: by(Fixture.leader))
        _ = try handler.execute(.accept(note: nil), on: Fixture.task, context: by(Fixture.officer))
        guard reported else { return }
        _ = try handler.execute(
            .report(.init(period: Period(year: 2026, month: 11)!, summary: "Đã tổ chức 2 hội nghị tuyên truyền", percentDone: 40)),
            on: Fixture.task, context: by(Fixture.officer))
    }

    func app() async throws -> some ApplicationProtocol {
        try await buildApplication(WebDependencies(
            handler: temporary.handler(at: now), evidence: EvidenceStore(beside: temporary.path), secureCookies: true))
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(string: fields.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&"))
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in and returns the session cookie.
    static func signIn(_ client: some TestClientProtocol, _ login: Login, password: String = password) async throws -> String? {
        let response = try await client.execute(
            uri: "/dang-nhap", method: .post, headers: formHeaders, body: form(["login": login.rawValue, "password": password]))
        guard response.status == .found, let cookie = response.headers[.setCookie] else { return nil }
        return String(cookie.split(separator: ";")[0])
    }

    static func get(_ client: some TestClientProtocol, _ uri: String, _ cookie: String) async throws -> (HTTPResponse.Status, String) {
        let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
        return (response.status, String(buffer: response.body))
    }

    static func csrf(_ page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func signingInSetsASecureHttpOnlyCookieAndAWrongPasswordIsRefused() async throws {
        try await app().test(.router) { client in
            let anonymous = try await client.execute(uri: "/", method: .get)
            #expect(anonymous.status == .found && anonymous.headers[.location] == "/dang-nhap")
            let wrong = try await client.execute(
                uri: "/dang-nhap", method: .post, headers: Self.formHeaders,
                body: Self.form(["login": "chutich", "password": "sai-mat-khau"]))
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            let right = try await client.execute(
                uri: "/dang-nhap", method: .post, headers: Self.formHeaders,
                body: Self.form(["login": "chutich", "password": Self.password]))
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
        }
    }

    @Test func failedSignInsAreThrottled() async throws {
        try await app().test(.router) { client in
            for _ in 0..<SignInThrottle.allowed {
                #expect(try await Self.signIn(client, Fixture.leader, password: "sai") == nil)
            }
            let blocked = try await client.execute(
                uri: "/dang-nhap", method: .post, headers: Self.formHeaders,
                body: Self.form(["login": "chutich", "password": Self.password]))
            #expect(blocked.status == .tooManyRequests)
            #expect(String(buffer: blocked.body).contains("Sai quá nhiều lần"))
        }
    }

    @Test func theDashboardShowsEachUnitsMonth() async throws {
        try await app().test(.router) { client in
            let cookie = try #require(try await Self.signIn(client, Fixture.auditor))
            let (status, page) = try await Self.get(client, "/", cookie)
            #expect(status == .ok)
            #expect(page.contains("Phòng Văn hóa – Xã hội"))
            // Each cell links to the unit's tasks of that month.
            #expect(page.contains(#"<td class="submitted"><a href="/nhiem-vu?don-vi=vhxh&amp;ky=2026-11">chờ duyệt 1</a><br><small>0/1 đã duyệt</small>"#))
            // This month, unit by unit, for a phone; nobody is late yet.
            #expect(page.contains(#"<li class="submitted"><a href="/nhiem-vu?don-vi=vhxh&amp;ky=2026-11">Phòng Văn hóa – Xã hội</a>: chờ duyệt 1"#))
            #expect(page.contains("Không có báo cáo nào quá hạn mà chưa gửi."))
            #expect(page.contains("Còn <strong>7</strong> ngày đến hạn báo cáo tháng (hết ngày 19/11/2026)"))
            // A row per unit, a cell per month of the year so far.
            let row = try #require(page.components(separatedBy: "<tr>").first { $0.contains("<th>Phòng Văn hóa – Xã hội</th>") })
            #expect(row.components(separatedBy: "<td").count - 1 == 11)
            #expect(page.contains("<th>Văn phòng HĐND và UBND xã</th>"))
        }
    }

    @Test func aLeaderApprovesAndTheDecisionIsInTheHistory() async throws {
        try await app().test(.router) { client in
            let cookie = try #require(try await Self.signIn(client, Fixture.leader))
            let (_, queue) = try await Self.get(client, "/duyet", cookie)
            #expect(queue.contains("Tuyên truyền Nghị quyết 57-NQ/TW"))
            let token = try #require(Self.csrf(queue))
            var fields = ["csrf": token, "task": Fixture.task.rawValue, "period": "2026-11", "revision": "1", "note": "Đồng ý"]
            // Without the form's token: refused, nothing written.
            let before = try temporary.store.lastPosition()
            let forged = try await client.execute(
                uri: "/duyet", method: .post, headers: Self.formHeaders.merging(cookie),
                body: Self.form(fields.merging(["csrf": "x"]) { $1 }))
            #expect(forged.status == .forbidden)
            // A page drawn for an older revision: a conflict, not an overwrite.
            fields["revision"] = "2"
            let stale = try await client.execute(uri: "/duyet", method: .post, headers: Self.formHeaders.merging(cookie), body: Self.form(fields))
            #expect(stale.status == .conflict)
            #expect(try temporary.store.lastPosition() == before)
            fields["revision"] = "1"
            let approved = try await client.execute(uri: "/duyet", method: .post, headers: Self.formHeaders.merging(cookie), body: Self.form(fields))
            #expect(approved.status == .seeOther)
            let last = try #require(try temporary.store.events(of: TaskEvent.streamID(Fixture.task)).last)
            #expect(last.type == "ReportApproved")
            #expect(last.metadata.actor.login == Fixture.leader && last.metadata.source == .web)
            let (_, page) = try await Self.get(client, "/nhiem-vu?ma=\(Fixture.task.rawValue)", cookie)
            #expect(page.contains("Duyệt báo cáo kỳ 2026-11 lần 1. Ghi chú: Đồng ý"))
        }
    }

    @Test func anOfficerCannotSeeTheQueueNorApprove() async throws {
        try await app().test(.router) { client in
            let cookie = try #require(try await Self.signIn(client, Fixture.officer))
            let (status, page) = try await Self.get(client, "/duyet", cookie)
            #expect(status == .forbidden && page.contains("chỉ dành cho lãnh đạo"))
            let (_, home) = try await Self.get(client, "/", cookie)
            let token = try #require(Self.csrf(home))
            let before = try temporary.store.lastPosition()
            let response = try await client.execute(
                uri: "/duyet", method: .post, headers: Self.formHeaders.merging(cookie),
                body: Self.form(["csrf": token, "task": Fixture.task.rawValue, "period": "2026-11", "revision": "1"]))
            #expect(response.status == .forbidden)
            #expect(try temporary.store.lastPosition() == before)
        }
    }

    @Test func badRequestsGetTheirStatus() async throws {
        try await app().test(.router) { client in
            let cookie = try #require(try await Self.signIn(client, Fixture.leader))
            #expect(try await Self.get(client, "/nhiem-vu?ma=khong-co", cookie).0 == .notFound)
            #expect(try await Self.get(client, "/nhiem-vu?ma=", cookie).0 == .badRequest)
            #expect(try await Self.get(client, "/nhiem-vu?ma=a%20b", cookie).0 == .badRequest)
            let huge = ByteBuffer(string: "note=" + String(repeating: "a", count: 100_000))
            let tooLarge = try await client.execute(
                uri: "/duyet", method: .post, headers: Self.formHeaders.merging(cookie), body: huge)
            #expect(tooLarge.status == .contentTooLarge)
        }
    }
}

extension HTTPFields {
    func merging(_ cookie: String) -> HTTPFields {
        var fields = self
        fields[.cookie] = cookie
        return fields
    }
}
