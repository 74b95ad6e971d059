import Foundation
import RoDomain
import Testing
import TestSupport
@testable import RoWorkflows

/// Workflows/nghi-duong-2025.yaml, Kế hoạch 07/KH-UBND of xã Nghi Dương, against its two seeds:
/// the plan with both indicator appendices (shared/seeds/004_…) and the per-unit assignment notice
/// (shared/seeds/000_…). It reads, it holds what the seeds hold, and nothing is paraphrased.
@Suite("Nghi Dương 2025: the plan file against its seeds")
struct NghiDuongPlanTests {
    static let path = Repository.path("Workflows/nghi-duong-2025.yaml")

    static func load() throws -> PlanFile { try RealPlan.load(path) }

    static func due(_ text: String) -> Date? { Timestamp.parse(text) }

    /// The tasks of seed 000 (per-unit assignments) and of seed 004 (section III).
    static func assigned(_ plan: Plan) -> [Plan.Task] { plan.tasks.filter { $0.code.hasPrefix("PC.") } }
    static func solutions(_ plan: Plan) -> [Plan.Task] { plan.tasks.filter { $0.code.hasPrefix("III.") } }

    @Test func readsWithoutFault() throws {
        let file = try Self.load()
        let plan = file.plan
        #expect(plan.id == PlanID(unchecked: "nd-2025"))
        #expect(plan.commune.name == "Xã Nghi Dương")
        #expect(plan.commune.province == "Thành phố Hải Phòng")
        #expect(plan.document.number == "07/KH-UBND")
        #expect(plan.document.date == "2025-07-14")
        #expect(plan.document.title.hasPrefix("Kế hoạch thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"))
        #expect(plan.document.title.hasSuffix("của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"))
        #expect(plan.document.basedOn.count == 4)
        #expect(plan.document.basedOn.first?.hasPrefix("Kế hoạch số 142/KH-UBND ngày 09/6/2025") == true)
        #expect(plan.document.basedOn.last?.hasPrefix("Kế hoạch hành động số 475-KH/TU ngày 22/5/2025") == true)
        // Phụ lục 2 sets targets to 2045.
        #expect(plan.horizon == Plan.Horizon(from: 2025, to: 2045))
        #expect(plan.horizon.years == 2025...2045)
        #expect(plan.coordinator.rawValue == "vhxh")
        // The seed gives no reporting day: a placeholder rule, warned about.
        #expect(Placeholder.isPlaceholder(plan.reporting.text))
        #expect(file.warnings.contains { $0.location.field == "reporting.text" })
        // No unit has an address in the seeds: every one is a placeholder, warned about.
        #expect(plan.units.allSatisfy { $0.emails.isEmpty })
        let emailWarnings = file.warnings.filter { $0.location.field.hasSuffix(".emails[1]") }
        #expect(emailWarnings.count == plan.units.count)
        #expect(emailWarnings.allSatisfy { $0.message.contains("CHƯA RÕ: kế hoạch không ghi email") })
    }

    @Test func countsAsInTheSeeds() throws {
        let plan = try Self.load().plan
        #expect(plan.units.count == 11)
        #expect(plan.tasks.count == 110)
        #expect(Set(plan.tasks.map(\.code)).count == plan.tasks.count)

        // 000: every bullet of the nine units (bullets 5–7 of unit 3 are indented in the seed;
        // unit 8's bullets 4 and 5 share one line; unit 9's last two paragraphs lost their dash).
        let assigned = Self.assigned(plan)
        #expect(assigned.count == 61)
        let perUnit = Dictionary(grouping: assigned) { String($0.code.split(separator: ".")[1]) }.mapValues(\.count)
        #expect(perUnit == ["1": 7, "2": 8, "3": 9, "4": 5, "5": 7, "6": 7, "7": 6, "8": 7, "9": 5])

        // 004 section III: every numbered sub-item (item 8 has none: one task).
        let solutions = Self.solutions(plan)
        #expect(solutions.count == 49)
        let perItem = Dictionary(grouping: solutions) { String($0.code.split(separator: ".")[1]) }.mapValues(\.count)
        #expect(perItem == ["1": 9, "2": 4, "3": 5, "4": 4, "5": 18, "6": 3, "7": 5, "8": 1])
        #expect(assigned.count + solutions.count == plan.tasks.count)

        // Phụ lục 1: 31 rows to 2030 (no TT 3; 7 and 18 are headings) and 3 to 2045. Phụ lục 2: 3 + 13 + 9.
        let p1 = plan.indicators.filter { $0.id.hasPrefix("P1-") }
        let p2 = plan.indicators.filter { $0.id.hasPrefix("P2-") }
        #expect(p1.map(\.id) == (1...34).map { String(format: "P1-%02d", $0) })
        #expect(p2.map(\.id) == (1...25).map { String(format: "P2-%02d", $0) })
        #expect(plan.indicators.count == 59)
    }

    @Test func theUnitsTheSeedsName() throws {
        let plan = try Self.load().plan
        let names = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.id.rawValue, $0.name) })
        #expect(names == [
            "vp": "Văn phòng HĐND và UBND xã",
            "hcc": "Trung tâm phục vụ Hành chính công",
            "vhxh": "Phòng Văn hóa – Xã hội",
            "ca": "Công an xã",
            "kt": "Phòng Kinh tế",
            "tyt": "Trạm Y tế xã",
            "truong": "Các trường học trên địa bàn xã",
            "mttq": "UB MTTQ và các đoàn thể chính trị",
            "thon": "Các thôn dân cư",
            "nh": "Các Ngân hàng",
            "cqdv": "Các cơ quan, đơn vị",
        ])
        let kinds = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.id.rawValue, $0.kind) })
        let expectedKinds: [String: Plan.UnitKind] = [
            "vp": .office, "hcc": .center, "vhxh": .department, "ca": .police, "kt": .department,
            "tyt": .station, "truong": .school, "mttq": .mass, "thon": .hamlet, "nh": .other, "cqdv": .other,
        ]
        #expect(kinds == expectedKinds)
        // Each of the nine headings of 000 leads exactly its own bullets.
        let leads = Dictionary(grouping: Self.assigned(plan)) { String($0.code.split(separator: ".")[1]) }
            .mapValues { Set($0.map(\.lead.rawValue)) }
        let expectedLeads: [String: Set<String>] = [
            "1": ["vp"], "2": ["hcc"], "3": ["vhxh"], "4": ["ca"], "5": ["kt"],
            "6": ["tyt"], "7": ["truong"], "8": ["mttq"], "9": ["thon"],
        ]
        #expect(leads == expectedLeads)
        // Section III of 004 names no unit: the coordinator leads, with no co-unit.
        #expect(Self.solutions(plan).allSatisfy { $0.lead.rawValue == "vhxh" && $0.coUnits.isEmpty })
    }

    @Test func sampleTasks() throws {
        let plan = try Self.load().plan
        let years = plan.horizon.years

        // The coordinator's tracking of the indicators serves every one of them.
        let theoDoi = try RealPlan.task("PC.3.3", in: plan)
        #expect(theoDoi.group == "3. Phòng Văn hóa – Xã hội")
        #expect(theoDoi.lead.rawValue == "vhxh")
        #expect(theoDoi.title.hasPrefix("Theo dõi, cập nhật, tổng hợp các chỉ tiêu chuyển đổi số"))
        #expect(theoDoi.deadlineText == "Thường xuyên")
        #expect(theoDoi.deadline == .ongoing)
        #expect(theoDoi.deadline.deliverables(horizon: years).isEmpty)
        #expect(Set(theoDoi.indicators) == Set(plan.indicators.map(\.id)))

        // VNeID, the police's.
        let vneid = try RealPlan.task("PC.4.3", in: plan)
        #expect(vneid.group == "4. Công an xã")
        #expect(vneid.lead.rawValue == "ca")
        #expect(vneid.title.hasPrefix("Tham gia tuyên truyền, hướng dẫn người dân sử dụng công nghệ phục vụ quản lý"))
        #expect(vneid.title.contains("cài đặt và sử dụng ứng dụng VNeID"))
        #expect(vneid.indicators.contains("P2-25"))

        // "định kỳ": annually, one deliverable each year of the horizon.
        let danhGia = try RealPlan.task("PC.2.5", in: plan)
        #expect(danhGia.lead.rawValue == "hcc")
        #expect(danhGia.title.hasPrefix("Tham gia đào tạo, bồi dưỡng kỹ năng số, kỹ năng vận hành nền tảng dịch vụ công"))
        #expect(danhGia.deadline == .annually)
        let annual = danhGia.deadline.deliverables(horizon: years)
        #expect(annual.map(\.key) == (2025...2045).map { String($0) })
        #expect(annual.first?.due == Self.due("2025-12-31T17:00:00Z"))
        #expect(annual.last?.due == Self.due("2045-12-31T17:00:00Z"))

        // Co-units where a bullet names them: Tư pháp – Hộ tịch (in the office) and the police.
        let deAn06 = try RealPlan.task("PC.2.2", in: plan)
        #expect(deAn06.lead.rawValue == "hcc")
        #expect(deAn06.coUnits.map(\.rawValue) == ["vp", "ca"])
        #expect(deAn06.title.hasPrefix("Phối hợp với bộ phận Tư pháp – Hộ tịch và Công an xã triển khai hiệu quả Đề án 06/CP"))

        // Two bullets run together on one line in the seed, split.
        let tuyenTruyen = try RealPlan.task("PC.8.4", in: plan)
        let gopY = try RealPlan.task("PC.8.5", in: plan)
        #expect(tuyenTruyen.lead.rawValue == "mttq")
        #expect(tuyenTruyen.title.hasSuffix("giáo dục, nông nghiệp;"))
        #expect(gopY.group == "8. Đề nghị UB MTTQ và các đoàn thể chính trị")
        #expect(gopY.title == "Tham gia góp ý, phản biện đối với các kế hoạch, đề án, dự án KH&CN, chuyển đổi số của UBND xã, các đơn vị trực thuộc;")

        // The one bullet over 500 characters, cut before its last sentence.
        let traiNghiem = try RealPlan.task("PC.7.3", in: plan)
        #expect(traiNghiem.lead.rawValue == "truong")
        #expect(traiNghiem.title.count <= TextLimit.title)
        #expect(traiNghiem.title.hasPrefix("Tổ chức các hoạt động trải nghiệm, nghiên cứu khoa học và sáng tạo trong học sinh"))
        #expect(traiNghiem.title.hasSuffix("gắn với đời sống, học tập và môi trường địa phương."))

        // "theo hướng dẫn của ngành cấp trên": waits for the superior's instruction.
        let nghienCuu = try RealPlan.task("PC.6.6", in: plan)
        #expect(nghienCuu.lead.rawValue == "tyt")
        #expect(nghienCuu.deadline == .onInstruction)

        // 004: no time given, a placeholder, loaded as ongoing.
        let chungThu = try RealPlan.task("III.3.2", in: plan)
        #expect(chungThu.group == "3. Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số")
        #expect(chungThu.title == "Triển khai cấp chứng thư số đến 100% cán bộ, công chức của xã.")
        #expect(chungThu.lead.rawValue == "vhxh")
        #expect(Placeholder.isPlaceholder(chungThu.deadlineText))
        #expect(chungThu.deadline == .ongoing)

        let trienLam = try RealPlan.task("III.7.5", in: plan)
        #expect(trienLam.title.hasPrefix("Thường xuyên tổ chức các hoạt động triển lãm, diễn đàn"))
        #expect(trienLam.deadline == .ongoing)
        #expect(trienLam.deadlineText == "Thường xuyên")

        let xepLoai = try RealPlan.task("III.1.3", in: plan)
        #expect(xepLoai.title.hasSuffix("trong việc đánh giá, xếp loại hàng năm."))
        #expect(xepLoai.deadline == .annually)

        let fiveG = try RealPlan.task("III.5.12", in: plan)
        #expect(fiveG.title == "Phát triển hạ tầng số: Thiết lập hạ tầng viễn thông di động mặt đất công nghệ 5G.")
        #expect(fiveG.indicators == ["P1-20", "P2-01"])

        // Item 8 has no sub-items; one sentence of 860 characters, cut at its first ";".
        let ketLuan = try RealPlan.task("III.8", in: plan)
        #expect(ketLuan.title.count <= TextLimit.title)
        #expect(ketLuan.title.hasPrefix("Tiếp tục thực hiện các nhiệm vụ, giải pháp tại Kết luận số 312-KL/TU ngày 15/02/2024"))
        #expect(ketLuan.title.hasSuffix("thành phố Hải Phòng đến năm 2020, tầm nhìn đến năm 2030"))
    }

    @Test func deadlinesAsTheSeedsWriteThem() throws {
        let file = try Self.load()
        for task in file.plan.tasks {
            switch task.code {
            case "PC.2.5", "III.1.3": #expect(task.deadline == .annually, "\(task.code)")
            case "PC.6.6": #expect(task.deadline == .onInstruction, "\(task.code)")
            case "III.7.5": #expect(task.deadlineText == "Thường xuyên", "\(task.code)")
            default:
                #expect(task.deadline == .ongoing, "\(task.code)")
                if task.code.hasPrefix("PC.") {
                    #expect(task.deadlineText == "Thường xuyên", "\(task.code)")
                } else {
                    #expect(task.deadlineText == "CHƯA RÕ: kế hoạch không nêu thời hạn", "\(task.code)")
                }
            }
        }
        // One warning for each placeholder deadline: the 47 sub-items of III with no time.
        #expect(file.warnings.filter { $0.location.field.hasSuffix(".deadline") }.count == 47)
    }

    @Test func sampleIndicators() throws {
        let plan = try Self.load().plan

        // A Top-50 rank, to 2030.
        let tiemLuc = try RealPlan.indicator("P1-01", in: plan)
        #expect(tiemLuc.name == "Tiềm lực, trình độ KHCN và ĐMST")
        #expect(tiemLuc.group == "I. Đến năm 2030")
        #expect(tiemLuc.measure == .rank)
        #expect(tiemLuc.unitLabel == "Thứ bậc")
        #expect(tiemLuc.targets.map(\.text) == ["Top 50 của thành phố về phát triển KHCN và ĐMST"])
        #expect(tiemLuc.targets.first?.year == 2030)
        #expect(tiemLuc.targets.first?.comparator == .top)
        #expect(tiemLuc.targets.first?.value == 50)
        #expect(tiemLuc.trackedBy.rawValue == "vhxh")
        #expect(tiemLuc.output == nil)

        // Qualitative.
        let doanhNghiep = try RealPlan.indicator("P1-02", in: plan)
        #expect(doanhNghiep.targets.map(\.text) == ["Đạt mức cao của TP"])
        #expect(doanhNghiep.targets.first?.comparator == .qualitative)

        // An index with a decimal comma, with five yearly targets.
        let cds = try RealPlan.indicator("P2-17", in: plan)
        #expect(cds.name == "Chỉ số CĐS xã")
        #expect(cds.group == "III. Phát triển CĐS")
        #expect(cds.measure == .index)
        #expect(cds.targets.map(\.year) == [2025, 2030, 2035, 2040, 2045])
        #expect(cds.targets.map(\.text) == ["> 0,77", "> 0,8", "> 0,85", "> 0,92", "đạt 1,0"])
        #expect(cds.targets.first?.comparator == .above)
        #expect(cds.targets.first?.value == 0.77)
        #expect(cds.targets.last?.comparator == .atLeast)
        #expect(cds.targets.last?.value == 1.0)
        #expect(cds.trackedBy.rawValue == "vhxh")
        #expect(cds.output == "Bộ số liệu báo cáo")

        // A range, and "-" years left out.
        let dichVuSo = try RealPlan.indicator("P2-09", in: plan)
        #expect(dichVuSo.name.hasPrefix("Tỷ lệ dân số trưởng thành thường xuyên sử dụng dịch vụ số"))
        #expect(dichVuSo.targets.map(\.year) == [2040, 2045])
        #expect(dichVuSo.targets.first?.text == "80-90%")
        #expect(dichVuSo.targets.first?.comparator == .range)
        #expect(dichVuSo.targets.first?.value == 80)
        #expect(dichVuSo.targets.first?.upper == 90)
        #expect(dichVuSo.targets.last?.text == "> 90%")

        // Five percent targets, as written (no space after ">").
        let fiveG = try RealPlan.indicator("P2-01", in: plan)
        #expect(fiveG.group == "I. Phát triển hạ tầng")
        #expect(fiveG.unitLabel == "%")
        #expect(fiveG.targets.map(\.text) == [">60%", "100%", "100%", "100%", "100%"])
        #expect(fiveG.targets.first?.comparator == .above)
        #expect(fiveG.targets.first?.value == 60)
        #expect(fiveG.targets.last?.comparator == .atLeast)

        let sixG = try RealPlan.indicator("P2-03", in: plan)
        #expect(sixG.targets.map(\.year) == [2035, 2040, 2045])

        // Words around the number: "phấn đấu ít nhất", "Phấn đấu đạt".
        let chiNganSach = try RealPlan.indicator("P2-04", in: plan)
        #expect(chiNganSach.trackedBy.rawValue == "kt")
        #expect(chiNganSach.targets.first?.text == "phấn đấu ít nhất 3%")
        #expect(chiNganSach.targets.first?.comparator == .atLeast)
        #expect(chiNganSach.targets.first?.value == 3)
        #expect(chiNganSach.targets.last?.value == 3.5)
        let nganSach = try RealPlan.indicator("P1-17", in: plan)
        #expect(nganSach.unitLabel == "% tổng chi NSNN")
        #expect(nganSach.targets.first?.comparator == .atLeast)
        #expect(nganSach.targets.first?.value == 3)

        // Phụ lục 1, II: to 2045.
        let cdsGiaoDuc = try RealPlan.indicator("P1-32", in: plan)
        #expect(cdsGiaoDuc.group == "II. Đến năm 2045")
        #expect(cdsGiaoDuc.targets.map(\.year) == [2045])

        // Trackers as the appendices name them.
        let trackers = Dictionary(uniqueKeysWithValues: plan.indicators.map { ($0.id, $0.trackedBy.rawValue) })
        #expect(trackers["P1-11"] == "vp")
        #expect(trackers["P1-14"] == "nh")
        #expect(trackers["P2-05"] == "cqdv")
        #expect(trackers["P2-18"] == "hcc")
        #expect(trackers["P2-24"] == "ca")
        #expect(trackers["P2-25"] == "ca")

        // Phụ lục 2 gives every row an output; Phụ lục 1 has no such column.
        #expect(plan.indicators.filter { $0.id.hasPrefix("P2-") }.allSatisfy { $0.output == "Bộ số liệu báo cáo" })
        #expect(plan.indicators.filter { $0.id.hasPrefix("P1-") }.allSatisfy { $0.output == nil })
    }

    @Test func reportingPlaceholderBeforeThe20th() throws {
        let plan = try Self.load().plan
        #expect(plan.reporting.rule.beforeDay == 20)
        let november = try #require(Period(year: 2025, month: 11))
        #expect(plan.reporting.rule.due(for: november) == Self.due("2025-11-19T17:00:00Z"))
    }

    @Test func textsAreTheSeedsOwn() throws {
        let plan = try Self.load().plan
        let notice = Repository.seed("000").map(RealPlan.collapsed)
        let kehoach = Repository.seed("004").map(RealPlan.collapsed)
        if let notice {
            for task in Self.assigned(plan) {
                #expect(notice.contains(RealPlan.collapsed(task.title)), "\(task.code): title not in seed 000")
                if let group = task.group {
                    #expect(notice.contains(RealPlan.collapsed(group)), "\(task.code): group not in seed 000")
                }
            }
        }
        if let kehoach {
            for task in Self.solutions(plan) {
                #expect(kehoach.contains(RealPlan.collapsed(task.title)), "\(task.code): title not in seed 004")
                if let group = task.group {
                    #expect(kehoach.contains(RealPlan.collapsed(group)), "\(task.code): group not in seed 004")
                }
            }
            for indicator in plan.indicators {
                #expect(kehoach.contains(RealPlan.collapsed(indicator.name)), "\(indicator.id): name not in seed 004")
                for target in indicator.targets {
                    #expect(kehoach.contains(RealPlan.collapsed(target.text)), "\(indicator.id) \(target.year): target not in seed 004")
                }
            }
            for basis in plan.document.basedOn {
                #expect(kehoach.contains(RealPlan.collapsed(basis)), "based_on not in seed 004: \(basis)")
            }
            // The title is the seed's heading "KẾ HOẠCH" followed by the line below it ("Thực hiện …").
            let title = RealPlan.collapsed(plan.document.title)
            #expect(title.hasPrefix("Kế hoạch thực hiện "))
            #expect(kehoach.contains("Thực hiện " + String(title.dropFirst("Kế hoạch thực hiện ".count))))
        }
        // Unit names, but for case ("Phòng kinh tế" in 000), in one seed or the other.
        let both = ((notice ?? "") + " " + (kehoach ?? "")).lowercased()
        if notice != nil, kehoach != nil {
            for unit in plan.units {
                #expect(both.contains(RealPlan.collapsed(unit.name).lowercased()), "\(unit.id.rawValue): name not in the seeds")
            }
        }
    }
}
