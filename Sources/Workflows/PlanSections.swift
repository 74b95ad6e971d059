import Foundation
import RoDomain

/// The sections of a plan file, read into a ``Plan`` and checked against each
/// other: every unit named exists, codes are unique, deadlines read, targets
/// fall inside the horizon.
struct PlanSections {
    typealias Value = PlanReader.Value
    let r: PlanReader

    init(_ reader: PlanReader) { r = reader }

    func plan(_ root: Value) -> Plan? {
        guard let f = r.fields(root, allowed: [
            "ro_plan", "id", "commune", "document", "horizon", "reporting", "reminders", "coordinator", "units",
            "tasks", "indicators",
        ]) else { return nil }
        if let version = r.required(f, "ro_plan", in: root), let number = r.int(version, in: 1...99),
            number != PlanFile.formatVersion
        {
            r.fail(version, "định dạng phiên bản \(number) không được hỗ trợ (cần \(PlanFile.formatVersion))")
        }
        let id = r.identifier(r.required(f, "id", in: root), as: PlanID.self)
        let commune = r.required(f, "commune", in: root).flatMap(commune)
        let document = r.required(f, "document", in: root).flatMap(document)
        let horizon = r.required(f, "horizon", in: root).flatMap(horizon)
        let reporting = r.required(f, "reporting", in: root).flatMap(reporting)
        let reminders = f["reminders"].map(self.reminders) ?? .standard
        let (units, known) = r.list(r.required(f, "units", in: root)).map(self.units) ?? ([], [:])
        let coordinator = r.required(f, "coordinator", in: root).flatMap { unitRef($0, known) }
        let indicatorValues = r.list(f["indicators"]) ?? []
        let indicators = indicatorValues.compactMap { indicator($0, known, horizon) }
        // Every id, also of an indicator with a fault elsewhere.
        let indicatorIDs = indicatorValues.compactMap { value -> (String, Value)? in
            value.node.mapping?["id"]?.scalar.map { ($0.string, value) }
        }
        checkUnique(indicatorIDs, "mã chỉ tiêu")
        let tasks = (r.list(r.required(f, "tasks", in: root)) ?? []).compactMap {
            task($0, known, Set(indicatorIDs.map(\.0)), horizon)
        }
        checkUnique(tasks.map { ($0.0.code, $0.1) }, "mã nhiệm vụ")
        guard let id, let commune, let document, let horizon, let reporting, let coordinator else { return nil }
        return Plan(
            id: id, commune: commune, document: document, horizon: horizon, reporting: reporting,
            reminders: reminders, coordinator: coordinator, units: units, tasks: tasks.map(\.0),
            indicators: indicators.map(\.0))
    }

    func commune(_ value: Value) -> Plan.Commune? {
        guard let f = r.fields(value, allowed: ["name", "province"]) else { return nil }
        guard let name = r.text(r.required(f, "name", in: value), limit: TextLimit.name) else { return nil }
        return Plan.Commune(name: name, province: r.text(f["province"], limit: TextLimit.name))
    }

    func document(_ value: Value) -> Plan.Document? {
        guard let f = r.fields(value, allowed: ["number", "date", "title", "based_on"]) else { return nil }
        let number = r.text(r.required(f, "number", in: value), limit: TextLimit.name)
        var date: String?
        if let field = r.required(f, "date", in: value), let text = r.scalar(field) {
            if (try? CommuneTime.deadline(fromDate: text, field: field.path)) != nil { date = text } else {
                r.fail(field, "ngày '\(text)' không đọc được (cần dạng YYYY-MM-DD)")
            }
        }
        let title = r.text(r.required(f, "title", in: value), limit: TextLimit.title)
        let basedOn = (r.list(f["based_on"]) ?? []).compactMap { r.text($0, limit: TextLimit.reason) }
        guard let number, let date, let title else { return nil }
        return Plan.Document(number: number, date: date, title: title, basedOn: basedOn)
    }

    func horizon(_ value: Value) -> Plan.Horizon? {
        guard let f = r.fields(value, allowed: ["from", "to"]),
            let from = r.int(r.required(f, "from", in: value), in: 2000...2100),
            let to = r.int(r.required(f, "to", in: value), in: 2000...2100)
        else { return nil }
        guard from <= to else {
            r.fail(value, "năm bắt đầu \(from) sau năm kết thúc \(to)")
            return nil
        }
        return Plan.Horizon(from: from, to: to)
    }

    func reporting(_ value: Value) -> Plan.Reporting? {
        guard let f = r.fields(value, allowed: ["text", "before_day"]),
            let text = r.text(r.required(f, "text", in: value), limit: TextLimit.name),
            let day = r.int(r.required(f, "before_day", in: value), in: 2...28)
        else { return nil }
        return Plan.Reporting(rule: ReportingRule(beforeDay: day), text: text)
    }

    func reminders(_ value: Value) -> Plan.Reminders {
        let standard = Plan.Reminders.standard
        let allowed = ["before_days", "after_days", "escalation", "deadline_on_holiday", "accept_within_days"]
        guard let f = r.fields(value, allowed: allowed) else { return standard }
        let before = days(f["before_days"], in: 0...60, "ngày nhắc trước hạn") ?? standard.before
        let after = days(f["after_days"], in: 1...60, "ngày nhắc quá hạn") ?? standard.after
        let ladder = r.list(f["escalation"])?.compactMap { r.oneOf($0, Plan.Reminders.Rung.self) } ?? standard.escalation
        if let list = f["escalation"] {
            if ladder.isEmpty { r.fail(list, "thang nhắc việc không được trống") }
            if Set(ladder).count != ladder.count { r.fail(list, "một bậc xuất hiện hai lần trong thang nhắc việc") }
        }
        // Each overdue notice climbs one rung above the first: a notice past the top has no one to go to.
        if after.count > ladder.count - 1, let at = f["after_days"] ?? f["escalation"] {
            r.fail(
                at, "có \(after.count) lần nhắc quá hạn nhưng thang nhắc việc chỉ có \(max(ladder.count - 1, 0)) bậc trên bậc đầu "
                    + "(mỗi lần nhắc quá hạn lên một bậc; thêm bậc vào escalation hoặc bớt after_days)")
        }
        let holiday = f["deadline_on_holiday"].flatMap { r.oneOf($0, Plan.Reminders.HolidayRule.self) }
        let accept = f["accept_within_days"].flatMap { r.int($0, in: 1...30) }
        return Plan.Reminders(
            before: before.sorted(by: >), after: after.sorted(), escalation: ladder,
            deadlineOnHoliday: holiday ?? standard.deadlineOnHoliday, acceptWithinDays: accept)
    }

    /// A list of day offsets: whole numbers in `range`, none twice.
    private func days(_ value: Value?, in range: ClosedRange<Int>, _ what: String) -> [Int]? {
        guard let items = r.list(value) else { return nil }
        var seen: Set<Int> = []
        return items.compactMap { item in
            guard let day = r.int(item, in: range) else { return nil }
            guard seen.insert(day).inserted else {
                r.fail(item, "\(what) \(day) lặp lại")
                return nil
            }
            return day
        }
    }

    /// Reports every value that stands more than once, at its second place.
    func checkUnique<Key: Hashable & CustomStringConvertible>(_ items: [(Key, Value)], _ what: String) {
        var seen: [Key: Value] = [:]
        for (key, value) in items {
            if let first = seen[key] {
                r.fail(value, "\(what) '\(key)' lặp lại (đã có ở dòng \(first.node.mark?.line ?? 0))")
            } else {
                seen[key] = value
            }
        }
    }

    func unitRef(_ value: Value, _ known: [UnitID: Value]) -> UnitID? {
        guard let id = r.identifier(value, as: UnitID.self) else { return nil }
        guard known[id] != nil else {
            r.fail(value, "không có đơn vị '\(id)' trong phần units")
            return nil
        }
        return id
    }
}
