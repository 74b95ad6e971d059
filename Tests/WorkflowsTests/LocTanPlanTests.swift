import Foundation
import RoDomain
import Testing
import TestSupport
@testable import RoWorkflows

/// Workflows/loc-tan-2026-2030.yaml, the Lộc Tấn plan to 2030, against its seed
/// (shared/seeds/003_…): it reads, it holds what the seed holds, deadlines follow
/// the plan's stages, and nothing is paraphrased.
@Suite("Lộc Tấn 2026–2030: the plan file against its seed")
struct LocTanPlanTests {
    static let path = Repository.path("Workflows/loc-tan-2026-2030.yaml")

    static func load() throws -> PlanFile { try RealPlan.load(path) }

    static func due(_ text: String) -> Date? { Timestamp.parse(text) }

    @Test func readsWithoutFault() throws {
        let file = try Self.load()
        let plan = file.plan
        #expect(plan.id == PlanID(unchecked: "lt-2026-2030"))
        #expect(plan.commune.name == "Xã Lộc Tấn")
        #expect(plan.commune.province == "Tỉnh Đồng Nai")
        #expect(plan.horizon == Plan.Horizon(from: 2026, to: 2030))
        #expect(plan.horizon.years == 2026...2030)
        #expect(plan.coordinator.rawValue == "vhxh")
        #expect(plan.document.title.hasPrefix("Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024"))
        #expect(plan.document.title.hasSuffix("xã Lộc Tấn đến năm 2030, tầm nhìn đến năm 2045"))
        #expect(plan.document.basedOn.count == 4)
        #expect(plan.document.basedOn.last?.hasPrefix("Nghị quyết số 2-KH/ĐU ngày 09/12/2025") == true)
        // The seed gives no number or date: the number is a placeholder, and warned about.
        #expect(Placeholder.isPlaceholder(plan.document.number))
        #expect(file.warnings.contains { $0.location.field == "document.number" })
        // Nor a reporting deadline: a placeholder rule, warned about.
        #expect(Placeholder.isPlaceholder(plan.reporting.text))
        #expect(file.warnings.contains { $0.location.field == "reporting.text" })
        // No unit has an address in the seed: every one is a placeholder, warned about.
        #expect(plan.units.allSatisfy { $0.emails.isEmpty })
        #expect(file.warnings.filter { $0.location.field.hasSuffix(".emails[1]") }.count == plan.units.count)
    }

    @Test func countsAsInTheSeed() throws {
        let plan = try Self.load().plan
        #expect(plan.units.count == 13)
        #expect(plan.tasks.count == 51)
        #expect(plan.indicators.count == 12)
        #expect(plan.indicators.map(\.id) == (1...12).map { String(format: "LT%02d", $0) })
        #expect(Set(plan.tasks.map(\.code)).count == plan.tasks.count)
        // II: every bullet of the three stages (3+2+3, 2+4+3, 7+6+4); III: every bullet (5+1+5+3+3).
        let stages = Dictionary(grouping: plan.tasks) { task in
            task.code.split(separator: ".").prefix(task.code.hasPrefix("II.") ? 2 : 1).joined(separator: ".")
        }.mapValues(\.count)
        #expect(stages == ["II.1": 8, "II.2": 9, "II.3": 17, "III": 17])
    }

    @Test func theUnitsTheSeedNames() throws {
        let plan = try Self.load().plan
        let names = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.id.rawValue, $0.name) })
        #expect(names == [
            "vhxh": "Phòng Văn hoá - Xã hội",
            "kt": "Phòng Kinh tế",
            "vp": "Văn phòng HĐND và UBND",
            "hcc": "Trung tâm Phục vụ hành chính công",
            "ca": "Công an xã",
            "qs": "Ban Chỉ huy Quân sự xã",
            "mttq": "Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội",
            "truong": "Các Trường học trên địa bàn xã",
            "tyt": "Trạm Y tế xã",
            "dn": "Các đơn vị doanh nghiệp đóng trên địa bàn xã",
            "hnd": "Hội Nông dân",
            "dtn": "Đoàn Thanh niên",
            "cnscd": "Tổ công nghệ số cộng đồng",
        ])
        let kinds = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.id.rawValue, $0.kind) })
        #expect(kinds["vhxh"] == .department)
        #expect(kinds["vp"] == .office)
        #expect(kinds["hcc"] == .center)
        #expect(kinds["ca"] == .police)
        #expect(kinds["qs"] == .military)
        #expect(kinds["tyt"] == .station)
        #expect(kinds["truong"] == .school)
        #expect(kinds["mttq"] == .mass)
        #expect(kinds["cnscd"] == .team)
    }

    @Test func sampleTasks() throws {
        let plan = try Self.load().plan
        let years = plan.horizon.years

        // Stage 1, "Năm 2026 - 2027": VNeID is the police's (IV.5).
        let vneid = try RealPlan.task("II.1.b.2", in: plan)
        #expect(vneid.group == "b) Phát triển xã hội số")
        #expect(vneid.title.hasPrefix("Hướng dẫn người dân, học sinh cài đặt và sử dụng ứng dụng VNeID"))
        #expect(vneid.lead.rawValue == "ca")
        #expect(vneid.coUnits.map(\.rawValue) == ["hcc"])
        #expect(vneid.deadlineText == "Giai đoạn 2026-2027")
        #expect(vneid.deadline == .years(from: 2026, to: 2027))
        let stage1 = vneid.deadline.deliverables(horizon: years)
        #expect(stage1.map(\.key) == ["2026-2027"])
        #expect(stage1.first?.due == Self.due("2027-12-31T17:00:00Z"))
        #expect(vneid.indicators == ["LT04"])

        // Training on e-commerce, with the farmers' union and the youth union named (IV.2).
        let tmdt = try RealPlan.task("II.1.c.2", in: plan)
        #expect(tmdt.lead.rawValue == "kt")
        #expect(tmdt.coUnits.map(\.rawValue) == ["hnd", "dtn"])
        #expect(tmdt.title.hasPrefix("Tổ chức các lớp tập huấn, hướng dẫn về thương mại điện tử"))

        // Stage 2, "Từ năm 2028 trở đi": to the end of the horizon.
        let csdl = try RealPlan.task("II.2.a.2", in: plan)
        #expect(csdl.group == "a) Hoàn thiện hạ tầng số")
        #expect(csdl.title.hasPrefix("Xây dựng hệ thống cơ sở dữ liệu số về đất đai, dân cư"))
        #expect(csdl.lead.rawValue == "kt")
        #expect(csdl.coUnits.map(\.rawValue) == ["ca"])
        #expect(csdl.deadlineText == "Giai đoạn 2028-2030")
        #expect(csdl.deadline == .years(from: 2028, to: 2030))
        let stage2 = csdl.deadline.deliverables(horizon: years)
        #expect(stage2.map(\.key) == ["2028-2030"])
        #expect(stage2.first?.due == Self.due("2030-12-31T17:00:00Z"))

        // Stage 3, "Đến năm 2030": a target of II.3.a, led by the unit that tracks it.
        let dvc = try RealPlan.task("II.3.a.4", in: plan)
        #expect(dvc.group == "a) Nâng cao tiềm lực khoa học, công nghệ và đổi mới sáng tạo")
        #expect(dvc.title.hasPrefix("Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp"))
        #expect(dvc.lead.rawValue == "hcc")
        #expect(dvc.deadlineText == "Năm 2030")
        #expect(dvc.deadline == .year(2030))
        let stage3 = dvc.deadline.deliverables(horizon: years)
        #expect(stage3.map(\.key) == ["2030"])
        #expect(stage3.first?.due == Self.due("2030-12-31T17:00:00Z"))
        #expect(dvc.indicators == ["LT04"])

        // "Hằng năm": one deliverable each year of the horizon.
        let nganSach = try RealPlan.task("II.3.b.1", in: plan)
        #expect(nganSach.title.hasPrefix("Hằng năm, UBND xã bố trí ngân sách phù hợp"))
        #expect(nganSach.lead.rawValue == "vhxh")
        #expect(nganSach.deadline == .annually)
        let annual = nganSach.deadline.deliverables(horizon: years)
        #expect(annual.map(\.key) == ["2026", "2027", "2028", "2029", "2030"])
        #expect(annual.first?.due == Self.due("2026-12-31T17:00:00Z"))
        #expect(annual.last?.due == Self.due("2030-12-31T17:00:00Z"))

        // III: no time of its own, so within the plan's period "đến năm 2030".
        let anNinh = try RealPlan.task("III.5.3", in: plan)
        #expect(anNinh.title.hasPrefix("Bảo đảm an toàn, an ninh mạng trên nền tảng số và không gian mạng."))
        #expect(anNinh.lead.rawValue == "ca")
        #expect(anNinh.coUnits.map(\.rawValue) == ["qs"])
        #expect(anNinh.deadlineText == "Giai đoạn 2026-2030")
        #expect(anNinh.deadline == .years(from: 2026, to: 2030))
        #expect(anNinh.deadline.deliverables(horizon: years).first?.due == Self.due("2030-12-31T17:00:00Z"))

        // The one title over 500 characters in the seed, cut before its last clause.
        let moiTruongSo = try RealPlan.task("III.5.2", in: plan)
        #expect(moiTruongSo.title.count <= TextLimit.title)
        #expect(moiTruongSo.title.hasPrefix("Xây dựng kế hoạch và lộ trình đưa hoạt động của các cơ quan"))
        #expect(moiTruongSo.title.hasSuffix("cá nhân hoá và dựa trên dữ liệu"))
        #expect(moiTruongSo.lead.rawValue == "vp")
        #expect(moiTruongSo.indicators == ["LT04", "LT12"])
    }

    @Test func deadlinesFollowTheStages() throws {
        let plan = try Self.load().plan
        for task in plan.tasks {
            let expected: Deadline
            if ["II.3.b.1", "III.1.1"].contains(task.code) {
                expected = .annually
            } else if task.code.hasPrefix("II.1.") {
                expected = .years(from: 2026, to: 2027)
            } else if task.code.hasPrefix("II.2.") {
                expected = .years(from: 2028, to: 2030)
            } else if task.code.hasPrefix("II.3.") {
                expected = .year(2030)
            } else {
                expected = .years(from: 2026, to: 2030)
            }
            #expect(task.deadline == expected, "\(task.code)")
        }
    }

    @Test func sampleIndicators() throws {
        let plan = try Self.load().plan

        let dvc = try RealPlan.indicator("LT04", in: plan)
        #expect(dvc.name == "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp")
        #expect(dvc.group == "a) Nâng cao tiềm lực khoa học, công nghệ và đổi mới sáng tạo")
        #expect(dvc.measure == .percent)
        #expect(dvc.targets.map(\.text) == ["trên 90%"])
        #expect(dvc.targets.first?.year == 2030)
        #expect(dvc.targets.first?.comparator == .above)
        #expect(dvc.targets.first?.value == 90)
        #expect(dvc.trackedBy.rawValue == "hcc")

        let doanhNghiep = try RealPlan.indicator("LT06", in: plan)
        #expect(doanhNghiep.targets.first?.text == "Trên 40%")
        #expect(doanhNghiep.targets.first?.comparator == .above)
        #expect(doanhNghiep.targets.first?.value == 40)
        #expect(doanhNghiep.trackedBy.rawValue == "kt")

        let hdi = try RealPlan.indicator("LT07", in: plan)
        #expect(hdi.name == "Chỉ số phát triển con người (HDI) của xã")
        #expect(hdi.measure == .index)
        #expect(hdi.targets.first?.text == "trên 0,7")
        #expect(hdi.targets.first?.comparator == .above)
        #expect(hdi.targets.first?.value == 0.7)

        let trinhDo = try RealPlan.indicator("LT01", in: plan)
        #expect(trinhDo.targets.map(\.text) == ["đạt mức khá trong toàn tỉnh"])
        #expect(trinhDo.targets.first?.comparator == .qualitative)
        #expect(trinhDo.trackedBy.rawValue == "vhxh")

        // "Từ năm 2028 trở đi": the same target each year from 2028.
        let capQuang = try RealPlan.indicator("LT10", in: plan)
        #expect(capQuang.targets.map(\.year) == [2028, 2029, 2030])
        #expect(capQuang.targets.allSatisfy { $0.text == "100%" && $0.comparator == .atLeast && $0.value == 100 })

        let tapHuan = try RealPlan.indicator("LT09", in: plan)
        #expect(tapHuan.measure == .count)
        #expect(tapHuan.targets.map(\.year) == [2026, 2027])
        #expect(tapHuan.targets.first?.text == "01 lớp/năm")
        #expect(tapHuan.targets.first?.comparator == .atLeast)
        #expect(tapHuan.targets.first?.value == 1)
    }

    @Test func reportingPlaceholderBeforeThe20th() throws {
        let plan = try Self.load().plan
        #expect(plan.reporting.rule.beforeDay == 20)
        let november = try #require(Period(year: 2026, month: 11))
        #expect(plan.reporting.rule.due(for: november) == Self.due("2026-11-19T17:00:00Z"))
    }

    @Test func textsAreTheSeedsOwn() throws {
        guard let seed = Repository.seed("003") else { return }
        let text = RealPlan.collapsed(seed)
        let plan = try Self.load().plan
        for task in plan.tasks {
            #expect(text.contains(RealPlan.collapsed(task.title)), "\(task.code): title not in the seed")
            if let group = task.group {
                #expect(text.contains(RealPlan.collapsed(group)), "\(task.code): group not in the seed")
            }
        }
        // The targets of II.3.a are named as the seed writes them (LT06 adds "Tỷ lệ").
        for id in ["LT01", "LT02", "LT03", "LT04", "LT05", "LT07"] {
            let indicator = try RealPlan.indicator(id, in: plan)
            #expect(text.contains(RealPlan.collapsed(indicator.name)), "\(id): name not in the seed")
        }
        // Unit names too, but for case: the seed writes "Đề nghị các đơn vị doanh nghiệp …".
        let lowered = text.lowercased()
        for unit in plan.units {
            #expect(lowered.contains(RealPlan.collapsed(unit.name).lowercased()), "\(unit.id.rawValue): name not in the seed")
        }
        for basis in plan.document.basedOn {
            #expect(text.contains(RealPlan.collapsed(basis)), "based_on not in the seed: \(basis)")
        }
    }
}
