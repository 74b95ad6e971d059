import Foundation

/// A measurable target of a plan (chỉ tiêu), with targets by year.
public struct Indicator: Hashable, Codable, Sendable {
    /// What is measured.
    public enum Measure: String, Codable, Sendable, CaseIterable {
        /// A rate in percent (Tỷ lệ … %).
        case percent
        /// A number of things (sáng kiến, mô hình, lớp …), counted over the year.
        case count
        /// A place in a ranking (Thứ bậc, "Top 50"); lower is better.
        case rank
        /// An index (Chỉ số CĐS 0,77 …).
        case index
    }

    /// How a value is compared with the target.
    public enum Comparator: String, Codable, Sendable, CaseIterable {
        case atLeast = ">="
        case above = ">"
        case atMost = "<="
        case below = "<"
        case equal = "="
        /// Between `value` and `upper`, both included ("80-90%").
        case range
        /// In the top `value` of a ranking: a rank at most `value` ("Top 50").
        case top
        /// A target in words ("Đạt mức cao của TP"): kept as written, never judged by a number.
        case qualitative
    }

    /// The target for one year.
    public struct Target: Hashable, Codable, Sendable {
        public var year: Int
        public var comparator: Comparator
        public var value: Double
        /// The upper bound of a range.
        public var upper: Double?
        /// The target as the plan writes it (">60%", "Top 50 của thành phố").
        public var text: String

        public init(year: Int, comparator: Comparator, value: Double, upper: Double? = nil, text: String) {
            self.year = year
            self.comparator = comparator
            self.value = value
            self.upper = upper
            self.text = text
        }

        /// Whether `actual` meets the target.
        public func isMet(by actual: Double) -> Bool {
            switch comparator {
            case .atLeast: actual >= value
            case .above: actual > value
            case .atMost, .top: actual <= value
            case .below: actual < value
            case .equal: abs(actual - value) < 1e-9
            case .range: actual >= value && actual <= (upper ?? value)
            case .qualitative: false
            }
        }
    }

    public var id: String
    public var name: String
    public var measure: Measure
    /// The unit the value is written in, as the plan writes it ("%", "sáng kiến", "mô hình").
    public var unitLabel: String?
    public var targets: [Target]
    /// The unit that tracks the indicator (đơn vị chủ trì theo dõi).
    public var trackedBy: UnitID
    public var output: String?
    /// The group heading the plan puts it under ("I. Hạ tầng số").
    public var group: String?

    public init(
        id: String, name: String, measure: Measure, unitLabel: String?, targets: [Target], trackedBy: UnitID,
        output: String?, group: String?
    ) {
        self.id = id
        self.name = name
        self.measure = measure
        self.unitLabel = unitLabel
        self.targets = targets
        self.trackedBy = trackedBy
        self.output = output
        self.group = group
    }

    /// The target in force for a year: that year's, or else the next later one.
    public func target(for year: Int) -> Target? {
        targets.first { $0.year == year } ?? targets.filter { $0.year > year }.min { $0.year < $1.year }
    }
}

/// Where an indicator stands against its target.
public enum IndicatorProgress: String, Codable, Sendable {
    case met
    /// Not met yet, but close enough for the time of year (see ``assess(_:latest:year:at:)``).
    case onTrack = "on_track"
    case behind
    /// No target for that year or later.
    case noTarget = "no_target"
    /// The target is in words: a person judges it.
    case qualitative

    public var vietnamese: String {
        switch self {
        case .met: "đạt"
        case .onTrack: "đúng tiến độ"
        case .behind: "chậm"
        case .noTarget: "không có chỉ tiêu"
        case .qualitative: "định tính"
        }
    }

    /// Met: the latest value meets the year's target. On track: a count has
    /// reached the share of its target that the elapsed part of the year asks
    /// for; a percent or index is within 10% of a lower bound; a rank within 10%
    /// above its upper bound. Behind: otherwise, or no value reported yet.
    public static func assess(_ indicator: Indicator, latest: Double?, year: Int, at now: Date) -> IndicatorProgress {
        guard let target = indicator.target(for: year) else { return .noTarget }
        guard target.comparator != .qualitative else { return .qualitative }
        guard let latest else { return .behind }
        if target.isMet(by: latest) { return .met }
        let start = Period(year: year, month: 1)!.start
        let end = Period(year: year + 1, month: 1)!.start
        let elapsed = max(0, min(1, now.timeIntervalSince(start) / end.timeIntervalSince(start)))
        switch (indicator.measure, target.comparator) {
        case (.count, .atLeast), (.count, .above):
            return latest >= target.value * elapsed ? .onTrack : .behind
        case (_, .atLeast), (_, .above), (_, .range), (_, .equal):
            return latest >= target.value * 0.9 ? .onTrack : .behind
        case (_, .atMost), (_, .below), (_, .top):
            return latest <= target.value * 1.1 ? .onTrack : .behind
        case (_, .qualitative):
            return .qualitative
        }
    }
}
