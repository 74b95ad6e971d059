import Foundation
import Testing

/// `task list` filters, alone and together, over tasks in every status.
@Suite("ro end to end: task list filters")
struct TaskFilterEndToEndTests {
    /// At 2026-11-10, all but KH07-1 due 2026-11-15 (KH07-5 has no deadline):
    /// 1 vhxh accepted (co-unit vp, due 2026-12-31) · 2 vp assigned · 3 vhxh cancelled ·
    /// 4 vhxh completed · 5 vp accepted · 6 vp declined · 7 vhxh completion reported.
    func store() throws -> RoRunner {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        func assign(_ id: String, _ lead: String, due: Bool = true) throws {
            try ro.expectSuccess(
                ["assign", id, "--title", "Việc \(id)", "--lead", lead, "--as", "chutich"] + (due ? ["--due", "2026-11-15"] : []))
        }
        try assign("KH07-2", "vp")
        try assign("KH07-3", "vhxh")
        try ro.expectSuccess(["cancel", "KH07-3", "--reason", "Không còn phù hợp", "--as", "chutich"])
        try assign("KH07-4", "vhxh")
        try ro.expectSuccess(["accept", "KH07-4", "--as", "lan"])
        try ro.expectSuccess(["complete", "KH07-4", "--output", "Kế hoạch đã ban hành", "--as", "lan"])
        try ro.expectSuccess(["confirm", "KH07-4", "--as", "chutich"])
        try assign("KH07-5", "vp", due: false)
        try ro.expectSuccess(["accept", "KH07-5", "--as", "minh"])
        try assign("KH07-6", "vp")
        try ro.expectSuccess(["decline", "KH07-6", "--reason", "Không đúng chức năng", "--as", "minh"])
        try assign("KH07-7", "vhxh")
        try ro.expectSuccess(["accept", "KH07-7", "--as", "lan"])
        try ro.expectSuccess(["complete", "KH07-7", "--output", "Báo cáo tổng kết", "--as", "lan"])
        ro.now = "2026-11-21T09:00:00+07:00"
        return ro
    }

    func ids(_ ro: RoRunner, _ filters: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try ro.jsonArray(["task", "list"] + filters, sourceLocation: sourceLocation).compactMap { $0["id"] as? String }
    }

    @Test func eachFilterAlone() throws {
        let ro = try store()
        #expect(try ids(ro, []) == (1...7).map { "KH07-\($0)" })
        // A unit is the lead unit; co-units do not count.
        #expect(try ids(ro, ["--unit", "vp"]) == ["KH07-2", "KH07-5", "KH07-6"])
        #expect(try ids(ro, ["--unit", "vhxh"]) == ["KH07-1", "KH07-3", "KH07-4", "KH07-7"])
        let statuses = [
            "assigned": ["KH07-2"], "accepted": ["KH07-1", "KH07-5"], "declined": ["KH07-6"],
            "completion_reported": ["KH07-7"], "completed": ["KH07-4"], "cancelled": ["KH07-3"],
        ]
        for (status, expected) in statuses {
            #expect(try ids(ro, ["--status", status]) == expected, "\(status)")
        }
        // Past the deadline and not done: neither cancelled nor completed, nor a task without deadline.
        #expect(try ids(ro, ["--overdue"]) == ["KH07-2", "KH07-6", "KH07-7"])
        let overdue = try ro.jsonArray(["task", "list"]).filter { $0["overdue"] as? Bool == true }.compactMap { $0["id"] as? String }
        #expect(overdue == ["KH07-2", "KH07-6", "KH07-7"])
        // Tasks still to report on: not cancelled, completed or declined.
        #expect(try ids(ro, ["--period", "2026-11"]) == ["KH07-1", "KH07-2", "KH07-5", "KH07-7"])
        #expect(try ids(ro, ["--period", "11/2026"]) == ["KH07-1", "KH07-2", "KH07-5", "KH07-7"])
    }

    @Test func filtersTogether() throws {
        let ro = try store()
        #expect(try ids(ro, ["--unit", "vp", "--status", "accepted"]) == ["KH07-5"])
        #expect(try ids(ro, ["--unit", "vhxh", "--overdue"]) == ["KH07-7"])
        #expect(try ids(ro, ["--status", "accepted", "--overdue"]).isEmpty)
        #expect(try ids(ro, ["--period", "2026-11", "--unit", "vp"]) == ["KH07-2", "KH07-5"])
        #expect(try ids(ro, ["--period", "2026-11", "--unit", "vhxh", "--status", "completion_reported", "--overdue"]) == ["KH07-7"])
        let text = try ro.expectSuccess(["task", "list", "--unit", "vp", "--overdue"]).stdout
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("KH07-2  vp       assigned    2026-11-15 (quá hạn)  Việc KH07-2"))
    }

    @Test func periodReportsBeforeAndAfterTheReportingDeadline() throws {
        let ro = try store()
        ro.now = "2026-11-19T09:00:00+07:00"
        let before = try ro.jsonArray(["task", "list", "--period", "2026-11"])
        #expect(before.compactMap { ($0["period_report"] as? [String: Any])?["state"] as? String } == Array(repeating: "pending", count: 4))
        #expect(before.allSatisfy { ($0["period_report"] as? [String: Any])?["late"] as? Bool == false })
        ro.now = "2026-11-21T09:00:00+07:00"
        let after = try ro.jsonArray(["task", "list", "--period", "2026-11"])
        #expect(after.compactMap { ($0["period_report"] as? [String: Any])?["state"] as? String } == Array(repeating: "missing", count: 4))
        #expect(after.allSatisfy { ($0["period_report"] as? [String: Any])?["late"] as? Bool == true })
        let rows = try ro.jsonArray(["status", "--period", "2026-11"])
        #expect(rows.map { $0["unit"] as? String } == ["vhxh", "vp"])
        #expect(rows.map { $0["tasks"] as? Int } == [2, 2])
        #expect(rows.map { $0["missing"] as? Int } == [2, 2])
        #expect(rows.map { $0["late"] as? Int } == [2, 2])
    }

    @Test func unreadableFiltersAreDataErrors() throws {
        let ro = try store()
        try ro.expectRefusal(["task", "list", "--status", "xong"], 65, "trạng thái 'xong' không có")
        try ro.expectRefusal(["task", "list", "--status", "none"], 65, "trạng thái 'none' không có")
        try ro.expectRefusal(["task", "list", "--period", "2026-13"], 65, "kỳ báo cáo '2026-13' không đọc được")
        try ro.expectRefusal(["task", "list", "--period", "2026/11"], 65, "kỳ báo cáo '2026/11' không đọc được")
        try ro.expectRefusal(["status", "--period", "tháng 11"], 65, "kỳ báo cáo 'tháng 11' không đọc được")
        try ro.expectRefusal(["task", "list", "--unit", "phòng vhxh"], 65, "phòng vhxh")
        try ro.expectRefusal(["task", "list", "--overdue=yes"], 64, "--overdue")
    }
}
