import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import Testing
import TestSupport

@testable import RoScheduler

/// The runner on a real store with a recording mailer: intents before sends,
/// outcomes after, one digest per recipient, nothing twice, retries, restarts.
@Suite struct ReminderRunnerTests {
    @Test func onePassSendsOneDigestPerRecipientAndRecordsTheRungNobodyStandsOn() async throws {
        let world = try SchedulerWorld()
        let report = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        // The five-day notice of the November report goes to the unit's mailbox and its officer.
        #expect(world.mailer.sent.map(\.recipient).sorted() == ["lan@xa.vn", "vhxh@xa.vn"])
        #expect(world.mailer.sent.allSatisfy { $0.notices.map(\.key) == ["kh/1|report:2026-11|before:5"] })
        // Ấp 1 has no address at all: recorded, not sent.
        #expect(report.unreachable.map(\.unit) == [SchedulerWorld.ap])
        let log = try world.store.reminderLog()
        #expect(log.filter { $0.status == .accepted }.count == 2)
        #expect(log.filter { $0.status == .unreachable }.map(\.notices) == [["kh/2|report:2026-11|before:5"]])
        // Again at the same time: nothing.
        let again = try await world.pass(at: "2026-11-13T07:45:00+07:00")
        #expect(again.results.isEmpty && again.unreachable.isEmpty)
        #expect(world.mailer.sent.count == 2)
        #expect(report.next == Fixture.instant("2026-11-17T07:00:00+07:00"))
    }

    @Test func theDigestSaysWhatIsOwedInVietnamese() async throws {
        let world = try SchedulerWorld()
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        let mail = try #require(world.mailer.sent.first { $0.recipient == "lan@xa.vn" })
        #expect(mail.subject == "[Rõ] Nhắc việc: 1 việc cần làm")
        #expect(mail.recipientName == "Trần Thị Lan")
        #expect(mail.body.contains("Kính gửi Trần Thị Lan,"))
        #expect(mail.body.contains("1. Tuyên truyền Nghị quyết 57-NQ/TW"))
        #expect(mail.body.contains("Việc cần làm: Báo cáo tháng 11/2026"))
        #expect(mail.body.contains("Hạn: hết ngày 19/11/2026"))
        #expect(mail.body.contains("Tình trạng: còn 6 ngày"))
        #expect(mail.messageID.hasPrefix("ro.") && mail.messageID.hasSuffix("@xa.vn"))
        #expect(mail.calendarVersion == WorkingCalendar().version)
    }

    @Test func anOverdueReportClimbsTheLadder() async throws {
        let world = try SchedulerWorld()
        _ = try await world.pass(at: "2026-11-24T07:05:00+07:00")
        let recipients = Set(world.mailer.sent.map(\.recipient))
        // Three working days late: officers, the unit head, the coordinator; not yet the leaders.
        #expect(recipients == ["vhxh@xa.vn", "lan@xa.vn", "truong.vhxh@xa.vn", "daumoi@xa.vn"])
        let coordinator = try #require(world.mailer.sent.first { $0.recipient == "daumoi@xa.vn" })
        #expect(coordinator.body.contains("Tình trạng: đã quá hạn 5 ngày"))
        #expect(coordinator.body.contains("đơn vị đầu mối theo dõi"))
        // The coordinator also hears of Ấp 1's report, which nobody below could be told of.
        #expect(coordinator.notices.map(\.task) == [SchedulerWorld.task, SchedulerWorld.silentTask])
        #expect(coordinator.subject == "[Rõ] Nhắc việc: 2 việc cần làm, 2 việc đã quá hạn")
        #expect(coordinator.body.contains("Đơn vị chủ trì: Ấp 1"))
    }

    @Test func aTemporaryFailureIsRetriedLaterWithTheSameMessage() async throws {
        let world = try SchedulerWorld()
        world.mailer.answer(.temporary(status: 75, detail: "mail queue full"), .temporary(status: 75, detail: "again"))
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        let deferred = try world.store.reminderLog(status: .deferred)
        #expect(deferred.count == 2)
        #expect(deferred.allSatisfy { $0.retryAt == Fixture.instant("2026-11-13T07:35:00+07:00") && $0.exitStatus == 75 })
        // Before the retry time nothing is sent; after it, the same two messages.
        _ = try await world.pass(at: "2026-11-13T07:32:00+07:00")
        #expect(world.mailer.sent.count == 2)
        _ = try await world.pass(at: "2026-11-13T07:36:00+07:00")
        #expect(world.mailer.sent.count == 4)
        #expect(Set(world.mailer.sent[2...].map(\.messageID)) == Set(world.mailer.sent[..<2].map(\.messageID)))
        #expect(try world.store.reminderLog(status: .accepted).map(\.attempts) == [2, 2])
    }

    @Test func aPermanentFailureIsRecordedAndNotRetried() async throws {
        let world = try SchedulerWorld()
        world.mailer.answer(.permanent(status: 67, detail: "user unknown"))
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        let failed = try world.store.reminderLog(status: .failed)
        #expect(failed.count == 1 && failed.first?.detail == "user unknown")
        _ = try await world.pass(at: "2026-11-13T09:00:00+07:00")
        #expect(world.mailer.sent.count == 2)
        // The next notice of the item still goes to everyone.
        _ = try await world.pass(at: "2026-11-17T07:00:00+07:00")
        #expect(world.mailer.sent.count == 4)
    }

    @Test func anIntentLeftWithoutOutcomeIsSentOnceByTheNextPass() async throws {
        let world = try SchedulerWorld()
        // A pass that recorded its intents and died before sendmail ran.
        let runner = world.runner(at: "2026-11-13T07:30:00+07:00")
        let pass = try runner.prepare(at: Fixture.instant("2026-11-13T07:30:00+07:00"))
        try runner.record(pass.intents.map(ReminderEvent.mailIntended), at: Fixture.instant("2026-11-13T07:30:00+07:00"))
        #expect(world.mailer.sent.isEmpty)
        _ = try await world.pass(at: "2026-11-13T07:40:00+07:00")
        #expect(world.mailer.sent.map(\.messageID).sorted() == pass.intents.map(\.messageID).sorted())
        _ = try await world.pass(at: "2026-11-13T07:50:00+07:00")
        #expect(world.mailer.sent.count == 2)
    }

    @Test func aDeferredDigestIsDroppedWhenNewerNoticesOfAllItsItemsGoOut() async throws {
        let world = try SchedulerWorld()
        world.mailer.answer(
            .temporary(status: 75, detail: "x"), .temporary(status: 75, detail: "x"), .temporary(status: 75, detail: "x"),
            .temporary(status: 75, detail: "x"))
        _ = try await world.pass(at: "2026-11-16T20:00:00+07:00")
        _ = try await world.pass(at: "2026-11-16T20:10:00+07:00")
        #expect(world.mailer.sent.count == 4)
        // The two-day notice is due: the five-day digests are superseded, not sent again.
        let report = try await world.pass(at: "2026-11-17T07:00:00+07:00")
        #expect(report.superseded.count == 2)
        #expect(world.mailer.sent[4...].allSatisfy { $0.notices.map(\.offset) == ["before:2"] })
        #expect(try world.store.reminderLog(status: .superseded).count == 2)
    }

    @Test func aDryRunWritesNothing() async throws {
        let world = try SchedulerWorld()
        let before = try world.store.lastPosition()
        let report = try await world.pass(at: "2026-11-13T07:30:00+07:00", dryRun: true)
        #expect(report.results.count == 2 && report.results.allSatisfy { $0.result == nil })
        #expect(try world.store.lastPosition() == before)
        #expect(world.mailer.sent.isEmpty)
    }

    @Test func onlyOnePassRunsAtATime() throws {
        let world = try SchedulerWorld()
        let first = try #require(try RunLock(beside: world.temporary.path))
        #expect(try RunLock(beside: world.temporary.path) == nil)
        withExtendedLifetime(first) {}
    }
}

/// Someone who left the post hears nothing more; the unit's own mailbox still does.
@Suite struct DeactivatedRecipientTests {
    @Test func aDeactivatedOfficerGetsNoReminder() async throws {
        let world = try SchedulerWorld()
        _ = try world.temporary.handler(at: Fixture.instant("2026-11-06T08:00:00+07:00")).setAccess(
            Login(unchecked: "lan"), active: false, reason: "nghỉ hưu",
            context: CommandContext(login: Login(unchecked: "admin"), source: .cli))
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        #expect(world.mailer.sent.map(\.recipient) == ["vhxh@xa.vn"])
    }
}
