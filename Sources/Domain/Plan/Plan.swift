import Foundation

/// A plan (Kế hoạch) as the commune publishes it: the document, its units, the
/// reporting and reminder rules, its tasks and its indicators. Read from a plan
/// file (see Workflows/README.md); published and revised as events.
public struct Plan: Hashable, Codable, Sendable {
    public var id: PlanID
    public var commune: Commune
    public var document: Document
    /// The years the plan covers, inclusive: annual tasks have one deliverable each.
    public var horizon: Horizon
    public var reporting: Reporting
    public var reminders: Reminders
    /// The unit that follows up and consolidates (đầu mối).
    public var coordinator: UnitID
    public var units: [Unit]
    public var tasks: [Task]
    public var indicators: [Indicator]

    public init(
        id: PlanID, commune: Commune, document: Document, horizon: Horizon, reporting: Reporting,
        reminders: Reminders, coordinator: UnitID, units: [Unit], tasks: [Task], indicators: [Indicator]
    ) {
        self.id = id
        self.commune = commune
        self.document = document
        self.horizon = horizon
        self.reporting = reporting
        self.reminders = reminders
        self.coordinator = coordinator
        self.units = units
        self.tasks = tasks
        self.indicators = indicators
    }

    /// The task id of a plan task: `PLAN/CODE`, such as `nt-2026/III.1.2`.
    public func taskID(_ code: String) -> TaskID { TaskID(unchecked: "\(id)/\(code)") }

    public struct Commune: Hashable, Codable, Sendable {
        public var name: String
        public var province: String?
        public init(name: String, province: String?) {
            self.name = name
            self.province = province
        }
    }

    public struct Document: Hashable, Codable, Sendable {
        /// As published: "07/KH-UBND".
        public var number: String
        /// The day it was signed, `YYYY-MM-DD`.
        public var date: String
        public var title: String
        /// The documents it is based on (Căn cứ …).
        public var basedOn: [String]
        public init(number: String, date: String, title: String, basedOn: [String]) {
            self.number = number
            self.date = date
            self.title = title
            self.basedOn = basedOn
        }
    }

    public struct Horizon: Hashable, Codable, Sendable {
        public var from: Int
        public var to: Int
        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
        public var years: ClosedRange<Int> { from...to }
    }

    /// The monthly report rule, with its meaning stated as an instant.
    public struct Reporting: Hashable, Codable, Sendable {
        public var rule: ReportingRule
        /// As the plan writes it: "trước ngày 20 hằng tháng".
        public var text: String
        public init(rule: ReportingRule, text: String) {
            self.rule = rule
            self.text = text
        }
    }

    /// When reminders go out and whom an overdue item climbs to.
    public struct Reminders: Hashable, Codable, Sendable {
        /// Days before a deadline (0: the morning of the last day).
        public var before: [Int]
        /// Days after a deadline, each notice one rung higher on the ladder.
        public var after: [Int]
        public var escalation: [Rung]
        public var deadlineOnHoliday: HolidayRule
        /// Working days a lead unit has to accept a task (default 3); absent in plans published before it existed.
        public var acceptWithinDays: Int?

        /// Working days a lead unit has to accept a task.
        public var acceptanceDays: Int { acceptWithinDays ?? Self.defaultAcceptanceDays }
        public static let defaultAcceptanceDays = 3

        public enum Rung: String, Codable, Sendable, CaseIterable {
            case officers
            case unitHead = "unit_head"
            case coordinator
            case leaders
        }

        /// What happens to a deadline that falls on a non-working day.
        public enum HolidayRule: String, Codable, Sendable, CaseIterable {
            case unchanged
            case previousWorkingDay = "previous_working_day"
            case nextWorkingDay = "next_working_day"
        }

        /// Three notices before the deadline, then one overdue notice per rung
        /// above the officers: the unit head the next working day, the
        /// coordinator three working days late, the leaders after a week.
        public static let standard = Reminders(
            before: [5, 2, 0], after: [1, 3, 5], escalation: [.officers, .unitHead, .coordinator, .leaders],
            deadlineOnHoliday: .unchanged, acceptWithinDays: nil)

        public init(before: [Int], after: [Int], escalation: [Rung], deadlineOnHoliday: HolidayRule, acceptWithinDays: Int?) {
            self.before = before
            self.after = after
            self.escalation = escalation
            self.deadlineOnHoliday = deadlineOnHoliday
            self.acceptWithinDays = acceptWithinDays
        }
    }

    public struct Contact: Hashable, Codable, Sendable {
        public var name: String
        public var email: String?
        public var login: Login?
        public init(name: String, email: String?, login: Login?) {
            self.name = name
            self.email = email
            self.login = login
        }
    }

    public struct Unit: Hashable, Codable, Sendable {
        public var id: UnitID
        public var name: String
        public var kind: UnitKind
        public var emails: [String]
        public var head: Contact?
        public var officers: [Contact]
        public init(id: UnitID, name: String, kind: UnitKind, emails: [String], head: Contact?, officers: [Contact]) {
            self.id = id
            self.name = name
            self.kind = kind
            self.emails = emails
            self.head = head
            self.officers = officers
        }
    }

    public enum UnitKind: String, Codable, Sendable, CaseIterable {
        case office = "van_phong"
        case department = "phong"
        case center = "trung_tam"
        case station = "tram"
        case school = "truong"
        case police = "cong_an"
        case military = "quan_su"
        case mass = "doan_the"
        case hamlet = "ap"
        case team = "to"
        case other = "khac"
    }

    public struct Task: Hashable, Codable, Sendable {
        /// As the plan numbers it: "II.3", "III.1.2".
        public var code: String
        public var title: String
        public var lead: UnitID
        public var coUnits: [UnitID]
        public var deadlineText: String
        public var deadline: Deadline
        public var output: String?
        public var indicators: [String]
        /// The heading the task stands under in the plan.
        public var group: String?
        public init(
            code: String, title: String, lead: UnitID, coUnits: [UnitID], deadlineText: String, deadline: Deadline,
            output: String?, indicators: [String], group: String?
        ) {
            self.code = code
            self.title = title
            self.lead = lead
            self.coUnits = coUnits
            self.deadlineText = deadlineText
            self.deadline = deadline
            self.output = output
            self.indicators = indicators
            self.group = group
        }
    }
}

/// A plan's identifier, chosen in its file: `nt-2026`.
public struct PlanID: Identifier {
    public static let fieldName = "mã kế hoạch"
    public let rawValue: String
    public init(unchecked: String) { rawValue = unchecked }
}
