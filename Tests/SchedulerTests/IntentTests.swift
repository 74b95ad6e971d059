import Foundation
import RoDomain
import RoEventStore
import RoHandlers
import RoMail
import Testing
import TestSupport

@testable import RoScheduler

/// What an intent records: the digest's items and the template version, not
/// the rendered text; a long digest lists a documented number of items and
/// sums up the rest; an intent recorded before templates still sends as it was.
@Suite struct IntentTests {
    func ctx(_ login: String) -> CommandContext { CommandContext(login: Login(unchecked: login), source: .cli) }

    @Test func anIntentRecordsItemsAndTemplateNotText() async throws {
        let world = try SchedulerWorld()
        _ = try await world.pass(at: "2026-11-13T07:30:00+07:00")
        let intents = try world.store.events(of: ReminderEvent.streamID).filter { $0.type == "ReminderMailIntended" }
        #expect(intents.count == 2)
        for intent in intents {
            #expect(intent.payload.contains("\"template\":\(ReminderTemplate.current)"))
            #expect(!intent.payload.contains("Kính gửi") && !intent.payload.contains("\"body\""))
        }
        // Rendered again from them, the same text as was sent.
        let sent = try #require(world.mailer.sent.first { $0.recipient == "lan@xa.vn" })
        guard case .mailIntended(let recorded) = try EventCoding.reminderEvent(try #require(intents.first { $0.payload.contains("lan@xa.vn") }))
        else { Issue.record("not an intent"); return }
        #expect(recorded.subject == sent.subject && recorded.body == sent.body)
        #expect(try world.store.reminderLog(status: .accepted).compactMap(\.subject) == [sent.subject, sent.subject])
    }

    @Test func aLongDigestListsTheFirstItemsAndSumsUpTheRest() async throws {
        let world = try SchedulerWorld()
        let handler = world.temporary.handler(at: Fixture.instant("2026-11-05T08:30:00+07:00"))
        let due = try CommuneTime.deadline(fromDate: "2026-12-31", field: "hạn")
        for n in 0..<ReminderTemplate.listedItems {
            let task = TaskID(unchecked: "kh/x\(n)")
            _ = try await handler.execute(
                .assign(.init(title: "Việc số \(n)", lead: SchedulerWorld.vhxh, coUnits: [], due: due, output: nil)),
                on: task, context: ctx("chutich"))
            _ = try await handler.execute(.accept(note: nil), on: task, context: ctx("lan"))
        }
        // A week late: the leaders hear of every task, in one digest.
        _ = try await world.pass(at: "2026-11-27T08:00:00+07:00")
        let leader = try #require(world.mailer.sent.first { $0.recipient == "chutich@xa.vn" })
        let count = ReminderTemplate.listedItems + 2
        #expect(leader.notices.count == count)
        #expect(leader.subject == "[Rõ] Nhắc việc: \(count) việc cần làm, \(count) việc đã quá hạn")
        #expect(leader.body.contains("\n\(ReminderTemplate.listedItems). "))
        #expect(!leader.body.contains("\n\(ReminderTemplate.listedItems + 1). "))
        #expect(leader.body.contains("Ngoài ra còn 2 việc khác không liệt kê trong thư này, trong đó 2 việc đã quá hạn:"))
        #expect(leader.body.contains("   - Phòng Văn hóa – Xã hội: 2 việc (2 việc quá hạn)"))
        #expect(leader.body.contains("trang “Nhiệm vụ” của hệ thống Rõ") && leader.body.contains("ro reminders"))
        // Every notice is recorded, listed or not: none comes again.
        let again = try await world.pass(at: "2026-11-27T09:00:00+07:00")
        #expect(again.results.isEmpty)
    }

    @Test func anIntentRecordedWithItsTextStillSendsThatText() async throws {
        let world = try SchedulerWorld()
        let runner = world.runner(at: "2026-11-13T07:30:00+07:00")
        let now = Fixture.instant("2026-11-13T07:30:00+07:00")
        let fresh = try #require(try runner.prepare(at: now).intents.first)
        // As the scheduler recorded intents before templates: subject and body in the event.
        let old = ReminderEvent.MailIntended(
            messageID: fresh.messageID, recipient: fresh.recipient, recipientName: fresh.recipientName,
            notices: fresh.notices, subject: "[Rõ] Nhắc việc: 1 việc cần làm", body: "Kính gửi anh chị,\nThư cũ.\n",
            date: now, calendarVersion: fresh.calendarVersion, at: now)
        let encoded = EventCoding.encode(ReminderEvent.mailIntended(old))
        #expect(encoded.payload.contains("\"body\":\"Kính gửi anh chị,\\nThư cũ.\\n\"") && !encoded.payload.contains("template"))
        try runner.record([.mailIntended(old)], at: now)
        _ = try await world.pass(at: "2026-11-13T07:40:00+07:00")
        let resent = try #require(world.mailer.sent.first { $0.messageID == old.messageID })
        #expect(resent.subject == "[Rõ] Nhắc việc: 1 việc cần làm" && resent.body == "Kính gửi anh chị,\nThư cũ.\n")
        #expect(try SendmailMailer(program: "/bin/true", sender: try MailAddress("ro@xa.vn"), displayName: "Rõ").message(resent).body == resent.body)
    }

    /// A record as intents wrote them before: every field.
    struct FullRecord: Encodable {
        var key, item: String
        var index: Int
        var task: TaskID
        var code: String?
        var title: String
        var unit: UnitID
        var kind: String
        var period: Period?
        var deliverable: String?
        var offset: String
        var lastDay: LocalDay
        var due: Date
        var day: LocalDay
        var rung: Plan.Reminders.Rung

        init(_ r: ReminderEvent.NoticeRecord) {
            (key, item, index, task, code, title, unit) = (r.key, r.item, r.index, r.task, r.code, r.title, r.unit)
            (kind, period, deliverable, offset, lastDay, due, day, rung) =
                (r.kind, r.period, r.deliverable, r.offset, r.lastDay, r.due, r.day, r.rung)
        }
    }

    @Test func aNoticeRecordIsStoredWithoutWhatItsItemKeySaysAndReadsBackTheSame() async throws {
        let world = try SchedulerWorld()
        let handler = world.temporary.handler(at: Fixture.instant("2026-11-05T08:30:00+07:00"))
        // An acceptance, a returned report (round 1) and a deliverable, besides the reports.
        _ = try await handler.execute(
            .assign(.init(
                title: "Chưa tiếp nhận", lead: SchedulerWorld.vhxh, coUnits: [],
                due: try CommuneTime.deadline(fromDate: "2026-11-30", field: "hạn"), output: nil)),
            on: TaskID(unchecked: "kh/3"), context: ctx("chutich"))
        let november = Period(year: 2026, month: 11)!
        _ = try await handler.execute(.report(.init(period: november, summary: "Đã làm")), on: SchedulerWorld.task, context: ctx("lan"))
        _ = try await handler.execute(
            .returnReport(period: november, revision: nil, reason: "Thiếu"), on: SchedulerWorld.task, context: ctx("chutich"))
        _ = try await world.pass(at: "2026-11-26T08:00:00+07:00")
        let records = world.mailer.sent.flatMap(\.notices)
        #expect(Set(records.map(\.kind)) == ["acceptance", "report", "completion"])
        #expect(records.contains { $0.item == "kh/1|report:2026-11:r1" })
        let decoder = EventCoding.decoder()
        for record in records {
            let compact = EventCoding.json(record)
            #expect(!compact.contains("\"key\"") && !compact.contains("\"lastDay\""))
            #expect(try decoder.decode(ReminderEvent.NoticeRecord.self, from: Data(compact.utf8)) == record)
            let full = EventCoding.json(FullRecord(record))
            #expect(try decoder.decode(ReminderEvent.NoticeRecord.self, from: Data(full.utf8)) == record)
        }
    }
}
