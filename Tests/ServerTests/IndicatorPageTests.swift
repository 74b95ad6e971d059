import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoDomain
import Testing
import TestSupport

@testable import RoServer

/// The indicators page through the router: targets, latest values, progress,
/// the server-drawn chart, an officer's view, a bad year.
@Suite struct IndicatorPageTests {
    let world: ReportWorld

    init() throws { world = try ReportWorld() }

    @Test func everyIndicatorIsListedAndNumericOnesAreCharted() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let (status, page) = try await WebTests.get(client, "/chi-tieu", cookie)
            #expect(status == .ok)
            #expect(page.contains("<h1>Tiến độ thực hiện chỉ tiêu năm 2026</h1>"))
            // 60% against ≥ 80% in November: behind. 12 models against ≥ 10: met.
            let ct01 = try #require(ReportWorld.row(page, containing: "<td>CT01</td>"))
            #expect(ct01.contains("<td>≥ 80%</td><td>60%</td><td>10/2026</td>"))
            #expect(ct01.contains(#"<td class="behind">chậm</td>"#))
            let ct02 = try #require(ReportWorld.row(page, containing: "<td>CT02</td>"))
            #expect(ct02.contains("<td>12 mô hình</td>") && ct02.contains(#"<td class="met">đạt</td>"#))
            #expect(ct02.contains("<td>Văn phòng HĐND và UBND xã</td>"))
            let ct03 = try #require(ReportWorld.row(page, containing: "<td>CT03</td>"))
            #expect(ct03.contains("<td>Đạt mức cao của tỉnh</td>") && ct03.contains("định tính"))

            // One bar each for the percent and the count; none for the qualitative one.
            let start = try #require(page.range(of: "<svg"))
            let end = try #require(page.range(of: "</svg>"))
            let svg = String(page[start.lowerBound..<end.upperBound])
            #expect(svg.components(separatedBy: "<g class=").count - 1 == 2)
            #expect(svg.contains(#"<g class="behind"><title>CT01 — "#))
            #expect(svg.contains(#"<g class="met"><title>CT02 — "#))
            #expect(!svg.contains("CT03"))
            // 60 of 100 on the percent scale; 12 of 10 capped at the full track.
            #expect(svg.contains(#"class="bar" x="70" y="11" width="252""#))
            #expect(svg.contains(#"class="bar" x="70" y="41" width="420""#))
            // The name is escaped in the table and in the chart: no markup gets through.
            #expect(!page.contains("<trực tuyến>"))
            #expect(page.contains("&lt;trực tuyến&gt; &amp; “toàn trình”"))
            #expect(page.contains("1 chỉ tiêu định tính"))
        }
    }

    @Test func anOfficerSeesOnlyTheIndicatorsTheirUnitTracks() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.otherOfficer))
            let (status, page) = try await WebTests.get(client, "/chi-tieu?nam=2026", cookie)
            #expect(status == .ok)
            #expect(page.contains("<td>CT02</td>"))
            #expect(!page.contains("CT01") && !page.contains("CT03"))
            #expect(page.contains("Chỉ gồm các chỉ tiêu do Văn phòng HĐND và UBND xã theo dõi."))
        }
    }

    @Test func aYearWithoutValuesOrTargetsDrawsNoChart() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (status, page) = try await WebTests.get(client, "/chi-tieu?nam=2027", cookie)
            #expect(status == .ok)
            #expect(page.contains("<h1>Tiến độ thực hiện chỉ tiêu năm 2027</h1>"))
            #expect(!page.contains("<svg"))
            #expect(page.components(separatedBy: "không có chỉ tiêu</td>").count - 1 == 3)
        }
    }

    @Test(arguments: ["26", "20x6", "1999", "+2026", "20266"])
    func aMalformedYearIsABadRequest(_ year: String) async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.auditor))
            let query = year.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let (status, page) = try await WebTests.get(client, "/chi-tieu?nam=\(query)", cookie)
            #expect(status == .badRequest)
            #expect(page.contains("cần bốn chữ số từ 2000 đến 2100"))
        }
    }
}
