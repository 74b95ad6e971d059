import Foundation
import Testing

/// What people read: `history`, `task show`, `task list` and `status` as text,
/// after the whole way from a fresh store to an approved report.
@Suite("ro end to end: reading a task's way to an approved report")
struct ReadCommandsEndToEndTests {
    /// init → two units → leader, officers, auditor → assign → accept → report →
    /// return → report again → approve, each step at its own simulated time.
    func approvedStore() throws -> RoRunner {
        let ro = try RoRunner()
        try ro.seed()
        try ro.expectSuccess([
            "assign", "KH07-1", "--title", "Tuyên truyền Nghị quyết 57-NQ/TW", "--lead", "vhxh", "--co", "vp",
            "--due", "2026-12-31", "--output", "Báo cáo kết quả", "--as", "chutich",
        ])
        try ro.expectSuccess(["accept", "KH07-1", "--note", "Đã nhận", "--as", "lan"])
        ro.now = "2026-11-12T15:00:00+07:00"
        let report = ["report", "KH07-1", "--period", "2026-11", "--as", "lan"]
        try ro.expectSuccess(report + ["--summary", "Đã tổ chức 2 hội nghị", "--percent", "30"])
        ro.now = "2026-11-14T10:00:00+07:00"
        try ro.expectSuccess(["return", "KH07-1", "--period", "2026-11", "--reason", "Thiếu số người dự", "--as", "chutich"])
        ro.now = "2026-11-18T16:00:00+07:00"
        try ro.expectSuccess(report + ["--summary", "2 hội nghị, 250 người dự", "--percent", "45"])
        ro.now = "2026-11-19T08:00:00+07:00"
        let approve = try ro.expectSuccess([
            "approve", "KH07-1", "--period", "2026-11", "--revision", "2", "--note", "Đạt yêu cầu", "--as", "chutich",
        ])
        #expect(approve.stdout == "Đã duyệt báo cáo kỳ 2026-11 của nhiệm vụ KH07-1. (sự kiện #13)\n")
        return ro
    }

    @Test func historyTellsEveryEventInOrderWithWhoAndWhen() throws {
        let ro = try approvedStore()
        let history = try ro.expectSuccess(["history", "KH07-1"])
        let an = "Nguyễn Văn An — chutich (lãnh đạo)"
        let lan = "Trần Thị Lan — lan (cán bộ đơn vị, vhxh)"
        let expected = [
            "#8  2026-11-10 09:00 [giờ giả lập]  \(an)  TaskAssigned",
            "    Giao nhiệm vụ \"Tuyên truyền Nghị quyết 57-NQ/TW\" cho vhxh, phối hợp: vp, hạn 2026-12-31",
            "#9  2026-11-10 09:00 [giờ giả lập]  \(lan)  TaskAccepted",
            "    Tiếp nhận nhiệm vụ. Ghi chú: Đã nhận",
            "#10  2026-11-12 15:00 [giờ giả lập]  \(lan)  ReportSubmitted",
            "    Báo cáo kỳ 2026-11 lần 1, 30%: Đã tổ chức 2 hội nghị",
            "#11  2026-11-14 10:00 [giờ giả lập]  \(an)  ReportReturned",
            "    Trả lại báo cáo kỳ 2026-11 lần 1. Lý do: Thiếu số người dự",
            "#12  2026-11-18 16:00 [giờ giả lập]  \(lan)  ReportSubmitted",
            "    Báo cáo kỳ 2026-11 lần 2, 45%: 2 hội nghị, 250 người dự",
            "#13  2026-11-19 08:00 [giờ giả lập]  \(an)  ReportApproved",
            "    Duyệt báo cáo kỳ 2026-11 lần 2. Ghi chú: Đạt yêu cầu",
        ]
        #expect(history.stdout.split(separator: "\n").map(String.init) == expected)

        // The JSON tells the same events, with the same positions and sentences.
        let entries = try ro.jsonArray(["history", "KH07-1"])
        #expect(entries.map { $0["position"] as? Int } == Array(8...13))
        #expect(entries.map { "    " + ($0["text"] as? String ?? "") } == stride(from: 1, to: 12, by: 2).map { expected[$0] })
        #expect(entries.map { $0["recorded_at"] as? String } == [
            "2026-11-10T02:00:00.000Z", "2026-11-10T02:00:00.000Z", "2026-11-12T08:00:00.000Z",
            "2026-11-14T03:00:00.000Z", "2026-11-18T09:00:00.000Z", "2026-11-19T01:00:00.000Z",
        ])
        #expect(entries.allSatisfy { $0["simulated_clock"] as? Bool == true && $0["source"] as? String == "cli" })
    }

    @Test func taskShowTellsTheTaskAndItsLatestReport() throws {
        let ro = try approvedStore()
        let show = try ro.expectSuccess(["task", "show", "KH07-1"])
        #expect(show.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == [
            "Nhiệm vụ KH07-1: Tuyên truyền Nghị quyết 57-NQ/TW",
            "Chủ trì: vhxh; phối hợp: vp",
            "Trạng thái: đang thực hiện",
            "Hạn: 2026-12-31",
            "Sản phẩm dự kiến: Báo cáo kết quả",
            "",
            "KỲ       LẦN  TÌNH TRẠNG  GỬI LÚC           NGƯỜI GỬI  NỘI DUNG",
            "2026-11  2    đã duyệt    2026-11-18 16:00  lan        2 hội nghị, 250 người dự",
            "",
        ])
    }

    @Test func taskListAndStatusAsText() throws {
        let ro = try approvedStore()
        ro.now = "2026-11-21T08:00:00+07:00"
        let list = try ro.expectSuccess(["task", "list", "--period", "2026-11"])
        #expect(list.stdout == """
            MÃ      CHỦ TRÌ  TRẠNG THÁI  BÁO CÁO KỲ  HẠN         TÊN NHIỆM VỤ
            KH07-1  vhxh     accepted    approved    2026-12-31  Tuyên truyền Nghị quyết 57-NQ/TW

            """)
        // Without --period, the month of RO_NOW.
        let status = try ro.expectSuccess(["status"])
        #expect(status.stdout.hasPrefix("Kỳ 2026-11 — hạn báo cáo: trước ngày 20/11/2026\n"))
        #expect(status.stdout.contains("\nvhxh    1         1         0          0        0             0      0    Phòng Văn hóa – Xã hội\n"))
        let december = try ro.expectSuccess(["status", "--period", "2026-12"])
        #expect(december.stdout.hasPrefix("Kỳ 2026-12 — hạn báo cáo: trước ngày 20/12/2026\n"))
        #expect(december.stdout.contains("\nvhxh    1         0         0          0        1             0      0    "))
        let none = try ro.expectSuccess(["task", "list", "--status", "assigned"])
        #expect(none.stdout == "MÃ  CHỦ TRÌ  TRẠNG THÁI  HẠN  TÊN NHIỆM VỤ\n")
    }

    /// The 20th at 00:00 local time is past the deadline of the month before:
    /// the report is taken, and marked late everywhere it is shown.
    @Test func aReportFromMidnightOnThe20thIsTakenAndShownLate() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        try ro.expectSuccess(["assign", "KH07-2", "--title", "Số hóa hồ sơ", "--lead", "vp", "--as", "chutich"])
        try ro.expectSuccess(["accept", "KH07-2", "--as", "minh"])
        ro.now = "2026-11-19T23:59:59+07:00"
        try ro.expectSuccess(["report", "KH07-2", "--period", "2026-11", "--summary", "Kịp hạn", "--as", "minh"])
        ro.now = "2026-11-20T00:00:00+07:00"
        try ro.expectSuccess(["report", "KH07-1", "--period", "2026-11", "--summary", "Nộp lúc nửa đêm", "--as", "lan"])

        let history = try ro.jsonArray(["history", "KH07-1"])
        #expect(history.last?["text"] as? String == "Báo cáo kỳ 2026-11 lần 1 — TRỄ HẠN: Nộp lúc nửa đêm")
        #expect((history.last?["payload"] as? [String: Any])?["late"] as? Bool == true)
        #expect(try ro.expectSuccess(["task", "show", "KH07-1"]).stdout.contains("chờ duyệt (trễ)"))
        let list = try ro.expectSuccess(["task", "list", "--period", "2026-11"]).stdout
        #expect(list.contains("KH07-1  vhxh     accepted    submitted (trễ)"))
        #expect(list.contains("KH07-2  vp       accepted    submitted      "))
        let rows = try ro.jsonArray(["status", "--period", "2026-11"])
        #expect(rows.map { $0["late"] as? Int } == [1, 0])
        #expect(rows.map { $0["submitted"] as? Int } == [1, 1])
    }

    @Test func anExtensionMovesTheDeadlineAndKeepsTheOriginal() throws {
        let ro = try RoRunner()
        try ro.seed()
        try ro.assignAndAccept()
        try ro.expectSuccess(["extend", "request", "KH07-1", "--due", "2027-03-31", "--reason", "Chờ kinh phí", "--as", "lan"])
        try ro.expectSuccess(["extend", "grant", "KH07-1", "--as", "chutich"])
        #expect(try ro.expectSuccess(["task", "show", "KH07-1"]).stdout.contains("\nHạn: 2027-03-31 (hạn ban đầu 2026-12-31)\n"))
        let item = try #require(try ro.jsonArray(["task", "list"]).first)
        #expect(item["due"] as? String == "2027-03-31T17:00:00.000Z")
        #expect(item["original_due"] as? String == "2026-12-31T17:00:00.000Z")
        let texts = try ro.jsonArray(["history", "KH07-1"]).suffix(2).map { $0["text"] as? String }
        #expect(texts == ["Đề nghị gia hạn đến 2027-03-31. Lý do: Chờ kinh phí", "Đồng ý gia hạn từ 2026-12-31 đến 2027-03-31"])
    }
}
