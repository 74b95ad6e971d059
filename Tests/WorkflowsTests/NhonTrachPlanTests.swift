import Foundation
import RoDomain
import Testing
import TestSupport
@testable import RoWorkflows

/// Workflows/nhon-trach-2026.yaml, the Nhơn Trạch 2026 plan, against its seed
/// (shared/seeds/002_…): it reads, it holds what the seed holds, and nothing is
/// paraphrased.
@Suite("Nhơn Trạch 2026: the plan file against its seed")
struct NhonTrachPlanTests {
    static let path = Repository.path("Workflows/nhon-trach-2026.yaml")

    static func load() throws -> PlanFile { try RealPlan.load(path) }

    @Test func readsWithoutFault() throws {
        let file = try Self.load()
        let plan = file.plan
        #expect(plan.id == PlanID(unchecked: "nt-2026"))
        #expect(plan.commune.name == "Xã Nhơn Trạch")
        #expect(plan.commune.province == "Tỉnh Đồng Nai")
        #expect(plan.horizon == Plan.Horizon(from: 2026, to: 2026))
        #expect(plan.coordinator.rawValue == "vhxh")
        #expect(plan.document.title.hasPrefix("Kế hoạch triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024"))
        #expect(plan.document.title.hasSuffix("trên địa bàn xã Nhơn Trạch năm 2026"))
        #expect(plan.document.basedOn.count == 1)
        #expect(plan.document.basedOn.first?.hasPrefix("Kế hoạch số 91/KH-UBND ngày 12/2/2026 của UBND tỉnh Đồng Nai") == true)
        // The seed gives no number or date: the number is a placeholder, and warned about.
        #expect(Placeholder.isPlaceholder(plan.document.number))
        #expect(file.warnings.contains { $0.location.field == "document.number" })
        // No unit has an address in the seed: every one is a placeholder, warned about.
        #expect(plan.units.allSatisfy { $0.emails.isEmpty })
        #expect(file.warnings.filter { $0.location.field.hasSuffix(".emails[1]") }.count == plan.units.count)
    }

    @Test func countsAsInTheSeed() throws {
        let plan = try Self.load().plan
        #expect(plan.units.count == 12)
        #expect(plan.indicators.count == 24)
        #expect(plan.indicators.map(\.id) == (1...24).map { String(format: "CT%02d", $0) })
        #expect(plan.tasks.count == 53)
        // III: every bullet (4 + 6 + 7 + 3); IV: every bullet (3 + 3 + 5 + 3); V: V.1.4 and V.2–V.7 (6 × 3).
        let sections = Dictionary(grouping: plan.tasks) { task in String(task.code.prefix { $0 != "." }) }.mapValues(\.count)
        #expect(sections == ["III": 20, "IV": 14, "V": 19])
        #expect(Set(plan.tasks.map(\.code)).count == plan.tasks.count)
    }

    @Test func theUnitsTheSeedNames() throws {
        let plan = try Self.load().plan
        let names = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.id.rawValue, $0.name) })
        #expect(names == [
            "vhxh": "Phòng Văn hóa – Xã hội",
            "vp": "Văn phòng HĐND và UBND xã",
            "hcc": "Trung tâm Phục vụ hành chính công xã",
            "kt": "Phòng Kinh tế",
            "ca": "Công an xã",
            "tyt": "Trạm Y tế",
            "truong": "Các trường học trên địa bàn",
            "cnscd": "Tổ công nghệ số cộng đồng",
            "ap": "Các ấp",
            "tdkt": "Thường trực Hội đồng Thi đua – Khen thưởng xã",
            "vhtt": "Trung tâm Văn hóa, Thông tin và Thể thao",
            "mttq": "Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị – xã hội",
        ])
        #expect(plan.units.first { $0.id.rawValue == "vhxh" }?.kind == .department)
        #expect(plan.units.first { $0.id.rawValue == "hcc" }?.kind == .center)
        #expect(plan.units.first { $0.id.rawValue == "ca" }?.kind == .police)
    }

    @Test func sampleTasks() throws {
        let plan = try Self.load().plan

        let kh = try RealPlan.task("III.1.2", in: plan)
        #expect(kh.lead.rawValue == "vhxh")
        #expect(kh.group == "1. Tăng cường công tác lãnh đạo, tổ chức thực hiện")
        #expect(kh.title.hasPrefix("Xây dựng Kế hoạch chuyển đổi số xã Nhơn Trạch năm 2026"))
        #expect(kh.deadlineText == "Năm 2026")
        #expect(kh.deadline == .year(2026))
        #expect(kh.output == "Kế hoạch chuyển đổi số xã Nhơn Trạch năm 2026 và giai đoạn 2026–2030")
        let deliverables = kh.deadline.deliverables(horizon: plan.horizon.years)
        #expect(deliverables.map(\.key) == ["2026"])
        #expect(deliverables.first?.due == Timestamp.parse("2026-12-31T17:00:00Z"))

        // "(nếu được phân công)": waits for the superior's assignment.
        let pilot = try RealPlan.task("III.2.2", in: plan)
        #expect(pilot.lead.rawValue == "vhxh")
        #expect(pilot.title.hasPrefix("Phối hợp triển khai các mô hình thí điểm (nếu được phân công) như:"))
        #expect(pilot.deadline == .onInstruction)

        let tuyenTruyen = try RealPlan.task("III.2.6", in: plan)
        #expect(tuyenTruyen.lead.rawValue == "vhtt")
        #expect(tuyenTruyen.coUnits.map(\.rawValue) == ["ap", "cnscd"])
        #expect(tuyenTruyen.title.hasPrefix("Tổ chức tuyên truyền, vận động người dân, hộ kinh doanh"))
        #expect(tuyenTruyen.deadline == .year(2026))

        let dvc = try RealPlan.task("III.3.3", in: plan)
        #expect(dvc.lead.rawValue == "hcc")
        #expect(dvc.group == "3. Về Phát triển chính quyền số và Cải cách hành chính")
        #expect(dvc.title.hasPrefix("Nâng cao tỷ lệ hồ sơ dịch vụ công trực tuyến đạt từ 90% trở lên"))
        #expect(dvc.deadline == .year(2026))
        #expect(dvc.indicators == ["CT11", "CT12"])

        let vanBan = try RealPlan.task("V.4.2", in: plan)
        #expect(vanBan.lead.rawValue == "vp")
        #expect(vanBan.group == "4. Văn phòng HĐND và UBND xã")
        #expect(vanBan.title.hasPrefix("Bảo đảm 100% văn bản trao đổi giữa UBND xã với cấp trên"))
        #expect(vanBan.deadline == .year(2026))

        let ap = try RealPlan.task("V.6.1", in: plan)
        #expect(ap.lead.rawValue == "ap")
        #expect(ap.coUnits.map(\.rawValue) == ["cnscd"])
        #expect(ap.title.hasPrefix("Đẩy mạnh tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến"))
        #expect(ap.indicators == ["CT07", "CT20", "CT21", "CT22"])

        // Apart from III.2.2, the seed gives no task its own time: each is due within the plan year.
        for task in plan.tasks where task.code != "III.2.2" {
            #expect(task.deadline == .year(2026), "\(task.code)")
        }
    }

    @Test func sampleIndicators() throws {
        let plan = try Self.load().plan

        let g5 = try RealPlan.indicator("CT01", in: plan)
        #expect(g5.name == "Tỉ lệ phủ sóng 5G trên địa bàn xã")
        #expect(g5.group == "I Hạ tầng số")
        #expect(g5.measure == .percent)
        #expect(g5.unitLabel == "%")
        #expect(g5.targets.map(\.text) == ["≥ 60%"])
        #expect(g5.targets.first?.year == 2026)
        #expect(g5.targets.first?.comparator == .atLeast)
        #expect(g5.targets.first?.value == 60)
        #expect(g5.trackedBy.rawValue == "vhxh")

        let sangKien = try RealPlan.indicator("CT08", in: plan)
        #expect(sangKien.name == "Sáng kiến cải tiến trong khu vực công được công nhận")
        #expect(sangKien.measure == .count)
        #expect(sangKien.unitLabel == "Sáng kiến")
        #expect(sangKien.targets.first?.text == "≥ 01")
        #expect(sangKien.targets.first?.comparator == .atLeast)
        #expect(sangKien.targets.first?.value == 1)
        #expect(sangKien.trackedBy.rawValue == "tdkt")

        let iot = try RealPlan.indicator("CT10", in: plan)
        #expect(iot.name.hasPrefix("Hỗ trợ, khuyến khích ứng dụng công nghệ (IoT, tự động hóa...)"))
        #expect(iot.targets.first?.text == "Có triển khai")
        #expect(iot.targets.first?.comparator == .qualitative)
        #expect(iot.trackedBy.rawValue == "kt")

        let paKn = try RealPlan.indicator("CT17", in: plan)
        #expect(paKn.name == "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn")
        #expect(paKn.targets.first?.text == "100%")
        #expect(paKn.targets.first?.comparator == .atLeast)
        #expect(paKn.targets.first?.value == 100)
        #expect(paKn.trackedBy.rawValue == "vp")

        let vneid = try RealPlan.indicator("CT20", in: plan)
        #expect(vneid.name == "Tỷ lệ người dân có tài khoản định danh điện tử (VneID)")
        #expect(vneid.group == "IV Về phát triển chuyển đổi số & Cải cách hành chính")
        #expect(vneid.targets.first?.text == "≥ 80%")
        #expect(vneid.targets.first?.comparator == .atLeast)
        #expect(vneid.targets.first?.value == 80)
        #expect(vneid.trackedBy.rawValue == "ca")

        let soSucKhoe = try RealPlan.indicator("CT22", in: plan)
        #expect(soSucKhoe.name == "Tỷ lệ người dân có Sổ sức khỏe điện tử")
        #expect(soSucKhoe.targets.first?.value == 95)
        #expect(soSucKhoe.trackedBy.rawValue == "tyt")
    }

    @Test func reportingBeforeThe20th() throws {
        let plan = try Self.load().plan
        #expect(plan.reporting.rule.beforeDay == 20)
        #expect(plan.reporting.text.contains("trước ngày 20 hằng tháng"))
        let november = try #require(Period(year: 2026, month: 11))
        #expect(plan.reporting.rule.due(for: november) == Timestamp.parse("2026-11-19T17:00:00Z"))
    }

    @Test func textsAreTheSeedsOwn() throws {
        guard let seed = Repository.seed("002") else { return }
        let text = RealPlan.collapsed(seed)
        let plan = try Self.load().plan
        for task in plan.tasks {
            #expect(text.contains(RealPlan.collapsed(task.title)), "\(task.code): title not in the seed")
            if let group = task.group {
                #expect(text.contains(RealPlan.collapsed(group)), "\(task.code): group not in the seed")
            }
        }
        for indicator in plan.indicators where indicator.id != "CT14" {
            #expect(text.contains(RealPlan.collapsed(indicator.name)), "\(indicator.id): name not in the seed")
        }
        // CT14: the table pushed the name's last words ("quốc gia") below its tracking unit.
        let ct14 = try RealPlan.indicator("CT14", in: plan)
        #expect(ct14.name.hasSuffix(" quốc gia"))
        #expect(text.contains(RealPlan.collapsed(String(ct14.name.dropLast(" quốc gia".count)))))
        #expect(text.contains("Trung tâm PV HCC quốc gia"))
    }
}
