import Foundation
import RoDomain
import Testing
@testable import RoWorkflows

@Suite("Indicator targets as the plans write them")
struct TargetTextTests {
    typealias C = Indicator.Comparator

    @Test(arguments: [
        ("≥ 60%", Indicator.Measure.percent, C.atLeast, 60.0, nil as Double?),
        (">60%", .percent, .above, 60, nil),
        ("100%", .percent, .atLeast, 100, nil),
        ("80-90%", .percent, .range, 80, 90),
        ("80–90%", .percent, .range, 80, 90),
        ("> 0,77", .index, .above, 0.77, nil),
        ("Top 50 của thành phố", .rank, .top, 50, nil),
        ("Phấn đấu top 50 của TP", .rank, .top, 50, nil),
        ("≤ 5", .count, .atMost, 5, nil),
        ("trên 90%", .percent, .above, 90, nil),
        ("tối thiểu 01", .count, .atLeast, 1, nil),
        ("≥ 01", .count, .atLeast, 1, nil),
        ("3", .rank, .atMost, 3, nil),
    ])
    func reads(text: String, measure: Indicator.Measure, comparator: C, value: Double, upper: Double?) {
        let target = TargetText.parse(text, year: 2026, measure: measure)
        #expect(target.comparator == comparator)
        #expect(target.value == value)
        #expect(target.upper == upper)
        #expect(target.text == text)
        #expect(target.year == 2026)
    }

    @Test func textWithNoNumberIsQualitative() {
        let target = TargetText.parse("Đạt mức cao của TP", year: 2030, measure: .rank)
        #expect(target.comparator == .qualitative)
        #expect(!target.isMet(by: 1))
    }

    @Test func targetsAreMetByValuesOnTheRightSide() {
        #expect(TargetText.parse("≥ 60%", year: 2026, measure: .percent).isMet(by: 60))
        #expect(!TargetText.parse(">60%", year: 2026, measure: .percent).isMet(by: 60))
        #expect(TargetText.parse("80-90%", year: 2026, measure: .percent).isMet(by: 85))
        #expect(!TargetText.parse("80-90%", year: 2026, measure: .percent).isMet(by: 91))
        #expect(TargetText.parse("Top 50", year: 2026, measure: .rank).isMet(by: 12))
        #expect(!TargetText.parse("Top 50", year: 2026, measure: .rank).isMet(by: 51))
    }

    @Test func progressIsJudgedForTheTimeOfYear() {
        let count = Indicator(
            id: "CT08", name: "Sáng kiến", measure: .count, unitLabel: "sáng kiến",
            targets: [TargetText.parse("≥ 4", year: 2026, measure: .count)], trackedBy: UnitID(unchecked: "vp"),
            output: nil, group: nil)
        let midYear = Timestamp.parse("2026-07-02T12:00:00+07:00")!
        #expect(IndicatorProgress.assess(count, latest: 4, year: 2026, at: midYear) == .met)
        #expect(IndicatorProgress.assess(count, latest: 2, year: 2026, at: midYear) == .onTrack)
        #expect(IndicatorProgress.assess(count, latest: 1, year: 2026, at: midYear) == .behind)
        #expect(IndicatorProgress.assess(count, latest: nil, year: 2026, at: midYear) == .behind)
        #expect(IndicatorProgress.assess(count, latest: 1, year: 2031, at: midYear) == .noTarget)
        var rate = count
        rate.measure = .percent
        rate.targets = [TargetText.parse("≥ 90%", year: 2026, measure: .percent)]
        #expect(IndicatorProgress.assess(rate, latest: 82, year: 2026, at: midYear) == .onTrack)
        #expect(IndicatorProgress.assess(rate, latest: 80, year: 2026, at: midYear) == .behind)
    }
}
