import Foundation

@testable import RoDomain

/// The commune of the tests: three units, one person of each role, and the
/// instants the scenarios happen at.
enum Fx {
    static let vhxh = UnitID(unchecked: "vhxh")
    static let yte = UnitID(unchecked: "yte")
    static let congan = UnitID(unchecked: "congan")
    /// A unit the directory does not know.
    static let ghost = UnitID(unchecked: "khong-co")
    static let units: Set<UnitID> = [vhxh, yte, congan]

    static let leader = Actor(login: Login(unchecked: "chu.tich"), role: .leader)
    static let coordinator = Actor(login: Login(unchecked: "dau.moi"), role: .coordinator)
    /// An officer of the lead unit (`vhxh`) of the tasks below.
    static let officer = Actor(login: Login(unchecked: "lan.vhxh"), role: .officer, unit: vhxh)
    /// An officer of another unit (`yte`).
    static let otherOfficer = Actor(login: Login(unchecked: "binh.yte"), role: .officer, unit: yte)
    static let auditor = Actor(login: Login(unchecked: "thanh.tra"), role: .auditor)
    static let admin = Actor(login: Login(unchecked: "quan.tri"), role: .admin)

    /// An instant written as ISO 8601.
    static func t(_ text: String) -> Date {
        guard let date = Timestamp.parse(text) else { preconditionFailure("bad instant \(text)") }
        return date
    }

    static let oct = Period(year: 2026, month: 10)!
    static let nov = Period(year: 2026, month: 11)!
    static let dec = Period(year: 2026, month: 12)!

    /// 09:00 on 5 November 2026, commune time.
    static let assignedAt = t("2026-11-05T02:00:00Z")
    /// The task's deadline: the end of 31 December 2026, commune time.
    static let taskDue = t("2026-12-31T17:00:00Z")
    /// A later deadline, asked for in extensions: the end of 31 January 2027.
    static let laterDue = t("2027-01-31T17:00:00Z")
    /// Later still: the end of 28 February 2027.
    static let muchLaterDue = t("2027-02-28T17:00:00Z")
    /// 10:00 on 10 November 2026, commune time: a working day well before any deadline.
    static let midNov = t("2026-11-10T03:00:00Z")
    /// The November report is due by 00:00 on 20 November, commune time.
    static let novDue = t("2026-11-19T17:00:00Z")
    /// Some days after that.
    static let lateNov = t("2026-11-25T03:00:00Z")
}

/// The rejections name the action in Vietnamese; the names, in one place.
enum Action {
    static let change = "thay đổi dữ liệu"
    static let assign = "giao nhiệm vụ"
    static let accept = "tiếp nhận nhiệm vụ"
    static let decline = "từ chối nhiệm vụ"
    static let reassign = "giao lại nhiệm vụ"
    static let report = "báo cáo"
    static let approve = "duyệt báo cáo"
    static let returnReport = "trả lại báo cáo"
    static let review = "xem xét báo cáo"
    static let requestExtension = "đề nghị gia hạn"
    static let grant = "gia hạn"
    static let deny = "từ chối gia hạn"
    static let reportCompletion = "báo cáo hoàn thành"
    static let confirm = "xác nhận hoàn thành"
    static let returnCompletion = "trả lại kết quả hoàn thành"
    static let cancel = "hủy nhiệm vụ"
}

/// Events as they would sit in a task's stream, with the defaults of the scenarios.
enum Past {
    static let title = "Tổ chức tập huấn kỹ năng số cho người dân"
    static let summary = "Đã tổ chức 2 lớp tập huấn, 85 người tham dự"

    static func assigned(
        lead: UnitID = Fx.vhxh, coUnits: [UnitID] = [], due: Date? = Fx.taskDue,
        output: String? = "Báo cáo kết quả tập huấn", by: Actor = Fx.leader, at: Date = Fx.assignedAt,
        reporting: ReportingRule? = nil
    ) -> TaskEvent {
        .assigned(.init(
            title: title, lead: lead, coUnits: coUnits, due: due, output: output, by: by.login, at: at, reporting: reporting))
    }

    static func accepted(by: Actor = Fx.officer, at: Date = Fx.assignedAt, note: String? = nil) -> TaskEvent {
        .accepted(.init(by: by.login, at: at, note: note))
    }

    static func declined(by: Actor = Fx.officer, at: Date = Fx.assignedAt, reason: String = "Không đúng chức năng") -> TaskEvent {
        .declined(.init(by: by.login, at: at, reason: reason))
    }

    static func reassigned(
        from: UnitID = Fx.vhxh, to: UnitID, by: Actor = Fx.leader, at: Date = Fx.midNov, reason: String? = nil
    ) -> TaskEvent {
        .reassigned(.init(from: from, to: to, by: by.login, at: at, reason: reason))
    }

    static func reported(
        _ period: Period = Fx.nov, revision: Int = 1, summary: String = summary, percentDone: Int? = nil,
        by: Actor = Fx.officer, at: Date = Fx.midNov, rule: ReportingRule = .standard
    ) -> TaskEvent {
        let due = rule.due(for: period)
        return .reportSubmitted(.init(
            period: period, revision: revision, summary: summary, percentDone: percentDone,
            indicators: [], output: nil, by: by.login, at: at, due: due, late: at >= due))
    }

    static func approved(
        _ period: Period = Fx.nov, revision: Int = 1, by: Actor = Fx.leader, at: Date = Fx.midNov, note: String? = nil
    ) -> TaskEvent {
        .reportApproved(.init(period: period, revision: revision, by: by.login, at: at, reason: note))
    }

    static func returned(
        _ period: Period = Fx.nov, revision: Int = 1, by: Actor = Fx.leader, at: Date = Fx.midNov,
        reason: String = "Thiếu số liệu"
    ) -> TaskEvent {
        .reportReturned(.init(period: period, revision: revision, by: by.login, at: at, reason: reason))
    }

    static func extensionRequested(
        due: Date = Fx.laterDue, reason: String = "Chờ kinh phí", by: Actor = Fx.officer, at: Date = Fx.midNov
    ) -> TaskEvent {
        .extensionRequested(.init(due: due, reason: reason, by: by.login, at: at))
    }

    static func extensionGranted(
        previousDue: Date = Fx.taskDue, due: Date = Fx.laterDue, by: Actor = Fx.leader, at: Date = Fx.midNov,
        note: String? = nil
    ) -> TaskEvent {
        .extensionGranted(.init(previousDue: previousDue, due: due, by: by.login, at: at, note: note))
    }

    static func extensionDenied(by: Actor = Fx.leader, at: Date = Fx.midNov, reason: String = "Không có căn cứ") -> TaskEvent {
        .extensionDenied(.init(by: by.login, at: at, reason: reason))
    }

    static func completionReported(
        output: String = "Báo cáo số 12/BC-VHXH", by: Actor = Fx.officer, at: Date = Fx.midNov, late: Bool = false
    ) -> TaskEvent {
        .completionReported(.init(output: output, by: by.login, at: at, late: late))
    }

    static func completionConfirmed(by: Actor = Fx.leader, at: Date = Fx.midNov, note: String? = nil) -> TaskEvent {
        .completionConfirmed(.init(by: by.login, at: at, note: note))
    }

    static func completionReturned(by: Actor = Fx.leader, at: Date = Fx.midNov, reason: String = "Chưa đủ sản phẩm") -> TaskEvent {
        .completionReturned(.init(by: by.login, at: at, reason: reason))
    }

    static func cancelled(by: Actor = Fx.leader, at: Date = Fx.midNov, reason: String = "Cấp trên thu hồi") -> TaskEvent {
        .cancelled(.init(by: by.login, at: at, reason: reason))
    }

    // MARK: Histories

    /// Assigned to `vhxh`, waiting to be accepted.
    static var assignedTask: [TaskEvent] { [assigned()] }
    /// Accepted by `vhxh`: work under way.
    static var acceptedTask: [TaskEvent] { [assigned(), accepted()] }
    /// The November report submitted, awaiting the leader.
    static var reportedTask: [TaskEvent] { acceptedTask + [reported()] }
    /// Completion reported, awaiting confirmation.
    static var completionReportedTask: [TaskEvent] { acceptedTask + [completionReported()] }
    static var completedTask: [TaskEvent] { completionReportedTask + [completionConfirmed()] }
    static var cancelledTask: [TaskEvent] { acceptedTask + [cancelled()] }
    static var declinedTask: [TaskEvent] { assignedTask + [declined()] }
}
