import Foundation
import Testing

/// `--json` of every read command parses, and carries only the snake_case field
/// names the README documents, with those that always have a value present.
@Suite("ro end to end: JSON field names")
struct JSONContractEndToEndTests {
    /// KH07-1 (vhxh, co-unit vp) with an approved November report and a pending extension;
    /// KH07-2 (vp, no deadline) just assigned.
    func store() throws -> RoRunner {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        try ro.expectSuccess(["assign", "KH07-2", "--title", "Số hóa hồ sơ", "--lead", "vp", "--as", "chutich"])
        ro.now = "2026-11-12T15:00:00+07:00"
        try ro.expectSuccess(["report", "KH07-1", "--period", "2026-11", "--summary", "Đạt 40%", "--percent", "40", "--as", "lan"])
        try ro.expectSuccess(["approve", "KH07-1", "--period", "2026-11", "--note", "Tốt", "--as", "chutich"])
        try ro.expectSuccess(["extend", "request", "KH07-1", "--due", "2027-03-31", "--reason", "Chờ kinh phí", "--as", "lan"])
        return ro
    }

    static let periodReport: Set<String> = [
        "period", "state", "revision", "due", "late", "submitted_by", "submitted_at", "decided_by", "decided_at",
    ]

    @Test func taskListItems() throws {
        let ro = try store()
        let documented: Set<String> = [
            "id", "title", "lead_unit", "co_units", "status", "due", "original_due", "deadline_text", "overdue", "period_report",
        ]
        let always: Set<String> = ["id", "title", "lead_unit", "co_units", "status", "overdue"]
        let plain = try ro.jsonArray(["task", "list"])
        let withPeriod = try ro.jsonArray(["task", "list", "--period", "2026-11"])
        #expect(plain.map { $0["id"] as? String } == ["KH07-1", "KH07-2"])
        #expect(withPeriod.count == 2)
        for item in plain + withPeriod { JSONShape.check(item, documented: documented, always: always, "task list item") }
        #expect(plain.allSatisfy { $0["period_report"] == nil })

        let first = try #require(withPeriod.first)
        #expect(first["title"] as? String == "Tuyên truyền Nghị quyết 57-NQ/TW")
        #expect(first["lead_unit"] as? String == "vhxh")
        #expect(first["co_units"] as? [String] == ["vp"])
        #expect(first["status"] as? String == "accepted")
        #expect(first["due"] as? String == "2026-12-31T17:00:00.000Z")
        #expect(first["original_due"] as? String == "2026-12-31T17:00:00.000Z")
        #expect(first["overdue"] as? Bool == false)
        let report = try #require(first["period_report"] as? [String: Any])
        JSONShape.check(report, documented: Self.periodReport, always: Self.periodReport, "period_report")
        #expect(report["period"] as? String == "2026-11")
        #expect(report["state"] as? String == "approved")
        #expect(report["revision"] as? Int == 1)
        #expect(report["due"] as? String == "2026-11-19T17:00:00.000Z")
        #expect(report["submitted_by"] as? String == "lan")
        #expect(report["decided_by"] as? String == "chutich")
        #expect(JSONShape.isInstant(report["submitted_at"]) && JSONShape.isInstant(report["decided_at"]))
        let second = try #require(withPeriod.last)
        #expect(second["due"] == nil || second["due"] is NSNull)
        #expect((second["period_report"] as? [String: Any])?["state"] as? String == "pending")
        #expect(JSONShape.nonSnakeKeys(plain + withPeriod).isEmpty, "\(JSONShape.nonSnakeKeys(plain + withPeriod))")
    }

    @Test func taskShow() throws {
        let ro = try store()
        let documented: Set<String> = [
            "id", "title", "status", "lead_unit", "co_units", "due", "original_due", "output", "assigned_at", "overdue",
            "reports", "pending_extension", "completion", "last_reason", "plan", "code", "deadline_text", "deliverables",
            "indicators",
        ]
        let reportFields: Set<String> = [
            "period", "revision", "status", "summary", "percent_done", "indicators", "output", "submitted_by",
            "submitted_at", "due", "late", "decided_by", "decided_at", "decision_note",
        ]
        let task = try ro.jsonObject(["task", "show", "KH07-1"])
        // A field with no value is left out (README), as in every other read.
        let always: Set<String> = [
            "id", "title", "status", "lead_unit", "co_units", "due", "original_due", "output", "assigned_at", "overdue",
            "reports", "pending_extension", "deliverables", "indicators",
        ]
        JSONShape.check(task, documented: documented, always: always, "task show")
        #expect(task["id"] as? String == "KH07-1")
        #expect(task["output"] as? String == "Báo cáo kết quả")
        #expect(JSONShape.isInstant(task["assigned_at"]))
        #expect(task["pending_extension"] is [String: Any])
        #expect(task["completion"] == nil)
        #expect(task["plan"] == nil)
        let reports = try #require(task["reports"] as? [[String: Any]])
        #expect(reports.count == 1)
        let report = try #require(reports.first)
        JSONShape.check(
            report, documented: reportFields,
            always: ["period", "revision", "status", "summary", "indicators", "submitted_by", "submitted_at", "due", "late"],
            "task show report")
        #expect(report["status"] as? String == "approved")
        #expect(report["summary"] as? String == "Đạt 40%")
        #expect(report["percent_done"] as? Int == 40)
        #expect(report["decision_note"] as? String == "Tốt")
        #expect(report["late"] as? Bool == false)
        #expect(JSONShape.nonSnakeKeys(task).isEmpty, "\(JSONShape.nonSnakeKeys(task))")
    }

    @Test func historyEntries() throws {
        let ro = try store()
        let documented: Set<String> = [
            "position", "version", "type", "recorded_at", "actor", "actor_name", "role", "unit", "source",
            "simulated_clock", "command_id", "event_id", "text", "payload",
        ]
        let entries = try ro.jsonArray(["history", "KH07-1"])
        #expect(entries.map { $0["type"] as? String } == [
            "TaskAssigned", "TaskAccepted", "ReportSubmitted", "ReportApproved", "ExtensionRequested",
        ])
        for entry in entries {
            JSONShape.check(entry, documented: documented, always: documented.subtracting(["unit", "actor_name"]), "history entry")
            #expect(JSONShape.isInstant(entry["recorded_at"]))
            #expect(entry["payload"] is [String: Any])
            #expect((entry["text"] as? String)?.isEmpty == false)
            #expect((entry["event_id"] as? String).flatMap(UUID.init(uuidString:)) != nil)
        }
        let positions = entries.compactMap { $0["position"] as? Int }
        #expect(positions.count == entries.count && positions == positions.sorted() && Set(positions).count == positions.count)
        #expect(entries.map { $0["version"] as? Int } == [1, 2, 3, 4, 5])
        #expect(entries[1]["unit"] as? String == "vhxh")
        #expect(entries[1]["role"] as? String == "officer")
        #expect(entries[1]["actor_name"] as? String == "Trần Thị Lan")
        #expect(entries[4]["text"] as? String == "Đề nghị gia hạn đến 2027-03-31. Lý do: Chờ kinh phí")
        #expect(JSONShape.nonSnakeKeys(entries).isEmpty, "\(JSONShape.nonSnakeKeys(entries))")
    }

    @Test func statusUnitsUsersVerifyPlansIndicators() throws {
        let ro = try store()
        let statusFields: Set<String> = [
            "unit", "unit_name", "period", "tasks", "approved", "submitted", "returned", "pending", "missing", "late",
        ]
        let rows = try ro.jsonArray(["status", "--period", "2026-11"])
        for row in rows { JSONShape.check(row, documented: statusFields, always: statusFields, "status row") }
        #expect(rows.map { $0["unit"] as? String } == ["vhxh", "vp"])
        #expect(rows.map { $0["approved"] as? Int } == [1, 0])
        #expect(rows.map { $0["pending"] as? Int } == [0, 1])
        #expect(rows.first?["unit_name"] as? String == "Phòng Văn hóa – Xã hội")

        for unit in try ro.jsonArray(["unit", "list"]) {
            JSONShape.check(unit, documented: ["id", "name", "kind", "emails", "head", "officers"], always: ["id", "name"], "unit")
        }
        let users = try ro.jsonArray(["user", "list"])
        for user in users {
            JSONShape.check(user, documented: ["login", "name", "role", "unit", "email"], always: ["login", "name", "role"], "user")
        }
        #expect(Set(users.compactMap { $0["role"] as? String }) == ["admin", "leader", "officer", "auditor"])

        let verify = try ro.jsonObject(["verify"])
        JSONShape.check(verify, documented: ["ok", "checked", "first_bad_position", "problem"], always: ["ok", "checked"], "verify")
        #expect(verify["ok"] as? Bool == true)
        #expect(verify["checked"] as? Int == 13)
        #expect(try ro.jsonArray(["plan", "list"]).isEmpty)
        #expect(try ro.jsonArray(["indicators", "--year", "2026"]).isEmpty)
    }

    @Test func writesAnswerWithTheirEventsAndARepeatSaysSo() throws {
        let ro = try store()
        let command = ["accept", "KH07-2", "--as", "minh", "--command-id", "nhan-kh07-2", "--json"]
        let first = try ro.expectSuccess(command)
        let object = try #require(try first.json() as? [String: Any])
        JSONShape.check(object, documented: ["command_id", "repeated", "events"], always: ["command_id", "repeated", "events"], "write")
        #expect(object["command_id"] as? String == "nhan-kh07-2")
        #expect(object["repeated"] as? Bool == false)
        let events = try #require(object["events"] as? [[String: Any]])
        let event = try #require(events.first)
        let eventFields: Set<String> = ["position", "stream", "version", "type", "event_id"]
        JSONShape.check(event, documented: eventFields, always: eventFields, "write event")
        #expect(event["type"] as? String == "TaskAccepted")
        #expect(event["version"] as? Int == 2)
        #expect(event["position"] as? Int == 14)

        let again = try #require(try ro.expectSuccess(command).json() as? [String: Any])
        #expect(again["repeated"] as? Bool == true)
        let repeated = try #require(again["events"] as? [[String: Any]])
        #expect(repeated.map { $0["event_id"] as? String } == events.map { $0["event_id"] as? String })
        let history = try ro.jsonArray(["history", "KH07-2"])
        #expect(history.last?["command_id"] as? String == "nhan-kh07-2")
        #expect(history.last?["event_id"] as? String == event["event_id"] as? String)
    }
}
