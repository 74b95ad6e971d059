import Foundation
import RoEventStore

/// `ro task list --json`, written directly (see ``JSONWriter``): the keys in
/// the encoder's sorted snake_case order, a field with no value left out.
extension TaskSummary: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("co_units")
            json.array(coUnits) { json, unit in json.string(unit) }
            json.key("code", code) { $0.string($1) }
            json.key("deadline_text", deadlineText) { $0.string($1) }
            json.key("due", due) { $0.date($1) }
            json.key("id")
            json.string(id)
            json.key("lead_unit")
            json.string(leadUnit)
            json.key("original_due", originalDue) { $0.date($1) }
            json.key("overdue")
            json.bool(overdue)
            json.key("period_report", periodReport) { json, report in report.write(to: &json) }
            json.key("plan", plan) { $0.string($1) }
            json.key("status")
            json.string(status.rawValue)
            json.key("title")
            json.string(title)
        }
    }
}

extension PeriodReport: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("decided_at", decidedAt) { $0.date($1) }
            json.key("decided_by", decidedBy) { $0.string($1) }
            json.key("due")
            json.date(due)
            json.key("late")
            json.bool(late)
            json.key("period")
            json.string(period)
            json.key("revision", revision) { $0.int($1) }
            json.key("state")
            json.string(state.rawValue)
            json.key("submitted_at", submittedAt) { $0.date($1) }
            json.key("submitted_by", submittedBy) { $0.string($1) }
        }
    }
}
