import Foundation
import RoDomain

extension PlanSections {
    /// The units, and the ids of all units, also of those with a fault
    /// elsewhere (so that one bad field does not make every mention of the unit a fault too).
    func units(_ values: [Value]) -> (units: [Plan.Unit], ids: [UnitID: Value]) {
        let ids = values.compactMap { value -> (UnitID, Value)? in
            guard let node = value.node.mapping?["id"], let text = node.scalar?.string,
                let id = try? UnitID.parse(text) else { return nil }
            return (id, value)
        }
        checkUnique(ids, "mã đơn vị")
        return (values.compactMap(unit), Dictionary(ids, uniquingKeysWith: { a, _ in a }))
    }

    func unit(_ value: Value) -> Plan.Unit? {
        guard let f = r.fields(value, allowed: ["id", "name", "kind", "emails", "head", "officers"]) else { return nil }
        let id = r.identifier(r.required(f, "id", in: value), as: UnitID.self)
        let name = r.text(r.required(f, "name", in: value), limit: TextLimit.name)
        let kind = r.oneOf(r.required(f, "kind", in: value), Plan.UnitKind.self)
        let emails = (r.list(f["emails"]) ?? []).compactMap(r.email)
        let head = f["head"].flatMap(contact)
        let officers = (r.list(f["officers"]) ?? []).compactMap(contact)
        let anyAddress = !emails.isEmpty || head?.email != nil || officers.contains { $0.email != nil }
        if !anyAddress, let name { r.warn(value, "đơn vị \(name) chưa có địa chỉ email nào: không gửi nhắc việc được") }
        guard let id, let name, let kind else { return nil }
        return Plan.Unit(id: id, name: name, kind: kind, emails: emails, head: head, officers: officers)
    }

    func contact(_ value: Value) -> Plan.Contact? {
        guard let f = r.fields(value, allowed: ["name", "email", "login"]) else { return nil }
        let name = r.text(r.required(f, "name", in: value), limit: TextLimit.name)
        let email = f["email"].flatMap(r.email)
        let login = f["login"].flatMap { r.identifier($0, as: Login.self) }
        return name.map { Plan.Contact(name: $0, email: email, login: login) }
    }

    func task(_ value: Value, _ units: [UnitID: Value], _ indicators: Set<String>, _ horizon: Plan.Horizon?) -> (Plan.Task, Value)? {
        guard let f = r.fields(value, allowed: ["code", "group", "title", "lead", "co", "deadline", "output", "indicators"])
        else { return nil }
        var code: String?
        if let field = r.required(f, "code", in: value), let text = r.scalar(field) {
            if (try? TaskID.parse(text)) != nil { code = text } else {
                r.fail(field, "mã nhiệm vụ '\(text)' không hợp lệ (chỉ dùng chữ không dấu, số và . - _)")
            }
        }
        let title = r.text(r.required(f, "title", in: value), limit: TextLimit.title)
        let lead = r.required(f, "lead", in: value).flatMap { unitRef($0, units) }
        let co = (r.list(f["co"]) ?? []).compactMap { field -> UnitID? in
            guard let id = unitRef(field, units) else { return nil }
            if id == lead { r.fail(field, "đơn vị '\(id)' đã là đơn vị chủ trì") }
            return id
        }
        let deadline = r.required(f, "deadline", in: value).flatMap { readDeadline($0, horizon) }
        let output = r.text(f["output"], limit: TextLimit.output)
        let served = (r.list(f["indicators"]) ?? []).compactMap { field -> String? in
            guard let id = r.scalar(field) else { return nil }
            guard indicators.contains(id) else {
                r.fail(field, "không có chỉ tiêu '\(id)' trong phần indicators")
                return nil
            }
            return id
        }
        let group = r.text(f["group"], limit: TextLimit.title)
        guard let code, let title, let lead, let deadline else { return nil }
        var unique: [UnitID] = []
        for unit in co where !unique.contains(unit) && unit != lead { unique.append(unit) }
        return (Plan.Task(
            code: code, title: title, lead: lead, coUnits: unique, deadlineText: deadline.text,
            deadline: deadline.deadline, output: output, indicators: served, group: group), value)
    }

    func readDeadline(_ value: Value, _ horizon: Plan.Horizon?) -> (text: String, deadline: Deadline)? {
        guard let text = r.text(value, limit: TextLimit.name) else { return nil }
        // A placeholder (already warned about by `text`) is loaded as ongoing:
        // monthly reports, no deliverable, until a revision gives a deadline.
        if Placeholder.isPlaceholder(text) { return (text, .ongoing) }
        do {
            let deadline = try DeadlineText.parse(text)
            if let horizon, let year = deadline.namedYears.first(where: { !horizon.years.contains($0) }) {
                r.fail(value, "thời hạn '\(text)' nêu năm \(year), ngoài thời kỳ kế hoạch \(horizon.from)–\(horizon.to)")
                return nil
            }
            return (text, deadline)
        } catch {
            r.fail(value, error.message)
            return nil
        }
    }

    func indicator(_ value: Value, _ units: [UnitID: Value], _ horizon: Plan.Horizon?) -> (Indicator, Value)? {
        guard let f = r.fields(value, allowed: ["id", "group", "name", "measure", "unit", "targets", "tracked_by", "output"])
        else { return nil }
        let id = r.text(r.required(f, "id", in: value), limit: 64)
        let name = r.text(r.required(f, "name", in: value), limit: TextLimit.title)
        let measure = r.oneOf(r.required(f, "measure", in: value), Indicator.Measure.self)
        let trackedBy = r.required(f, "tracked_by", in: value).flatMap { unitRef($0, units) }
        var targets: [Indicator.Target] = []
        if let field = r.required(f, "targets", in: value), let mapping = field.node.mapping {
            for (yearNode, targetNode) in mapping {
                let path = "\(field.path).\(yearNode.scalar?.string ?? "?")"
                guard let year = yearNode.scalar.flatMap({ Int($0.string) }), (2000...2100).contains(year) else {
                    r.fail(at: yearNode, path, "năm '\(yearNode.scalar?.string ?? "")' không hợp lệ")
                    continue
                }
                if let horizon, !horizon.years.contains(year) {
                    r.fail(at: yearNode, path, "chỉ tiêu cho năm \(year), ngoài thời kỳ kế hoạch \(horizon.from)–\(horizon.to)")
                    continue
                }
                guard let text = r.text(PlanReader.Value(node: targetNode, path: path), limit: TextLimit.name),
                    let measure
                else { continue }
                targets.append(TargetText.parse(text, year: year, measure: measure))
            }
            if mapping.count == 0 { r.fail(field, "cần ít nhất một chỉ tiêu theo năm") }
        } else if let field = f["targets"] {
            r.fail(field, "cần bảng năm: chỉ tiêu, ví dụ 2026: \"≥ 60%\"")
        }
        guard let id, let name, let measure, let trackedBy else { return nil }
        return (Indicator(
            id: id, name: name, measure: measure, unitLabel: r.text(f["unit"], limit: 50),
            targets: targets.sorted { $0.year < $1.year }, trackedBy: trackedBy,
            output: r.text(f["output"], limit: TextLimit.output), group: r.text(f["group"], limit: TextLimit.title)), value)
    }
}
