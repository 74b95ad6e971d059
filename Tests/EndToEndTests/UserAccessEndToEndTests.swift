import Foundation
import Testing

/// `ro user deactivate` and `reactivate` with the built binary: someone who
/// left the post can no longer act, their history stays, and only the
/// administrator changes access.
@Suite("ro end to end: deactivating and reactivating users")
struct UserAccessEndToEndTests {
    @Test func aDeactivatedOfficerCannotActUntilReactivatedAndTheirReportStays() async throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        ro.now = "2026-11-12T09:00:00+07:00"
        let report = try await ro.runWaiting(["report", "KH07-1", "--period", "2026-11", "--summary", "Đã họp", "--as", "lan"])
        #expect(report.status == 0, "\(report.stderr)")

        ro.now = "2026-11-13T09:00:00+07:00"
        let off = try await ro.runWaiting(["user", "deactivate", "lan", "--reason", "chuyển công tác", "--as", "admin", "--json"])
        #expect(off.status == 0, "\(off.stderr)")
        let written = try #require(try off.json() as? [String: Any])
        let events = try #require(written["events"] as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == ["UserDeactivated"])
        let again = try await ro.runWaiting(["user", "deactivate", "lan", "--as", "admin", "--json"])
        #expect(again.status == 0)
        #expect(((try again.json() as? [String: Any])?["events"] as? [Any])?.isEmpty == true, "deactivating twice wrote again")

        let before = try ro.eventCount()
        let refused = try await ro.runWaiting(["report", "KH07-1", "--period", "2026-11", "--summary", "Lần nữa", "--as", "lan"])
        #expect(refused.status == 67)
        #expect(refused.stderr == "ro: tài khoản 'lan' đã bị khóa\n")
        #expect(try ro.eventCount() == before, "a refused command wrote something")

        let users = try #require(try await ro.runWaiting(["user", "list", "--json"]).json() as? [[String: Any]])
        let lan = try #require(users.first { $0["login"] as? String == "lan" })
        #expect(lan["deactivated_at"] as? String == "2026-11-13T02:00:00.000Z")
        #expect(users.first { $0["login"] as? String == "minh" }?["deactivated_at"] == nil)
        let table = try await ro.runWaiting(["user", "list"])
        #expect(table.stdout.contains("đã khóa từ 2026-11-13 09:00"))

        // What lan did stays in the task's history, in her name.
        let history = try #require(try await ro.runWaiting(["history", "KH07-1", "--json"]).json() as? [[String: Any]])
        #expect(history.last?["type"] as? String == "ReportSubmitted")
        #expect(history.last?["actor"] as? String == "lan")

        let on = try await ro.runWaiting(["user", "reactivate", "lan", "--as", "admin"])
        #expect(on.status == 0, "\(on.stderr)")
        #expect(on.stdout.contains("Đã mở lại tài khoản lan."))
        ro.now = "2026-11-14T09:00:00+07:00"
        let accepted = try await ro.runWaiting(["approve", "KH07-1", "--period", "2026-11", "--as", "chutich"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try await ro.runWaiting(["verify"]).status == 0)
    }

    @Test func onlyTheAdministratorChangesAccessAndNeverTheirOwn() async throws {
        let ro = try RoRunner()
        try ro.seed()
        let before = try ro.eventCount()
        let cases: [([String], Int32, String)] = [
            (["user", "deactivate", "lan", "--as", "chutich"], 67, "ro: vai trò lãnh đạo không được khóa tài khoản\n"),
            (["user", "deactivate", "admin", "--as", "admin"], 67, "ro: không thể tự khóa tài khoản của chính mình\n"),
            (["user", "deactivate", "khong-co", "--as", "admin"], 66, "ro: không có người dùng 'khong-co'\n"),
            (["user", "reactivate", "lan", "--as", "thanhtra"], 67, "ro: vai trò kiểm tra không được mở lại tài khoản\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try await ro.runWaiting(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr == message, "\(arguments)")
        }
        #expect(try ro.eventCount() == before)
    }
}
