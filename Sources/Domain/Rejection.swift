import Foundation

/// Why a command was refused. Every case reads as one line in Vietnamese.
public enum Rejection: Error, Equatable, Sendable {
    /// The actor's role does not allow the action (`action` in Vietnamese).
    case notPermitted(action: String, role: Role)
    /// Only an officer of the task's lead unit may do this.
    case notLeadUnitOfficer(action: String, lead: UnitID)
    case unknownTask(TaskID)
    case unknownUnit(UnitID)
    case unknownUser(Login)
    case taskAlreadyAssigned
    case unitExists(UnitID)
    case userExists(Login)
    case storeAlreadyInitialized
    case officerNeedsUnit
    case unitOnlyForOfficers
    case coUnitIsLead(UnitID)
    case sameLeadUnit(UnitID)
    /// The task's status does not allow the action.
    case wrongStatus(action: String, status: TaskStatus)
    case periodInFuture(Period)
    case periodBeforeAssignment(Period, assigned: Period)
    case noReport(Period)
    case reportAwaitingDecision(Period)
    case reportAlreadyApproved(Period)
    case reportReturned(Period)
    case staleReport(Period, expected: Int, actual: Int)
    case noDeadline
    case extensionNotLater(requested: Date, current: Date)
    case extensionPending
    case noPendingExtension
    case documentAlreadyRecorded(String)
    case taskRemovedEarlier(String)
    case indicatorNotServed(String, served: [String])
    case unknownIndicator(String)
    case notTrackingUnitOfficer(indicator: String, unit: UnitID)
    case unknownPlan(String)
    /// The user was deactivated and may no longer act.
    case userDeactivated(Login)
    /// An administrator cannot lock themself out.
    case cannotDeactivateSelf

    public var message: String {
        switch self {
        case .notPermitted(let action, let role):
            "vai trò \(role.vietnamese) không được \(action)"
        case .notLeadUnitOfficer(let action, let lead):
            "chỉ cán bộ của đơn vị chủ trì \(lead) mới được \(action)"
        case .unknownTask(let id): "không có nhiệm vụ '\(id)'"
        case .unknownUnit(let id): "không có đơn vị '\(id)'"
        case .unknownUser(let login): "không có người dùng '\(login)'"
        case .taskAlreadyAssigned: "nhiệm vụ này đã được giao với nội dung khác"
        case .unitExists(let id): "đơn vị '\(id)' đã có"
        case .userExists(let login): "người dùng '\(login)' đã có"
        case .storeAlreadyInitialized: "kho dữ liệu đã được khởi tạo"
        case .officerNeedsUnit: "cán bộ đơn vị phải thuộc một đơn vị (--unit)"
        case .unitOnlyForOfficers: "chỉ cán bộ đơn vị mới gắn với một đơn vị"
        case .coUnitIsLead(let id): "đơn vị '\(id)' đã là đơn vị chủ trì, không thể đồng thời là đơn vị phối hợp"
        case .sameLeadUnit(let id): "nhiệm vụ đã do đơn vị '\(id)' chủ trì"
        case .wrongStatus(let action, let status):
            "không thể \(action): nhiệm vụ đang ở trạng thái \(status.vietnamese)"
        case .periodInFuture(let period): "kỳ \(period) chưa bắt đầu"
        case .periodBeforeAssignment(let period, let assigned):
            "kỳ \(period) trước tháng giao nhiệm vụ (\(assigned))"
        case .noReport(let period): "chưa có báo cáo kỳ \(period)"
        case .reportAwaitingDecision(let period): "báo cáo kỳ \(period) đang chờ lãnh đạo xem xét"
        case .reportAlreadyApproved(let period): "báo cáo kỳ \(period) đã được duyệt"
        case .reportReturned(let period): "báo cáo kỳ \(period) đã bị trả lại, đang chờ đơn vị báo cáo lại"
        case .staleReport(let period, let expected, let actual):
            "báo cáo kỳ \(period) đã thay đổi (đang xem lần \(expected), hiện là lần \(actual))"
        case .noDeadline: "nhiệm vụ không có thời hạn để gia hạn"
        case .extensionNotLater(let requested, let current):
            "hạn mới \(CommuneTime.dayOfDeadline(requested)) phải sau hạn hiện tại \(CommuneTime.dayOfDeadline(current))"
        case .extensionPending: "đã có một đề nghị gia hạn đang chờ xem xét"
        case .noPendingExtension: "không có đề nghị gia hạn nào đang chờ xem xét"
        case .unknownIndicator(let id): "không có chỉ tiêu '\(id)'"
        case .notTrackingUnitOfficer(let indicator, let unit):
            "chỉ cán bộ của đơn vị theo dõi \(unit) (hoặc đầu mối, lãnh đạo) mới được ghi giá trị chỉ tiêu \(indicator)"
        case .unknownPlan(let id): "không có kế hoạch '\(id)'"
        case .userDeactivated(let login): "tài khoản '\(login)' đã bị khóa"
        case .cannotDeactivateSelf: "không thể tự khóa tài khoản của chính mình"
        case .indicatorNotServed(let id, let served):
            "nhiệm vụ không phục vụ chỉ tiêu \(id)" + (served.isEmpty ? "" : " (chỉ tiêu của nhiệm vụ: \(served.joined(separator: ", ")))")
        case .taskRemovedEarlier(let code):
            "nhiệm vụ \(code) đã bị bỏ khỏi kế hoạch ở lần sửa đổi trước; hãy dùng mã mới"
        case .documentAlreadyRecorded(let document): "văn bản '\(document)' đã được ghi nhận với thời hạn khác"
        }
    }

    /// Whether the rejection is about something that does not exist.
    public var isNotFound: Bool {
        switch self {
        case .unknownTask, .unknownUnit, .unknownUser, .unknownIndicator, .unknownPlan: true
        default: false
        }
    }
}
