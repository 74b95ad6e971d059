import Foundation

/// Input that cannot be read: a malformed date, an empty required text, a text
/// over its limit. Raised before any decision is taken; nothing is written.
public enum InputError: Error, Equatable, Sendable {
    case empty(field: String)
    case tooLong(field: String, limit: Int)
    case multipleLines(field: String)
    case controlCharacter(field: String)
    case malformedIdentifier(field: String, value: String)
    case malformedDate(field: String, value: String)
    case malformedPeriod(value: String)
    case malformedNumber(field: String, value: String)
    case outOfRange(field: String, value: String, range: String)
    case malformedEmail(value: String)
    case unknownRole(value: String)

    /// One line, in Vietnamese, naming the problem.
    public var message: String {
        switch self {
        case .empty(let field): "\(field) không được để trống"
        case .tooLong(let field, let limit): "\(field) dài quá \(limit) ký tự"
        case .multipleLines(let field): "\(field) phải nằm trên một dòng"
        case .controlCharacter(let field): "\(field) chứa ký tự điều khiển không hợp lệ"
        case .malformedIdentifier(let field, let value):
            "\(field) '\(value)' không hợp lệ (chỉ dùng chữ không dấu, số và . - _ /, bắt đầu bằng chữ hoặc số)"
        case .malformedDate(let field, let value):
            "\(field) '\(value)' không đọc được (cần dạng YYYY-MM-DD)"
        case .malformedPeriod(let value): "kỳ báo cáo '\(value)' không đọc được (cần dạng YYYY-MM)"
        case .malformedNumber(let field, let value): "\(field) '\(value)' không phải là số"
        case .outOfRange(let field, let value, let range): "\(field) \(value) nằm ngoài khoảng \(range)"
        case .malformedEmail(let value): "địa chỉ email '\(value)' không hợp lệ"
        case .unknownRole(let value):
            "vai trò '\(value)' không có (chọn: admin, leader, coordinator, officer, auditor)"
        }
    }
}
