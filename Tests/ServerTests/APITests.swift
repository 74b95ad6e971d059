import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import RoDomain
import RoEventStore
import Testing
import TestSupport

@testable import RoServer

/// The JSON API: HTTP Basic, the same rules as the pages, JSON errors.
@Suite struct APITests {
    let web: WebTests

    init() throws { web = try WebTests() }

    static func basic(_ login: Login, _ password: String = WebTests.password) -> HTTPFields {
        let token = Data("\(login.rawValue):\(password)".utf8).base64EncodedString()
        return [.authorization: "Basic \(token)", .contentType: "application/json"]
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func theOpenAPIDocumentIsServedAndNamesEveryPath() async throws {
        try await web.app().test(.router) { client in
            let response = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            let text = String(buffer: response.body)
            #expect(response.status == .ok && text.hasPrefix("openapi: 3.1.0"))
            for path in ["/api/status:", "/api/approve:", "/api/return:"] { #expect(text.contains(path)) }
        }
    }

    @Test func withoutCredentialsTheAPIAsksForThem() async throws {
        try await web.app().test(.router) { client in
            let response = try await client.execute(uri: "/api/status", method: .get)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            let wrong = try await client.execute(uri: "/api/status", method: .get, headers: Self.basic(Fixture.leader, "sai"))
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains("mật khẩu không đúng"))
        }
    }

    @Test func aLeaderApprovesThroughTheAPIAndAnOfficerCannot() async throws {
        try await web.app().test(.router) { client in
            let body = Self.json(#"{"task":"\#(Fixture.task.rawValue)","period":"2026-11","revision":1}"#)
            let before = try web.temporary.store.lastPosition()
            let officer = try await client.execute(uri: "/api/approve", method: .post, headers: Self.basic(Fixture.officer), body: body)
            #expect(officer.status == .forbidden)
            #expect(String(buffer: officer.body).hasPrefix(#"{"error":"#))
            let stale = try await client.execute(
                uri: "/api/approve", method: .post, headers: Self.basic(Fixture.leader),
                body: Self.json(#"{"task":"\#(Fixture.task.rawValue)","period":"2026-11","revision":2}"#))
            #expect(stale.status == .conflict)
            let malformed = try await client.execute(uri: "/api/approve", method: .post, headers: Self.basic(Fixture.leader), body: Self.json("{"))
            #expect(malformed.status == .badRequest)
            #expect(try web.temporary.store.lastPosition() == before)
            let approved = try await client.execute(uri: "/api/approve", method: .post, headers: Self.basic(Fixture.leader), body: body)
            #expect(approved.status == .ok)
            let written = try #require(try JSONSerialization.jsonObject(with: Data(buffer: approved.body)) as? [String: Any])
            #expect((written["events"] as? [[String: Any]])?.map { $0["type"] as? String } == ["ReportApproved"])
            #expect(written["repeated"] as? Bool == false && written["command_id"] is String)
            let status = try await client.execute(uri: "/api/status?period=2026-11", method: .get, headers: Self.basic(Fixture.auditor))
            let rows = try JSONSerialization.jsonObject(with: Data(buffer: status.body)) as? [[String: Any]]
            #expect(rows?.first { $0["unit"] as? String == "vhxh" }?["approved"] as? Int == 1)
        }
    }
}

/// A password that passed bcrypt is remembered for a few minutes, keyed to the
/// hash it matched; anything else goes to bcrypt.
@Suite struct VerifiedPasswordsTests {
    @Test func aRememberedPasswordStillNeedsTheSameHashAndTheSamePassword() {
        let passwords = VerifiedPasswords()
        let login = Login(unchecked: "chutich")
        let hash = Bcrypt.hash("mật-khẩu-cũ-dài", cost: 4)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(passwords.verify(login, "mật-khẩu-cũ-dài", hash: hash, now: now))
        #expect(passwords.verify(login, "mật-khẩu-cũ-dài", hash: hash, now: now.addingTimeInterval(60)))
        #expect(!passwords.verify(login, "sai", hash: hash, now: now))
        // The password was changed since: the old one no longer opens, remembered or not.
        let changed = Bcrypt.hash("mật-khẩu-mới-dài", cost: 4)
        #expect(!passwords.verify(login, "mật-khẩu-cũ-dài", hash: changed, now: now))
        #expect(passwords.verify(login, "mật-khẩu-mới-dài", hash: changed, now: now.addingTimeInterval(VerifiedPasswords.lifetime * 2)))
    }
}

extension APITests {
    @Test func failedAPICallsAreThrottledLikeSignIns() async throws {
        try await web.app().test(.router) { client in
            for _ in 0..<SignInThrottle.allowed {
                let wrong = try await client.execute(uri: "/api/status", method: .get, headers: Self.basic(Fixture.leader, "sai"))
                #expect(wrong.status == .unauthorized)
            }
            let blocked = try await client.execute(uri: "/api/status", method: .get, headers: Self.basic(Fixture.leader))
            #expect(blocked.status == .tooManyRequests)
            #expect(String(buffer: blocked.body) == #"{"error":"sai quá nhiều lần; thử lại sau"}"#)
        }
    }
}
