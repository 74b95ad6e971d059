import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoMail
import Testing
import TestSupport

@testable import RoScheduler

/// A temporary failure is tried again by a later pass at its time, never by
/// sleeping inside the pass: the scheduler's sendmail runs once per digest and
/// pass, so a pass whose sendmail defers everything is no longer than one whose
/// sendmail accepts.
@Suite struct DeferralTests {
    /// A sendmail that notes each run in `runs` and exits with `status`.
    func sendmail(_ world: SchedulerWorld, status: Int32) throws -> (program: String, runs: String) {
        let runs = world.temporary.directory.appendingPathComponent("runs").path
        let program = world.temporary.directory.appendingPathComponent("sendmail-\(status)").path
        try "#!/bin/sh\ncat > /dev/null\necho run >> '\(runs)'\nexit \(status)\n".write(
            toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        return (program, runs)
    }

    func runs(_ path: String) -> Int {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func runner(_ world: SchedulerWorld, _ program: String, at instant: String) throws -> ReminderRunner {
        ReminderRunner(
            store: world.store,
            mailer: SendmailMailer(program: program, sender: try MailAddress("ro@xa.vn"), displayName: "Rõ"),
            clock: SetTime(Fixture.instant(instant)), messageDomain: "xa.vn", text: ReminderText(sender: "UBND xã Thử Nghiệm"))
    }

    @Test func aDeferringSendmailRunsOncePerDigestAndTheRetryIsLeftToALaterPass() async throws {
        let world = try SchedulerWorld()
        let (program, log) = try sendmail(world, status: 75)
        let report = try await runner(world, program, at: "2026-11-13T07:30:00+07:00").run()
        // Two digests, two runs of sendmail: no second try inside the pass.
        #expect(runs(log) == 2)
        #expect(report.results.allSatisfy { if case .temporary(75, _) = $0.result { true } else { false } })
        let deferred = try world.store.reminderLog(status: .deferred)
        #expect(deferred.count == 2 && deferred.allSatisfy { $0.attempts == 1 })
        #expect(deferred.allSatisfy { $0.retryAt == Fixture.instant("2026-11-13T07:35:00+07:00") })
        // The loop wakes for the retry.
        #expect(report.next == Fixture.instant("2026-11-13T07:35:00+07:00"))
        // Not before its time; at its time, once more each.
        _ = try await runner(world, program, at: "2026-11-13T07:34:00+07:00").run()
        #expect(runs(log) == 2)
        _ = try await runner(world, program, at: "2026-11-13T07:35:00+07:00").run()
        #expect(runs(log) == 4)
        #expect(try world.store.reminderLog(status: .deferred).allSatisfy { $0.attempts == 2 })
    }

    @Test func anAcceptingSendmailRunsOncePerDigestToo() async throws {
        let world = try SchedulerWorld()
        let (program, log) = try sendmail(world, status: 0)
        _ = try await runner(world, program, at: "2026-11-13T07:30:00+07:00").run()
        #expect(runs(log) == 2)
        #expect(try world.store.reminderLog(status: .accepted).count == 2)
    }
}
