import Foundation
import Testing

@testable import RoDomain

@Suite("Periods, the reporting rule and commune time")
struct TimeTests {
    // MARK: Period

    @Test(arguments: [
        ("2026-11", 2026, 11), ("11/2026", 2026, 11), ("1/2027", 2027, 1), ("01/2027", 2027, 1),
        (" 2026-12 ", 2026, 12), ("2000-01", 2000, 1), ("2100-12", 2100, 12),
    ])
    func periodsAreRead(text: String, year: Int, month: Int) throws {
        let period = try Period.parse(text)
        #expect(period == Period(year: year, month: month))
    }

    @Test(arguments: [
        "", "2026", "2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "13/2026", "0/2026", "11/26",
        "2026/11", "tháng 11", "1999-12", "2101-01", "2026-1a", "11-2026", "2026-+1", "+1/2026", "2026- 1",
        "２０２６-11",
    ])
    func malformedPeriodsAreRefused(text: String) {
        #expect(throws: InputError.malformedPeriod(value: text)) { try Period.parse(text) }
    }

    @Test func aPeriodIsWrittenBothWays() {
        #expect(Fx.nov.description == "2026-11")
        #expect(Period(year: 2027, month: 1)!.description == "2027-01")
        #expect(Fx.nov.vietnamese == "11/2026")
    }

    @Test func periodsFollowOneAnother() {
        #expect(Fx.nov.next == Fx.dec)
        #expect(Fx.dec.next == Period(year: 2027, month: 1))
        #expect(Fx.oct < Fx.nov)
        #expect(Fx.dec < Period(year: 2027, month: 1)!)
        #expect(Period(year: 2026, month: 13) == nil)
        #expect(Period(year: 1999, month: 1) == nil)
    }

    @Test func aPeriodStartsAtMidnightOfItsFirstDayInTheCommune() {
        #expect(Fx.nov.start == Fx.t("2026-10-31T17:00:00Z"))
        #expect(Period.containing(Fx.t("2026-10-31T17:00:00Z")) == Fx.nov)
        #expect(Period.containing(Fx.t("2026-10-31T16:59:59.999Z")) == Fx.oct)
        #expect(Period.containing(Fx.t("2026-12-31T17:00:00Z")) == Period(year: 2027, month: 1))
    }

    @Test func aPeriodIsCodedAsItsTextAlsoAsADictionaryKey() throws {
        let data = try JSONEncoder().encode([Fx.nov: 1])
        #expect(String(decoding: data, as: UTF8.self) == #"{"2026-11":1}"#)
        #expect(try JSONDecoder().decode([Period: Int].self, from: data) == [Fx.nov: 1])
        #expect(try JSONDecoder().decode(Period.self, from: Data(#""11/2026""#.utf8)) == Fx.nov)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Period.self, from: Data(#""2026-13""#.utf8))
        }
    }

    // MARK: ReportingRule

    @Test func aReportIsDueBeforeThe20thBegins() {
        #expect(ReportingRule.standard.beforeDay == 20)
        #expect(ReportingRule.standard.due(for: Fx.nov) == Fx.t("2026-11-19T17:00:00Z"))
        #expect(ReportingRule.standard.due(for: Period(year: 2027, month: 2)!) == Fx.t("2027-02-20T00:00:00+07:00"))
        #expect(ReportingRule(beforeDay: 5).due(for: Fx.dec) == Fx.t("2026-12-04T17:00:00Z"))
    }

    // MARK: CommuneTime

    @Test func theCommuneIsSevenHoursAheadOfUTC() {
        #expect(CommuneTime.zone.secondsFromGMT(for: Fx.midNov) == 7 * 3600)
        #expect(CommuneTime.zone.secondsFromGMT(for: Fx.t("2026-06-15T00:00:00Z")) == 7 * 3600)
    }

    @Test func aDateReadAsADeadlineIsTheEndOfThatDay() throws {
        #expect(try CommuneTime.deadline(fromDate: "2026-12-31", field: "hạn") == Fx.t("2026-12-31T17:00:00Z"))
        #expect(try CommuneTime.deadline(fromDate: "2028-02-29", field: "hạn") == Fx.t("2028-02-29T17:00:00Z"))
        #expect(CommuneTime.dayOfDeadline(Fx.t("2026-12-31T17:00:00Z")) == "2026-12-31")
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-12-32", "2026-1-5", "26-01-05", "2026/12/31", "", "ngày mai",
        "2026-+1-05", "+026-01-05", "2026-01-+5", "2026-01- 5", "2026-12-31T00:00",
    ])
    func malformedDatesAreRefused(text: String) {
        #expect(throws: InputError.malformedDate(field: "hạn", value: text)) {
            try CommuneTime.deadline(fromDate: text, field: "hạn")
        }
    }

    @Test func localDaysAndMinutesAreCommuneTime() {
        #expect(CommuneTime.localDay(Fx.novDue) == "2026-11-20")
        #expect(CommuneTime.localDay(Fx.novDue.addingTimeInterval(-1)) == "2026-11-19")
        #expect(CommuneTime.localMinute(Fx.midNov) == "2026-11-10 10:00")
        #expect(CommuneTime.startOfDay(year: 2026, month: 2, day: 30) == nil)
        #expect(CommuneTime.startOfDay(year: 2026, month: 11, day: 20) == Fx.novDue)
    }

    @Test func theExtensionMessageNamesLocalDays() {
        let rejection = Rejection.extensionNotLater(requested: Fx.taskDue, current: Fx.laterDue)
        #expect(rejection.message == "hạn mới 2026-12-31 phải sau hạn hiện tại 2027-01-31")
    }

    /// The fixed UTC+7 answered without the zone agrees with the tz database
    /// from its start to the end of the years a local day can have, and
    /// earlier instants still ask the zone (Saigon kept UTC+8 before 1975).
    @Test func theCommuneOffsetIsTheZonesOwn() {
        var instant = CommuneTime.fixedSince.addingTimeInterval(-86_400 * 400)
        let end = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        while instant < end {
            #expect(CommuneTime.secondsFromUTC(at: instant) == CommuneTime.zone.secondsFromGMT(for: instant), "\(instant)")
            instant.addTimeInterval(86_400 * 17 + 3_600)
        }
        #expect(CommuneTime.secondsFromUTC(at: Date(timeIntervalSince1970: 0)) == 8 * 3600)
    }

    @Test func storedPeriodsReadAsTheParserReadsThem() throws {
        for text in ["2026-01", "2026-12", "2030-07"] {
            let decoded = try JSONDecoder().decode(Period.self, from: Data("\"\(text)\"".utf8))
            #expect(decoded == (try Period.parse(text)))
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Period.self, from: Data("\"2026-13\"".utf8)) }
    }
}
