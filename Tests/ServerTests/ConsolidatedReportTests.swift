import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoDomain
import Testing
import TestSupport

@testable import RoServer

/// The monthly consolidated report through the router: the printable page and
/// the CSV, each report state in Vietnamese, an officer's view, a bad month.
@Suite struct ConsolidatedReportTests {
    let world: ReportWorld

    init() throws { world = try ReportWorld() }

    static let header = "STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Kết quả thực hiện trong tháng,Sản phẩm/minh chứng,Tình trạng\r\n"

    @Test func thePageShowsEveryTaskWithItsMonthsReportAndStatus() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let (status, page) = try await WebTests.get(client, "/bao-cao-tong-hop?ky=2026-10", cookie)
            #expect(status == .ok)
            #expect(page.contains(
                "<h1>Báo cáo tổng hợp kết quả thực hiện Kế hoạch triển khai Nghị quyết số 57-NQ/TW năm 2026 tháng 10/2026</h1>"))
            #expect(page.contains("Ủy ban nhân dân Xã Ví Dụ — Kế hoạch số 15/KH-UBND ngày 10/02/2026"))
            #expect(page.contains("@media print") && page.contains("size:A4 landscape"))
            #expect(page.contains(#"href="/bao-cao-tong-hop.csv?ky=2026-10""#))

            let awaiting = try #require(ReportWorld.row(page, containing: "Tuyên truyền Nghị quyết 57-NQ/TW"))
            #expect(awaiting.contains(#"<td class="submitted">Chờ duyệt</td>"#))
            #expect(awaiting.contains("<td>31/12/2026</td>"))
            #expect(awaiting.contains("<td>Văn phòng HĐND và UBND xã</td>"))
            #expect(awaiting.contains("(tiến độ 40%)"))
            let approved = try #require(ReportWorld.row(page, containing: ReportWorld.planTaskTitle))
            #expect(approved.contains(#"<span class="code">1.</span>"#))
            #expect(approved.contains("<td>Năm 2026</td>"))
            #expect(approved.contains(#"<td class="approved">Đã duyệt</td>"#))
            #expect(approved.contains("Kế hoạch số 20/KH-UBND"))
            let returned = try #require(ReportWorld.row(page, containing: ReportWorld.adHocTitle))
            #expect(returned.contains(#"<td class="returned">Bị trả lại</td>"#))
            #expect(returned.contains("<td>Thường xuyên</td>"))
            let missing = try #require(ReportWorld.row(page, containing: ReportWorld.vpTaskTitle))
            #expect(missing.contains(#"<td class="late">Quá hạn chưa báo cáo</td>"#))
            #expect(missing.contains("<td>Khi có văn bản của cấp trên</td>"))
            // Numbered in task id order.
            #expect(awaiting.contains(#"<td class="n">1</td>"#) && missing.contains(#"<td class="n">4</td>"#))
        }
    }

    @Test func withoutAMonthItIsTheCurrentMonthWhereNothingIsDueYet() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (status, page) = try await WebTests.get(client, "/bao-cao-tong-hop", cookie)
            #expect(status == .ok)
            #expect(page.contains("tháng 11/2026</h1>"))
            #expect(page.components(separatedBy: #"<td class="pending">Chưa báo cáo</td>"#).count - 1 == 4)
            #expect(!page.contains("Đã duyệt</td>"))
            let csv = try await ReportWorld.fetch(client, "/bao-cao-tong-hop.csv", cookie)
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="bao-cao-tong-hop-2026-11.csv""#)
        }
    }

    @Test func theCSVHasABOMAVietnameseHeaderAndCRLFLines() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let response = try await ReportWorld.fetch(client, "/bao-cao-tong-hop.csv?ky=2026-10", cookie)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == #"attachment; filename="bao-cao-tong-hop-2026-10.csv""#)
            let bytes = Array(buffer: response.body)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let header = Array(Self.header.utf8)
            #expect(Array(bytes.dropFirst(3).prefix(header.count)) == header)
            let text = try #require(String(bytes: bytes.dropFirst(3), encoding: .utf8))
            // Every line ends with CRLF: no LF without its CR before it.
            #expect(text.hasSuffix("\r\n"))
            let lineFeeds = text.unicodeScalars.filter { $0 == "\n" }.count
            #expect(lineFeeds == 5 && text.components(separatedBy: "\r\n").count - 1 == 5)
            #expect(text.contains(
                "2,Rà soát trang thông tin điện tử của xã,Phòng Văn hóa – Xã hội,,Thường xuyên,'- Đã rà soát 3 chuyên mục,,Bị trả lại\r\n"))
        }
    }

    @Test func aSummaryWithACommaAndQuotesRoundTripsAndFormulasAreDefused() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let response = try await ReportWorld.fetch(client, "/bao-cao-tong-hop.csv?ky=2026-10", cookie)
            let text = String(buffer: response.body)
            let records = CSVReader.records(String(text.dropFirst()))
            #expect(records.count == 5)
            #expect(records.allSatisfy { $0.count == 8 })
            #expect(records.first == Pages.consolidatedColumns)
            let awaiting = try #require(records.first { $0[1] == "Tuyên truyền Nghị quyết 57-NQ/TW" })
            #expect(awaiting[5] == ReportWorld.awaitingSummary + " (tiến độ 40%)")
            #expect(awaiting[7] == "Chờ duyệt")
            // The product would be a live formula in Excel: it is kept as text.
            #expect(awaiting[6] == "'" + ReportWorld.formulaOutput)
            #expect(text.contains(#""'=HYPERLINK(""http://vi.du"",""Bấm vào"")""#))
            let statuses = records.dropFirst().map { $0[7] }
            #expect(statuses == ["Chờ duyệt", "Bị trả lại", "Đã duyệt", "Quá hạn chưa báo cáo"])
            #expect(records[3][1] == "1. " + ReportWorld.planTaskTitle)
        }
    }

    @Test func anOfficerSeesOnlyTheTasksTheirUnitLeads() async throws {
        try await world.app().test(.router) { client in
            let lan = try #require(try await WebTests.signIn(client, Fixture.officer))
            let (status, page) = try await WebTests.get(client, "/bao-cao-tong-hop?ky=2026-10", lan)
            #expect(status == .ok)
            #expect(page.contains(ReportWorld.planTaskTitle) && page.contains(ReportWorld.adHocTitle))
            #expect(!page.contains(ReportWorld.vpTaskTitle))
            #expect(page.contains("Chỉ gồm các nhiệm vụ do Phòng Văn hóa – Xã hội chủ trì."))
            let csv = String(buffer: try await ReportWorld.fetch(client, "/bao-cao-tong-hop.csv?ky=2026-10", lan).body)
            #expect(CSVReader.records(String(csv.dropFirst())).count == 4)
            #expect(!csv.contains(ReportWorld.vpTaskTitle))
        }
        try await world.app().test(.router) { client in
            let minh = try #require(try await WebTests.signIn(client, Fixture.otherOfficer))
            let csv = String(buffer: try await ReportWorld.fetch(client, "/bao-cao-tong-hop.csv?ky=2026-10", minh).body)
            let records = CSVReader.records(String(csv.dropFirst()))
            #expect(records.map { $0[1] } == ["Nhiệm vụ", "2. " + ReportWorld.vpTaskTitle])
        }
    }

    @Test(arguments: ["2026-13", "abc", "2026-1", "2026-+1", "1999-12"])
    func aMalformedMonthIsABadRequest(_ month: String) async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let query = month.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let (status, page) = try await WebTests.get(client, "/bao-cao-tong-hop?ky=\(query)", cookie)
            #expect(status == .badRequest)
            #expect(page.contains("không đúng dạng: cần năm và tháng dạng YYYY-MM, ví dụ 2026-11"))
            let csv = try await ReportWorld.fetch(client, "/bao-cao-tong-hop.csv?ky=\(query)", cookie)
            #expect(csv.status == .badRequest)
            #expect(csv.headers[.contentDisposition] == nil)
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await world.app().test(.router) { client in
            for uri in ["/bao-cao-tong-hop", "/bao-cao-tong-hop.csv", "/chi-tieu"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .found && response.headers[.location] == "/dang-nhap")
            }
        }
    }
}
