import Foundation
import RoDomain
import RoMail
import Testing

/// The reminder log of the year, read through `ro reminders --json`: who was
/// told what, on which day.
struct Received {
    struct Notice: Hashable {
        var recipient: String
        /// `TASK|KIND|OFFSET`
        var key: String
        var day: LocalDay
    }

    var notices: [Notice] = []

    init(_ log: [[String: Any]]) {
        for mail in log where mail["status"] as? String == "accepted" {
            guard let recipient = mail["recipient"] as? String, let keys = mail["notices"] as? [String],
                let at = (mail["intended_at"] as? String).flatMap(Timestamp.parse)
            else { continue }
            notices += keys.map { Notice(recipient: recipient, key: $0, day: LocalDay.containing(at)) }
        }
    }

    /// For one recipient and one item (`TASK|KIND`), the day of each offset.
    func days(_ recipient: String, _ item: String) -> [String: LocalDay] {
        var result: [String: LocalDay] = [:]
        for n in notices where n.recipient == recipient && n.key.hasPrefix(item + "|") {
            result[String(n.key.dropFirst(item.count + 1))] = n.day
        }
        return result
    }

    func recipients(of key: String) -> Set<String> { Set(notices.filter { $0.key == key }.map(\.recipient)) }
}

extension ReminderYearEndToEndTests {
    func d(_ month: Int, _ day: Int) -> LocalDay { LocalDay(year: 2026, month: month, day: day)! }

    /// The rule, stated plainly: before the last day (the 19th) 5, 2 and 0
    /// calendar days, each moved to the working day before and two on one day
    /// being one (the later); after it the 1st, 3rd and 5th working day.
    func reportSchedule(_ month: Int) -> [String: LocalDay] {
        let last = d(month, 19)
        var before: [(String, LocalDay)] = []
        for days in [5, 2, 0] {
            let day = calendar.workingDay(onOrBefore: last.adding(days: -days))
            if before.last?.1 == day { before.removeLast() }
            before.append(("before:\(days)", day))
        }
        let after = [1, 3, 5].map { ("after:\($0)", calendar.addingWorkingDays($0, to: last)) }
        return Dictionary(uniqueKeysWithValues: before + after)
    }

    func period(_ month: Int) -> String { String(format: "report:2026-%02d", month) }

    /// Every recorded digest arrived once through the MTA, in readable Vietnamese.
    func checkDelivered(_ log: [[String: Any]]) async throws {
        let statuses = Set(log.compactMap { $0["status"] as? String })
        #expect(statuses == ["accepted", "unreachable"])
        let accepted = log.filter { $0["status"] as? String == "accepted" }
        let mails = try await box.waitFor(accepted.count)
        #expect(mails.count == accepted.count)
        let ids = mails.compactMap(\.messageID)
        #expect(Set(ids).count == ids.count, "a message arrived twice")
        let subjects = Dictionary(
            uniqueKeysWithValues: accepted.map { ($0["message_id"] as? String ?? "", $0["subject"] as? String ?? "") })
        for mail in mails {
            #expect(ReceivedMail.decodeWords(mail.header("Subject") ?? "") == subjects[mail.messageID ?? ""])
        }
        let received = Received(log).notices
        #expect(Set(received.map { "\($0.recipient) \($0.key)" }).count == received.count, "a notice went twice to someone")
        // One digest as a person reads it: the Economy office, a week late in November.
        let kt = try #require(mails.first {
            $0.header("Date")?.hasPrefix("Thu, 26 Nov 2026 08:05:") == true && $0.header("To")?.contains(box.address("kt")) == true
        })
        #expect(kt.text.contains("Việc cần làm: Báo cáo tháng 11/2026"))
        #expect(kt.text.contains("Hạn: hết ngày 19/11/2026"))
        #expect(kt.text.contains("Tình trạng: đã quá hạn 7 ngày"))
        #expect(kt.text.contains("Đơn vị chủ trì: Phòng Kinh tế"))
    }

    /// A unit that never reports hears every notice of the rule, every month.
    func checkNeverReports(_ received: Received, _ tasks: [String]) throws {
        let kt = box.address("kt")
        for month in 1...12 {
            for task in tasks {
                #expect(received.days(kt, "\(task)|\(period(month))") == reportSchedule(month), "\(task) month \(month)")
            }
        }
        let task = try #require(tasks.first)
        // Tết: the three notices before it fall on one day, the Friday before the holidays.
        #expect(received.days(kt, "\(task)|report:2026-02") == [
            "before:0": d(2, 13), "after:1": d(2, 23), "after:3": d(2, 25), "after:5": d(2, 27),
        ])
        // A last day on a Sunday: the morning-of notice goes out on the Friday.
        #expect(received.days(kt, "\(task)|report:2026-04") == [
            "before:5": d(4, 14), "before:0": d(4, 17), "after:1": d(4, 20), "after:3": d(4, 22), "after:5": d(4, 24),
        ])
        // The Saturday the government made a working day is one.
        #expect(received.days(kt, "\(task)|report:2026-08")["after:3"] == d(8, 22))
        #expect(received.days(kt, "\(task)|report:2026-11") == [
            "before:5": d(11, 13), "before:2": d(11, 17), "before:0": d(11, 19), "after:1": d(11, 20),
            "after:3": d(11, 24), "after:5": d(11, 26),
        ])
        // Accepted on 6 January: the acceptance notices stop there.
        #expect(received.days(kt, "\(task)|acceptance") == ["before:5": d(1, 5), "before:2": d(1, 6)])
        // The task's own deadline, the end of 2026, in December.
        let completion = received.notices.filter { $0.recipient == kt && $0.key.hasPrefix("\(task)|completion:") }
        #expect(Set(completion.map(\.day)) == [d(12, 25), d(12, 29), d(12, 31)])
    }

    /// A unit that reports on the 18th hears only the notices before that.
    func checkReportsOnThe18th(_ received: Received, _ tasks: [String]) throws {
        let vp = box.address("vp")
        for month in 1...12 {
            let expected = reportSchedule(month).filter { $0.value <= d(month, 18) }
            for task in tasks {
                #expect(received.days(vp, "\(task)|\(period(month))") == expected, "\(task) month \(month)")
            }
        }
    }

    /// Accepted mid-January: the acceptance ladder up to that day. In November,
    /// the report returned after the deadline is due again, with the notice of
    /// the day it became due again.
    func checkLateAcceptanceAndReturnedReport(_ received: Received, _ tasks: [String]) throws {
        let hcc = box.address("hcc")
        for task in tasks {
            #expect(received.days(hcc, "\(task)|acceptance") == [
                "before:5": d(1, 5), "before:2": d(1, 6), "before:0": d(1, 8), "after:1": d(1, 9), "after:3": d(1, 13),
            ])
            #expect(received.days(hcc, "\(task)|report:2026-01") == reportSchedule(1))
            #expect(received.days(hcc, "\(task)|report:2026-11") == ["before:5": d(11, 13), "before:2": d(11, 17)])
            #expect(received.days(hcc, "\(task)|report:2026-11:r1") == ["after:3": d(11, 24)])
        }
    }

    /// Overdue notices climb: the head the next working day, the coordinator
    /// three days late, the leaders five; the hamlets' rungs nobody stands on
    /// are recorded, and the rungs above them still hear.
    func checkLadder(_ received: Received, _ log: [[String: Any]], _ tasks: [String]) throws {
        let task = try #require(tasks.first)
        let (officer, head) = (box.address("kt"), box.address("kt.truong"))
        // The coordinator rung: the plan's coordinating unit (its mailbox and head) and the coordinator.
        let coordinators: Set = [box.address("vhxh"), box.address("vhxh.truong"), box.address("daumoi")]
        let leader = box.address("chutich")
        #expect(received.recipients(of: "\(task)|report:2026-03|before:0") == [officer])
        #expect(received.recipients(of: "\(task)|report:2026-03|after:1") == [officer, head])
        #expect(received.recipients(of: "\(task)|report:2026-03|after:3") == coordinators.union([officer, head]))
        #expect(received.recipients(of: "\(task)|report:2026-03|after:5") == coordinators.union([officer, head, leader]))
        let hamlets = log.filter { $0["unit"] as? String == "ap" }
        #expect(Set(hamlets.compactMap { $0["rung"] as? String }) == ["officers", "unit_head"])
        #expect(hamlets.allSatisfy { $0["status"] as? String == "unreachable" })
        let hamletTask = try #require((hamlets.first?["notices"] as? [String])?.first?.split(separator: "|").first)
        #expect(received.recipients(of: "\(hamletTask)|report:2026-03|after:5") == coordinators.union([leader]))
    }
}
