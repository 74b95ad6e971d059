import Foundation
import RoDomain
import Testing

@testable import RoWorkflows

/// A reminder rule that makes no sense is refused at its place, like every
/// other fault of a plan file.
@Suite("Plan files: reminder rules that make no sense")
struct ReminderRuleFaultTests {
    let rule = """
        reminders:
          before_days: [5, 2, 0]
          after_days: [1, 3, 5]
          escalation: [officers, unit_head, coordinator, leaders]
          deadline_on_holiday: unchanged

        """

    func issues(_ replacement: String) -> [PlanIssue] {
        let text = Example.replacing(rule, with: replacement)
        #expect(text != Example.text, "the README example's rule is not where the test expects it")
        do {
            _ = try Example.parse(text)
            return []
        } catch { return error.issues }
    }

    func rule(after: String = "[1, 3, 5]", before: String = "[5, 2, 0]", ladder: String = "[officers, unit_head, coordinator, leaders]", more: String = "") -> String {
        "reminders:\n  before_days: \(before)\n  after_days: \(after)\n  escalation: \(ladder)\n\(more)\n"
    }

    @Test func moreOverdueNoticesThanRungsAboveTheFirstIsAFault() throws {
        let found = issues(rule(after: "[1, 3, 5, 10]"))
        #expect(found.count == 1)
        let issue = try #require(found.first)
        #expect(issue.location.field == "reminders.after_days")
        #expect(issue.message.contains("4 lần nhắc quá hạn") && issue.message.contains("3 bậc"))
        #expect(issues(rule(after: "[1]", ladder: "[officers]")).first?.message.contains("0 bậc") == true)
    }

    @Test func negativeOrZeroOffsetsAreFaults() throws {
        let before = try #require(issues(rule(before: "[5, -1]")).first)
        #expect(before.location.field == "reminders.before_days[2]")
        #expect(before.message.contains("-1"))
        let after = try #require(issues(rule(after: "[0, 3]")).first)
        #expect(after.location.field == "reminders.after_days[1]")
    }

    @Test func aDayOrARungTwiceIsAFault() throws {
        let day = try #require(issues(rule(before: "[5, 2, 5]")).first)
        #expect(day.location.field == "reminders.before_days[3]")
        #expect(day.message.contains("lặp lại"))
        let rung = try #require(issues(rule(after: "[1]", ladder: "[officers, leaders, leaders]")).first)
        #expect(rung.location.field == "reminders.escalation")
    }

    @Test func acceptanceDaysAreReadAndBounded() throws {
        let text = Example.replacing(rule, with: rule(more: "  accept_within_days: 5"))
        #expect(try Example.parse(text).plan.reminders.acceptanceDays == 5)
        let issue = try #require(issues(rule(more: "  accept_within_days: 0")).first)
        #expect(issue.location.field == "reminders.accept_within_days")
    }
}
