import Foundation
import RoDomain

/// Events told in one Vietnamese sentence, for the history that people read
/// (`ro history`, later the task page).
extension TaskEvent {
    public var sentence: String {
        switch self {
        case .assigned(let e):
            let co = e.coUnits.isEmpty ? "" : ", phối hợp: \(e.coUnits.map(\.rawValue).joined(separator: ", "))"
            let due = e.due.map { ", hạn \(CommuneTime.dayOfDeadline($0))" } ?? ", thường xuyên"
            let written = e.deadlineText.map { " (thời hạn theo kế hoạch: \($0))" } ?? ""
            var plan = ""
            if let id = e.plan, let code = e.code { plan = " — kế hoạch \(id), mục \(code)" }
            return "Giao nhiệm vụ \"\(e.title)\" cho \(e.lead)\(co)\(due)\(written)\(plan)"
        case .accepted(let e): return "Tiếp nhận nhiệm vụ" + Self.note(e.note)
        case .declined(let e): return "Từ chối nhiệm vụ. Lý do: \(e.reason)"
        case .reassigned(let e): return "Giao lại từ \(e.from) cho \(e.to)" + Self.note(e.reason)
        case .reportSubmitted(let e):
            let percent = e.percentDone.map { ", \($0)%" } ?? ""
            let late = e.late ? " — TRỄ HẠN" : ""
            let values = e.indicators.map { "\($0.indicator) = \($0.value.formatted(.number.grouping(.never)))" }
            let indicators = values.isEmpty ? "" : " [chỉ tiêu: \(values.joined(separator: "; "))]"
            let output = e.output.map { " Sản phẩm: \($0)." } ?? ""
            let files = (e.evidence ?? []).map { "\($0.name) (SHA-256 \($0.sha256.prefix(12))…)" }
            let evidence = files.isEmpty ? "" : " Minh chứng: \(files.joined(separator: ", "))."
            return "Báo cáo kỳ \(e.period) lần \(e.revision)\(percent)\(late): \(e.summary)\(indicators)\(output)\(evidence)"
        case .reportApproved(let e): return "Duyệt báo cáo kỳ \(e.period) lần \(e.revision)" + Self.note(e.reason)
        case .reportReturned(let e):
            return "Trả lại báo cáo kỳ \(e.period) lần \(e.revision). Lý do: \(e.reason ?? "")"
        case .extensionRequested(let e):
            return "Đề nghị gia hạn đến \(CommuneTime.dayOfDeadline(e.due)). Lý do: \(e.reason)"
        case .extensionGranted(let e):
            return "Đồng ý gia hạn từ \(CommuneTime.dayOfDeadline(e.previousDue)) đến \(CommuneTime.dayOfDeadline(e.due))"
                + Self.note(e.note)
        case .extensionDenied(let e): return "Từ chối gia hạn. Lý do: \(e.reason)"
        case .completionReported(let e):
            let part = e.deliverable.map { " (\($0))" } ?? ""
            return "Báo cáo hoàn thành\(part)\(e.late ? " — TRỄ HẠN" : ""). Sản phẩm: \(e.output)"
        case .completionConfirmed(let e): return "Xác nhận hoàn thành" + Self.note(e.note)
        case .completionReturned(let e): return "Trả lại kết quả hoàn thành. Lý do: \(e.reason)"
        case .cancelled(let e): return "Hủy nhiệm vụ. Lý do: \(e.reason)"
        case .revised(let e):
            var changes: [String] = []
            if let title = e.title { changes.append("tên: \"\(title)\"") }
            if let co = e.coUnits { changes.append("phối hợp: \(co.isEmpty ? "không" : co.map(\.rawValue).joined(separator: ", "))") }
            if let text = e.deadlineText { changes.append("thời hạn: \(text)") }
            if let output = e.output { changes.append("sản phẩm: \(output)") }
            if let indicators = e.indicators { changes.append("chỉ tiêu: \(indicators.joined(separator: ", "))") }
            if let reporting = e.reporting { changes.append("hạn báo cáo tháng: trước ngày \(reporting.beforeDay)") }
            return "Kế hoạch sửa đổi lần \(e.revision): " + changes.joined(separator: "; ")
        case .deadlineTriggered(let e):
            return "Văn bản của cấp trên \(e.document) đặt thời hạn \(CommuneTime.dayOfDeadline(e.due))"
        }
    }

    private static func note(_ text: String?) -> String { text.map { ". Ghi chú: \($0)" } ?? "" }
}
