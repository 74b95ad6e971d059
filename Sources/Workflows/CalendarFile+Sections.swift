import Foundation
import RoDomain

/// The sections of a calendar file, read into ``CalendarAdjustments`` and
/// checked against the default rules of ``WorkingCalendar``, so that an entry
/// that would change nothing, or contradict itself, is pointed at.
struct CalendarSections {
    typealias Value = PlanReader.Value

    /// One entry of a list, with the places of the entry and of its date.
    struct Entry {
        var day: CalendarAdjustments.Day
        var value: Value
        var date: Value
    }

    let r: PlanReader

    init(_ reader: PlanReader) { r = reader }

    func adjustments(_ root: Value) -> CalendarAdjustments? {
        guard let f = r.fields(root, allowed: ["ro_calendar", "version", "days_off", "working_days", "not_off"]) else {
            return nil
        }
        if let format = r.required(f, "ro_calendar", in: root), let number = r.int(format, in: 1...99),
            number != CalendarFile.formatVersion
        {
            r.fail(format, "định dạng phiên bản \(number) không được hỗ trợ (cần \(CalendarFile.formatVersion))")
        }
        let version = r.required(f, "version", in: root).flatMap(version)
        let daysOff = (r.list(f["days_off"]) ?? []).compactMap(entry)
        let workingDays = (r.list(f["working_days"]) ?? []).compactMap(entry)
        let notOff = (r.list(f["not_off"]) ?? []).compactMap(entry)
        PlanSections(r).checkUnique((daysOff + workingDays + notOff).map { ($0.day.date, $0.value) }, "ngày")
        check(daysOff: daysOff, workingDays: workingDays, notOff: notOff)
        guard let version else { return nil }
        return CalendarAdjustments(
            version: version, daysOff: daysOff.map(\.day), workingDays: workingDays.map(\.day),
            notOff: notOff.map(\.day))
    }

    /// The file's version label: short, one line, without `/` (which separates
    /// the parts of ``WorkingCalendar/version``).
    func version(_ value: Value) -> String? {
        guard let text = r.text(value, limit: 50) else { return nil }
        guard !text.contains("/") else {
            r.fail(value, "phiên bản '\(text)' không được chứa dấu '/'")
            return nil
        }
        return text
    }

    func entry(_ value: Value) -> Entry? {
        guard let f = r.fields(value, allowed: ["date", "reason"]) else { return nil }
        var day: LocalDay?
        let date = r.required(f, "date", in: value)
        if let date, let text = r.scalar(date) {
            do { day = try LocalDay.parse(text, field: date.path) } catch { r.fail(date, error.message) }
        }
        let reason = r.text(r.required(f, "reason", in: value), limit: TextLimit.reason)
        guard let day, let date, let reason else { return nil }
        return Entry(day: .init(date: day, reason: reason), value: value, date: date)
    }

    /// Every entry must change something: a day off must be a working day by
    /// default, a working day a weekend day that is no holiday, a not-off day
    /// a holiday or nghỉ bù of the default rules.
    func check(daysOff: [Entry], workingDays: [Entry], notOff: [Entry]) {
        let standard = WorkingCalendar()
        // The not-off days apply first: a day off may take the place of a nghỉ bù they remove.
        let lessNotOff = WorkingCalendar(adjustments: CalendarAdjustments(
            version: "", daysOff: [], workingDays: [], notOff: notOff.map(\.day)))
        for entry in daysOff {
            let day = entry.day.date
            let named = "ngày \(day.vietnamese)"
            if day.isWeekend {
                r.fail(entry.date, "\(named) là \(Self.weekdayName(day)), vốn đã nghỉ: không ghi vào days_off")
            } else if let reason = lessNotOff.reasonOff(day) {
                r.fail(entry.date, "\(named) đã là ngày nghỉ theo luật (\(reason)): không ghi vào days_off")
            }
        }
        for entry in workingDays {
            let day = entry.day.date
            let named = "ngày \(day.vietnamese)"
            if !day.isWeekend {
                r.fail(entry.date,
                    "\(named) là \(Self.weekdayName(day)): working_days chỉ ghi thứ Bảy hoặc Chủ nhật đi làm bù")
            } else if let holiday = Self.holiday(day, in: lessNotOff) {
                r.fail(entry.date, "\(named) là ngày nghỉ lễ (\(holiday)), không thể là ngày làm bù")
            }
        }
        for entry in notOff where Self.holiday(entry.day.date, in: standard) == nil {
            r.fail(entry.date, "ngày \(entry.day.date.vietnamese) không phải ngày nghỉ lễ hay nghỉ bù theo luật: "
                + "not_off chỉ ghi những ngày đó")
        }
    }

    /// The reason a day is a holiday or nghỉ bù in `calendar` (not a plain weekend day).
    static func holiday(_ day: LocalDay, in calendar: WorkingCalendar) -> String? {
        calendar.daysOff(in: day.year).first { $0.day == day }?.reason
    }

    static func weekdayName(_ day: LocalDay) -> String {
        ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"][day.weekday - 1]
    }
}
