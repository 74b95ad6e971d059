import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import RoDomain
import RoEventStore
import RoHandlers
import TestSupport

@testable import RoServer

/// A commune with a small plan in October and November 2026: two plan tasks
/// and two tasks outside the plan, their October reports in every state, and
/// indicator values. The web front reads it on 12 November 2026.
///
/// October, read on 12 November (the month's reports were due before 20 October):
/// - `KH07-1` (vhxh, due 31/12/2026): submitted, awaiting a decision;
/// - `KH07-2` (vhxh, no deadline): submitted, then returned;
/// - `vd-2026/1` (vhxh, co-unit vp, "Năm 2026"): submitted, then approved;
/// - `vd-2026/2` (vp, "Khi có văn bản của cấp trên"): nothing, so missing.
/// November: nothing reported yet, nothing due yet.
struct ReportWorld {
    let temporary: TemporaryStore
    let now = Fixture.instant("2026-11-12T09:00:00+07:00")
    static let planID = PlanID(unchecked: "vd-2026")
    static let october = Period(year: 2026, month: 10)!
    static let adHoc = TaskID(unchecked: "KH07-2")
    static let planTask = TaskID(unchecked: "vd-2026/1")
    static let vpTask = TaskID(unchecked: "vd-2026/2")

    /// A summary with a comma and quotes, to round-trip through CSV.
    static let awaitingSummary = #"Đã họp, thống nhất "khung" nội dung tuyên truyền"#
    /// A product a spreadsheet would read as a formula.
    static let formulaOutput = "=HYPERLINK(\"http://vi.du\",\"Bấm vào\")"
    static let approvedSummary = "Đã ban hành Kế hoạch chuyển đổi số"
    static let returnedSummary = "- Đã rà soát 3 chuyên mục"

    static let adHocTitle = "Rà soát trang thông tin điện tử của xã"
    static let planTaskTitle = "Xây dựng Kế hoạch chuyển đổi số năm 2026"
    static let vpTaskTitle = "Số hóa hồ sơ lưu trữ theo hướng dẫn của cấp trên"
    static let ct01Name = "Tỷ lệ hồ sơ <trực tuyến> & “toàn trình”"

    static func plan() -> Plan {
        Plan(
            id: planID, commune: .init(name: "Xã Ví Dụ", province: "Tỉnh Đồng Nai"),
            document: .init(
                number: "15/KH-UBND", date: "2026-02-10",
                title: "Kế hoạch triển khai Nghị quyết số 57-NQ/TW năm 2026", basedOn: []),
            horizon: .init(from: 2026, to: 2026), reporting: .init(rule: .standard, text: "trước ngày 20 hằng tháng"),
            reminders: .standard, coordinator: Fixture.vhxh,
            units: [
                Plan.Unit(id: Fixture.vhxh, name: "Phòng Văn hóa – Xã hội", kind: .department, emails: [], head: nil, officers: []),
                Plan.Unit(id: Fixture.vp, name: "Văn phòng HĐND và UBND xã", kind: .office, emails: [], head: nil, officers: []),
            ],
            tasks: [
                Plan.Task(
                    code: "1", title: planTaskTitle, lead: Fixture.vhxh, coUnits: [Fixture.vp], deadlineText: "Năm 2026",
                    deadline: .year(2026), output: "Kế hoạch được ban hành", indicators: ["CT01"], group: nil),
                Plan.Task(
                    code: "2", title: vpTaskTitle, lead: Fixture.vp, coUnits: [], deadlineText: "Khi có văn bản của cấp trên",
                    deadline: .onInstruction, output: nil, indicators: [], group: nil),
            ],
            indicators: [
                Indicator(
                    id: "CT01", name: ct01Name, measure: .percent, unitLabel: "%",
                    targets: [.init(year: 2026, comparator: .atLeast, value: 80, text: "≥ 80%")], trackedBy: Fixture.vhxh,
                    output: nil, group: nil),
                Indicator(
                    id: "CT02", name: "Số mô hình chuyển đổi số ở các ấp", measure: .count, unitLabel: "mô hình",
                    targets: [.init(year: 2026, comparator: .atLeast, value: 10, text: "≥ 10 mô hình")], trackedBy: Fixture.vp,
                    output: nil, group: nil),
                Indicator(
                    id: "CT03", name: "Mức độ hài lòng của người dân", measure: .index, unitLabel: nil,
                    targets: [.init(year: 2026, comparator: .qualitative, value: 0, text: "Đạt mức cao của tỉnh")],
                    trackedBy: Fixture.vhxh, output: nil, group: nil),
            ])
    }

    init() throws {
        temporary = try TemporaryStore()
        func by(_ login: Login) -> CommandContext { CommandContext(login: login, source: .cli) }
        let start = temporary.handler(at: Fixture.instant("2026-10-05T09:00:00+07:00"))
        try Fixture.seedDirectory(start)
        let hash = Bcrypt.hash(WebTests.password, cost: 4)
        for login in [Fixture.leader, Fixture.officer, Fixture.otherOfficer, Fixture.auditor] {
            _ = try start.setPassword(login, hash: hash, context: by(Fixture.admin))
        }
        _ = try start.loadPlan(Self.plan(), digest: "vd-2026-test", context: by(Fixture.leader))
        _ = try start.execute(.assign(Fixture.assignment), on: Fixture.task, context: by(Fixture.leader))
        _ = try start.execute(
            .assign(.init(title: Self.adHocTitle, lead: Fixture.vhxh, due: nil, output: nil)), on: Self.adHoc,
            context: by(Fixture.leader))
        for task in [Fixture.task, Self.adHoc, Self.planTask] {
            _ = try start.execute(.accept(note: nil), on: task, context: by(Fixture.officer))
        }

        let october10 = temporary.handler(at: Fixture.instant("2026-10-10T09:00:00+07:00"))
        func report(_ task: TaskID, _ summary: String, percent: Int?, output: String?) throws {
            _ = try october10.execute(
                .report(.init(period: Self.october, summary: summary, percentDone: percent, output: output)), on: task,
                context: by(Fixture.officer))
        }
        try report(Fixture.task, Self.awaitingSummary, percent: 40, output: Self.formulaOutput)
        try report(Self.adHoc, Self.returnedSummary, percent: nil, output: nil)
        try report(Self.planTask, Self.approvedSummary, percent: 100, output: "Kế hoạch số 20/KH-UBND")

        let october12 = temporary.handler(at: Fixture.instant("2026-10-12T09:00:00+07:00"))
        _ = try october12.execute(
            .returnReport(period: Self.october, revision: 1, reason: "Thiếu số liệu"), on: Self.adHoc, context: by(Fixture.leader))
        _ = try october12.execute(
            .approve(period: Self.october, revision: 1, note: nil), on: Self.planTask, context: by(Fixture.leader))
        _ = try october12.recordIndicator(60, plan: Self.planID, indicator: "CT01", period: Self.october, note: nil, context: by(Fixture.leader))
        _ = try october12.recordIndicator(12, plan: Self.planID, indicator: "CT02", period: Self.october, note: nil, context: by(Fixture.leader))
    }

    func app() async throws -> some ApplicationProtocol {
        try await buildApplication(WebDependencies(
            handler: temporary.handler(at: now), evidence: EvidenceStore(beside: temporary.path), secureCookies: true))
    }

    /// The raw body and the headers of a GET.
    static func fetch(_ client: some TestClientProtocol, _ uri: String, _ cookie: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    /// The table row (`<tr>…</tr>`) holding `text`, if any.
    static func row(_ page: String, containing text: String) -> String? {
        page.components(separatedBy: "<tr>").first { $0.contains(text) }
    }
}

/// A reader of RFC 4180 CSV, written apart from the writer: fields may be
/// quoted, quotes doubled inside; records end with CRLF.
enum CSVReader {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    let after = next()
                    if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" {
                if next() != "\n" { return [] }  // A bare CR outside quotes: not this format.
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
