import Foundation

/// The astronomy the Vietnamese lunar calendar rests on, as Hồ Ngọc Đức's
/// well-known algorithm computes it (after Jean Meeus, "Astronomical
/// Algorithms"): the day of each new moon and the sun's longitude, both read
/// as local days in a time zone given in hours east of UTC (7 for Vietnam).
///
/// Days are Julian Day Numbers (see ``LocalDay``). Accurate over 1800–2199,
/// which covers every ``LocalDay``.
enum LunarAstronomy {
    /// The mean length of a synodic month, in days.
    static let synodicMonth = 29.530588853
    /// The Julian day of the new moon numbered 0 (1900-01-01, about 13:50 UTC).
    static let epoch = 2415021.076998695

    private static let radian = Double.pi / 180

    /// The local day (JDN) of the `k`-th new moon after the one of 1900-01-01.
    static func newMoonDay(_ k: Int, zone: Double) -> Int {
        let k = Double(k)
        let t = k / 1236.85  // Julian centuries since 1900-01-01 12:00
        let t2 = t * t
        let t3 = t2 * t
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * radian)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  // sun's mean anomaly
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  // moon's mean anomaly
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  // moon's argument of latitude
        var c1 = (0.1734 - 0.000393 * t) * sin(m * radian) + 0.0021 * sin(2 * radian * m)
        c1 = c1 - 0.4068 * sin(mpr * radian) + 0.0161 * sin(radian * 2 * mpr)
        c1 = c1 - 0.0004 * sin(radian * 3 * mpr)
        c1 = c1 + 0.0104 * sin(radian * 2 * f) - 0.0051 * sin(radian * (m + mpr))
        c1 = c1 - 0.0074 * sin(radian * (m - mpr)) + 0.0004 * sin(radian * (2 * f + m))
        c1 = c1 - 0.0004 * sin(radian * (2 * f - m)) - 0.0006 * sin(radian * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(radian * (2 * f - mpr)) + 0.0005 * sin(radian * (2 * mpr + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        let jdNew = jd1 + c1 - deltaT
        return int(jdNew + 0.5 + zone / 24)
    }

    /// Which 30° sector (0...11) the sun's apparent longitude is in at local
    /// midnight starting the day `julianDay`. Sector 0 starts at the spring
    /// equinox; each sector boundary is a major solar term (trung khí), and
    /// sector 9 starts at the winter solstice.
    static func sunSector(_ julianDay: Int, zone: Double) -> Int {
        let t = (Double(julianDay) - 2451545.5 - zone / 24) / 36525  // Julian centuries since J2000
        let t2 = t * t
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2  // mean anomaly
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2  // mean longitude
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(radian * m)
        dl += (0.019993 - 0.000101 * t) * sin(radian * 2 * m) + 0.000290 * sin(radian * 3 * m)
        var l = (l0 + dl) * radian
        l -= 2 * Double.pi * (l / (2 * Double.pi)).rounded(.down)
        return int(l / Double.pi * 6)
    }

    /// The first day (JDN) of lunar month 11 around the end of Gregorian `year`:
    /// the month that contains the winter solstice.
    static func month11(_ year: Int, zone: Double) -> Int {
        let offset = LocalDay.julianDay(year: year, month: 12, day: 31) - 2415021
        let k = int(Double(offset) / synodicMonth)
        let newMoon = newMoonDay(k, zone: zone)
        // A new moon after the solstice (sun past 270°) starts month 12: take the one before.
        return sunSector(newMoon, zone: zone) >= 9 ? newMoonDay(k - 1, zone: zone) : newMoon
    }

    /// The number of the new moon on the day `julianDay` (a month's first day).
    static func newMoonIndex(onDay julianDay: Int) -> Int {
        int((Double(julianDay) - epoch) / synodicMonth + 0.5)
    }

    /// The integer part, rounding down (also for negative values).
    private static func int(_ value: Double) -> Int { Int(value.rounded(.down)) }
}
