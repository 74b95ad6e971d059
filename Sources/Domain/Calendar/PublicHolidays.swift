import Foundation

/// The public holidays of the Labour Code 2019 (Bộ luật Lao động 2019, art.
/// 112), as the default rules compute them for a year, before compensatory
/// rest and before the adjustments the government decides each year:
///
/// - Tết Dương lịch: 1 January;
/// - Tết Nguyên đán: five days, by default the last day of the old lunar year
///   and lunar 1/1 to 4/1 (as the government set them for 2026: 16–20/02/2026);
/// - Giỗ Tổ Hùng Vương: lunar 10/3;
/// - Ngày Chiến thắng: 30 April; Ngày Quốc tế Lao động: 1 May;
/// - Quốc khánh: 2 September and one adjacent day, by default 3 September when
///   2 September is a Monday or a Thursday (so the holiday joins a weekend),
///   otherwise 1 September.
enum PublicHolidays {
    /// Names the rules; part of ``WorkingCalendar/version``. Change it whenever
    /// the rules here change, so that a recorded version still names its rules.
    static let rules = "vn-ld2019"

    enum Reason {
        static let newYear = "Tết Dương lịch"
        static let tet = "Tết Nguyên đán"
        static let hungKings = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
        static let victory = "Ngày Chiến thắng (30/4)"
        static let labour = "Ngày Quốc tế Lao động (1/5)"
        static let nationalDay = "Quốc khánh (2/9)"
        static let nationalDayAdjacent = "Quốc khánh (ngày liền kề 2/9)"

        static func weekend(_ weekday: Int) -> String? {
            switch weekday {
            case 6: "Thứ Bảy"
            case 7: "Chủ nhật"
            default: nil
            }
        }

        /// The rest given for a holiday that fell on a weekend day.
        static func compensation(for holiday: LocalDay, _ reason: String) -> String {
            "Nghỉ bù \(reason) trùng \(weekend(holiday.weekday) ?? "ngày nghỉ") \(holiday.vietnamese)"
        }
    }

    /// The holidays of `year`, in date order, each with its reason. Two holidays
    /// on the same day (lunar 10/3 can fall on 30/4 or 1/5) are one day off,
    /// with both reasons.
    static func holidays(in year: Int) -> [(day: LocalDay, reason: String)] {
        let (tet, hungKings) = LunarCalendar.tetAndHungKings(year)
        let september2 = LocalDay(year: year, month: 9, day: 2)!
        let adjacent = september2.weekday == 1 || september2.weekday == 4 ? 1 : -1
        var list: [(LocalDay, String)] = [(LocalDay(year: year, month: 1, day: 1)!, Reason.newYear)]
        list += (-1...3).map { (tet.adding(days: $0), Reason.tet) }
        list += [
            (hungKings, Reason.hungKings),
            (LocalDay(year: year, month: 4, day: 30)!, Reason.victory),
            (LocalDay(year: year, month: 5, day: 1)!, Reason.labour),
            (september2, Reason.nationalDay),
            (september2.adding(days: adjacent), Reason.nationalDayAdjacent),
        ]
        var merged: [LocalDay: String] = [:]
        for (day, reason) in list {
            merged[day] = merged[day].map { "\($0); \(reason)" } ?? reason
        }
        return merged.sorted { $0.key < $1.key }.map { (day: $0.key, reason: $0.value) }
    }
}
