import Foundation

/// The lunar months between two winter solstices: from the first day of month
/// 11 near the end of Gregorian year `Y - 1` up to (not including) the first
/// day of month 11 near the end of `Y`. That span holds months 11 and 12 of
/// lunar year `Y - 1`, months 1 to 10 of lunar year `Y` (so Tết of `Y`), and
/// at most one leap month.
///
/// The rules are those of the Vietnamese calendar: month 11 is the month that
/// contains the winter solstice; a span of 13 months has a leap month, the
/// first one after month 11 in which the sun crosses no major solar term
/// (trung khí), and it takes the number of the month before it.
struct LunarYear {
    struct Month {
        /// The month's first day (JDN): the local day of its new moon.
        var start: Int
        /// The first day of the next month (JDN).
        var end: Int
        var number: Int
        var isLeap: Bool
        var lunarYear: Int
    }

    /// The months in order, 12 or 13 of them.
    let months: [Month]

    /// The span that ends at month 11 of Gregorian `year` (and holds Tết of `year`).
    init(endingIn year: Int, zone: Double) {
        let start = LunarAstronomy.month11(year - 1, zone: zone)
        let end = LunarAstronomy.month11(year, zone: zone)
        let k = LunarAstronomy.newMoonIndex(onDay: start)
        var starts = [start]
        while true {
            let next = LunarAstronomy.newMoonDay(k + starts.count, zone: zone)
            if next >= end { break }
            starts.append(next)
        }
        starts.append(end)
        let count = starts.count - 1
        var leap: Int?
        if count == 13 {
            // The first month that starts and ends in the same 30° sector of the
            // sun's longitude contains no major term.
            let sectors = starts.map { LunarAstronomy.sunSector($0, zone: zone) }
            leap = (1..<13).first { sectors[$0] == sectors[$0 + 1] } ?? 12
        }
        months = (0..<count).map { index in
            let shifted = leap.map { index >= $0 } ?? false
            let number = (index + (shifted ? 9 : 10)) % 12 + 1
            return Month(
                start: starts[index], end: starts[index + 1], number: number, isLeap: index == leap,
                lunarYear: number >= 11 && index < 4 ? year - 1 : year)
        }
    }

    /// The lunar year that a day (JDN) in Gregorian `year` falls in.
    static func containing(_ julianDay: Int, gregorianYear year: Int, zone: Double) -> LunarYear {
        let next = julianDay >= LunarAstronomy.month11(year, zone: zone)
        return LunarYear(endingIn: next ? year + 1 : year, zone: zone)
    }

    /// The month holding a day (JDN) of this span.
    func month(containing julianDay: Int) -> Month? {
        months.last { $0.start <= julianDay && julianDay < $0.end }
    }

    /// Month `number` of lunar year `lunarYear`, if this span holds it.
    func month(_ number: Int, isLeap: Bool, of lunarYear: Int) -> Month? {
        months.first { $0.number == number && $0.isLeap == isLeap && $0.lunarYear == lunarYear }
    }
}
