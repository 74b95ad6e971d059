import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RoDomain
import Testing
import TestSupport

@testable import RoServer

/// The task list and the dashboard on the commune of ``ReportWorld``, read on
/// 12 November: October's reports in every state, one missing.
@Suite struct TaskListTests {
    let world: ReportWorld
    init() throws { world = try ReportWorld() }

    /// The task ids the list links to, in order.
    static func tasks(_ page: String) -> [String] {
        guard let body = page.components(separatedBy: "<tbody>").dropFirst().first else { return [] }
        return body.components(separatedBy: #"<a href="/nhiem-vu?ma="#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func everyTaskIsListedWithThisMonthsReportAndTheFiltersNarrowIt() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (status, page) = try await WebTests.get(client, "/nhiem-vu", cookie)
            #expect(status == .ok)
            #expect(Self.tasks(page) == ["KH07-1", "KH07-2", "vd-2026/1", "vd-2026/2"])
            #expect(page.contains("4 nhiệm vụ; cột cuối là báo cáo tháng 11/2026."))
            let planRow = try #require(ReportWorld.row(page, containing: ReportWorld.planTaskTitle))
            #expect(planRow.contains(#"<span class="code">1.</span>"#) && planRow.contains("Năm 2026"))
            #expect(planRow.contains(#"class="pending">Chưa báo cáo</td>"#))

            let (_, october) = try await WebTests.get(client, "/nhiem-vu?ky=2026-10&don-vi=vp", cookie)
            #expect(Self.tasks(october) == ["vd-2026/2"])
            #expect(october.contains(#"class="late">Quá hạn chưa báo cáo</td>"#))
            #expect(october.contains(#"<option value="vp" selected>"#))
            let (_, returned) = try await WebTests.get(client, "/nhiem-vu?ky=2026-10&trang-thai=accepted", cookie)
            #expect(Self.tasks(returned) == ["KH07-1", "KH07-2", "vd-2026/1"])
            #expect(ReportWorld.row(returned, containing: ReportWorld.adHocTitle)?.contains("Bị trả lại") == true)
        }
    }

    @Test func anOfficerSeesTheirUnitsTasksOnly() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.otherOfficer))
            let (_, page) = try await WebTests.get(client, "/nhiem-vu", cookie)
            #expect(Self.tasks(page) == ["vd-2026/2"])
            #expect(!page.contains(#"name="don-vi""#), "an officer has no unit to choose")
            let (_, asked) = try await WebTests.get(client, "/nhiem-vu?don-vi=vhxh", cookie)
            #expect(Self.tasks(asked) == ["vd-2026/2"])
            #expect(!page.contains(#"href="/duyet""#), "an officer has no approval queue")
        }
    }

    @Test func anUnknownUnitStatusOrMonthIsRefused() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            #expect(try await WebTests.get(client, "/nhiem-vu?don-vi=khong-co", cookie).0 == .notFound)
            #expect(try await WebTests.get(client, "/nhiem-vu?trang-thai=bay", cookie).0 == .badRequest)
            #expect(try await WebTests.get(client, "/nhiem-vu?ky=2026-13", cookie).0 == .badRequest)
        }
    }

    @Test func theDashboardNamesTheUnitsThatAreLate() async throws {
        try await world.app().test(.router) { client in
            let cookie = try #require(try await WebTests.signIn(client, Fixture.leader))
            let (_, page) = try await WebTests.get(client, "/", cookie)
            #expect(page.contains(
                #"<li class="late"><strong>Văn phòng HĐND và UBND xã</strong>: thiếu 1 báo cáo — <a href="/nhiem-vu?don-vi=vp&amp;ky=2026-10">T10: 1</a>"#))
            #expect(!page.contains("Không có báo cáo nào quá hạn"))
            // October in the grid: vhxh has one report awaiting, one returned; vp one missing.
            let vhxh = try #require(ReportWorld.row(page, containing: "<th>Phòng Văn hóa – Xã hội</th>"))
            #expect(vhxh.contains(#"<td class="returned"><a href="/nhiem-vu?don-vi=vhxh&amp;ky=2026-10">trả lại 1</a>"#))
            // Months more than two back are marked, for a narrow screen to leave out.
            #expect(vhxh.contains(#"<td class="none old"><a href="/nhiem-vu?don-vi=vhxh&amp;ky=2026-08">"#))
            #expect(vhxh.contains(#"<td class="none"><a href="/nhiem-vu?don-vi=vhxh&amp;ky=2026-09">"#))
        }
    }
}
