import Foundation
import RoDomain
import Yams

/// The calendar file (`Workflows/calendar-vn.yaml`): the government's yearly
/// decisions on days off, which the operator writes down when they are
/// announced, read into ``CalendarAdjustments`` for ``WorkingCalendar``.
///
/// ```yaml
/// ro_calendar: 1
/// version: "2026.1"
/// days_off:
///   - date: 2026-08-31
///     reason: "Nghỉ Quốc khánh (hoán đổi, làm bù thứ Bảy 22/08/2026)"
/// working_days:
///   - date: 2026-08-22
///     reason: "Làm bù cho ngày 31/08/2026"
/// not_off: []
/// ```
///
/// Faults are reported as a plan file's are (``PlanFileError``), every one at
/// its place: unknown fields, a missing `version`, a date that cannot be read,
/// an empty reason, a day listed twice (also across the lists), a day off that
/// is already off (a Saturday, a Sunday, or a holiday or nghỉ bù of the default
/// rules), a working day that is not a Saturday or Sunday or is a holiday, and
/// a not-off day that the default rules do not make off.
public enum CalendarFile {
    /// The format version this binary reads (`ro_calendar: 1`).
    public static let formatVersion = 1

    /// Reads and validates a calendar file. Any fault refuses the whole file.
    public static func read(path: String) throws(PlanFileError) -> CalendarAdjustments {
        try parse(PlanFile.contents(path), file: path)
    }

    /// Parses and validates calendar text; `file` names it in messages.
    public static func parse(text: String, file: String) throws(PlanFileError) -> CalendarAdjustments {
        try parse(Data(text.utf8), file: file)
    }

    static func parse(_ data: Data, file: String) throws(PlanFileError) -> CalendarAdjustments {
        let here = PlanLocation(file: file, line: 1, column: 1, field: "(tệp)")
        let root = try PlanFile.root(of: data, file: file)
        let reader = PlanReader(file: file)
        let adjustments = CalendarSections(reader).adjustments(PlanReader.Value(node: root, path: ""))
        guard reader.issues.isEmpty, let adjustments else {
            throw PlanFileError(issues: reader.issues.isEmpty
                ? [PlanIssue(location: here, message: "lịch làm việc không hợp lệ")] : reader.issues)
        }
        return adjustments
    }
}
