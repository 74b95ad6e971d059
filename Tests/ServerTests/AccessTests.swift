import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoDomain
import RoHandlers
import Testing
import TestSupport

@testable import RoServer

/// A deactivated user: their open session ends at once, they cannot sign in
/// again, nor use the API; after reactivation they can.
@Suite struct AccessTests {
    let web: WebTests
    init() throws { web = try WebTests() }

    func setAccess(_ active: Bool) throws {
        _ = try web.temporary.handler(at: web.now).setAccess(
            Fixture.officer, active: active, reason: "chuyển công tác", context: CommandContext(login: Fixture.admin, source: .cli))
    }

    @Test func aDeactivatedOfficersSessionEndsAndTheyCannotSignInAgain() async throws {
        try await web.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.officer))
            #expect(try await WebTests.get(client, "/", cookie).0 == .ok)
            try setAccess(false)
            let after = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie])
            #expect(after.status == .found && after.headers[.location] == "/dang-nhap")

            let again = try await client.execute(
                uri: "/dang-nhap", method: .post, headers: WebTests.formHeaders,
                body: WebTests.form(["login": Fixture.officer.rawValue, "password": WebTests.password]))
            #expect(again.status == .forbidden)
            #expect(again.headers[.setCookie] == nil)
            #expect(String(buffer: again.body).contains("Tài khoản này đã bị khóa."))
            // A wrong password says nothing about the account being locked.
            let wrong = try await client.execute(
                uri: "/dang-nhap", method: .post, headers: WebTests.formHeaders,
                body: WebTests.form(["login": Fixture.officer.rawValue, "password": "sai-mat-khau"]))
            #expect(wrong.status == .unauthorized && !String(buffer: wrong.body).contains("khóa"))

            let api = try await client.execute(uri: "/api/status", method: .get, headers: APITests.basic(Fixture.officer))
            #expect(api.status == .forbidden)
            #expect(String(buffer: api.body) == #"{"error":"tài khoản đã bị khóa"}"#)

            try setAccess(true)
            #expect(try await WebTests.signIn(client, Fixture.officer) != nil)
        }
    }
}
